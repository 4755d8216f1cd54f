package dev.sourcebook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sourcebook.site.Highlights.Kind;
import dev.sourcebook.site.Highlights.Range;
import dev.sourcebook.site.Highlights.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightsTest {
  private static Range range(int start, int end, Kind kind, String id) {
    return new Range(start, end, kind, id, "#" + id, id);
  }

  /** The spans as text with brackets: [id:...] for an element, [-:...] for a piece without an id. */
  private static String shown(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (Span s : spans) {
      if (s.isText()) out.append(s.text());
      else out.append('[').append(s.range().id() == null ? "-" : s.range().id()).append(':').append(shown(s.children())).append(']');
    }
    return out.toString();
  }

  /** The text of an element, as a browser's textContent gives it. */
  private static String text(List<Span> spans) {
    StringBuilder out = new StringBuilder();
    for (Span s : spans) out.append(s.isText() ? s.text() : text(s.children()));
    return out.toString();
  }

  @Test
  void nestedRangesNestAndTheTextIsKept() {
    String t = "He said: I was horrified and humiliated, she said.";
    List<Span> spans = Highlights.of(t, List.of(range(9, 40, Kind.STATEMENT, "s"), range(15, 24, Kind.EVIDENCE, "e"), range(0, 50, Kind.EVIDENCE, "all")));
    assertEquals("[all:He said: [s:I was [e:horrified] and humiliated,] she said.]", shown(spans));
    assertEquals(t, text(spans));
  }

  @Test
  void aCrossingEvidenceIsCutAndTheStatementStaysWhole() {
    String t = "one two three four five";
    // evidence "two three" crosses statement "three four"
    List<Span> spans = Highlights.of(t, List.of(range(4, 13, Kind.EVIDENCE, "e"), range(8, 18, Kind.STATEMENT, "s")));
    assertEquals("one [e:two ][s:[-:three] four] five", shown(spans));
    assertEquals(t, text(spans));
  }

  @Test
  void offsetsCountCodePoints() {
    String t = "\uD83D\uDE00 smile \uD83D\uDE00 again";
    List<Span> spans = Highlights.of(t, List.of(range(2, 9, Kind.STATEMENT, "s")));
    assertEquals("\uD83D\uDE00 [s:smile \uD83D\uDE00] again", shown(spans));
  }

  @Test
  void equalRangesNestByPriorityAndEmptyOrOutsideRangesAreLeftOut() {
    String t = "abc def";
    List<Span> spans =
        Highlights.of(t, List.of(range(0, 3, Kind.EVIDENCE, "e"), range(0, 3, Kind.STATEMENT, "s"), range(4, 4, Kind.STATEMENT, "empty"), range(5, 99, Kind.EVIDENCE, "out")));
    assertEquals("[s:[e:abc]] def", shown(spans));
  }
}
