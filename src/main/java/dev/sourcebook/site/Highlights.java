package dev.sourcebook.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An article's text cut into nested spans, one for every statement, evidence and redaction in it,
 * so that each becomes one element of the page: HTML elements nest, and quotes may cross. Ranges
 * are placed in order of priority (statements first); a range that crosses one already placed is
 * cut where that one begins or ends, its first piece keeping the id. The placed ranges then never
 * cross, so they nest.
 */
public final class Highlights {
  private Highlights() {}

  /** What a range is, in order of priority: statements stay whole before evidence, evidence before redactions. */
  public enum Kind {
    STATEMENT,
    EVIDENCE,
    REDACTION
  }

  /**
   * A range of the text in code points, {@code [start, end)}.
   *
   * @param id the element's id (null for none)
   * @param href the record it links to (null for a redaction)
   * @param label what it is, for the link and the tooltip
   */
  public record Range(int start, int end, Kind kind, String id, String href, String label) {}

  /**
   * A piece of the page's text: plain text, or an element around the pieces inside it.
   *
   * @param range null for plain text
   */
  public record Span(String text, Range range, List<Span> children) {
    public boolean isText() {
      return range == null;
    }

    public boolean isRedaction() {
      return range != null && range.kind() == Kind.REDACTION;
    }

    /** The element's class: statement, evidence or redaction. */
    public String kind() {
      return range.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The text as spans, every range an element. Ranges outside the text or empty are left out. */
  static List<Span> of(String text, List<Range> ranges) {
    int length = text.codePointCount(0, text.length());
    List<Range> wanted = new ArrayList<>();
    for (Range r : ranges) if (r.start() >= 0 && r.end() <= length && r.start() < r.end()) wanted.add(r);
    wanted.sort(Comparator.comparing(Range::kind).thenComparingInt(Range::start).thenComparingInt(r -> -r.end()));
    List<Range> placed = new ArrayList<>();
    for (Range r : wanted) placed.addAll(cut(r, placed));
    // Outer before inner: by start, then the longer first, then by priority.
    placed.sort(Comparator.comparingInt(Range::start).thenComparingInt(r -> -r.end()).thenComparing(Range::kind));
    int[] index = {0};
    int[] chars = charOffsets(text);
    return spans(text, chars, placed, index, 0, length);
  }

  /** The range cut at the inner ends of the placed ranges it crosses; the first piece keeps its id. */
  private static List<Range> cut(Range r, List<Range> placed) {
    java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
    for (Range p : placed) {
      boolean crosses = p.start() < r.end() && r.start() < p.end() && !(p.start() <= r.start() && r.end() <= p.end())
          && !(r.start() <= p.start() && p.end() <= r.end());
      if (!crosses) continue;
      if (p.start() > r.start() && p.start() < r.end()) cuts.add(p.start());
      if (p.end() > r.start() && p.end() < r.end()) cuts.add(p.end());
    }
    if (cuts.isEmpty()) return List.of(r);
    List<Range> pieces = new ArrayList<>();
    int from = r.start();
    for (int at : cuts) {
      pieces.add(new Range(from, at, r.kind(), pieces.isEmpty() ? r.id() : null, r.href(), r.label()));
      from = at;
    }
    pieces.add(new Range(from, r.end(), r.kind(), null, r.href(), r.label()));
    return pieces;
  }

  /** The spans of {@code [from, to)}, taking the ranges that start inside it from {@code index} on. */
  private static List<Span> spans(String text, int[] chars, List<Range> ranges, int[] index, int from, int to) {
    List<Span> out = new ArrayList<>();
    int at = from;
    while (index[0] < ranges.size() && ranges.get(index[0]).start() < to) {
      Range r = ranges.get(index[0]++);
      if (r.start() > at) out.add(new Span(text.substring(chars[at], chars[r.start()]), null, List.of()));
      List<Span> inside = spans(text, chars, ranges, index, r.start(), r.end());
      out.add(new Span(null, r, inside));
      at = r.end();
    }
    if (at < to) out.add(new Span(text.substring(chars[at], chars[to]), null, List.of()));
    return out;
  }

  /** The char index of every code point offset, and of the end. */
  private static int[] charOffsets(String text) {
    int[] out = new int[text.codePointCount(0, text.length()) + 1];
    int i = 0;
    int cp = 0;
    while (i < text.length()) {
      out[cp++] = i;
      i += Character.charCount(text.codePointAt(i));
    }
    out[cp] = i;
    return out;
  }
}
