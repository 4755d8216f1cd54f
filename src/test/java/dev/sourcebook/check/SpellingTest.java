package dev.sourcebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
  @Test
  void theNearestKnownWordWithinAFewEdits() {
    assertEquals("stella-creasy", Spelling.nearest("stela-creasy", List.of("philip-stacey", "stella-creasy")));
    assertEquals("caution", Spelling.nearest("cautoin", List.of("conviction", "caution")));
    assertNull(Spelling.nearest("keir-starmer", List.of("stella-creasy")), "nothing close: no guess");
  }

  @Test
  void theClosestPassageOfATextToAQuoteThatIsNotInIt() {
    String text = "Speaking to the BBC, she said:\n\"I was horrified and humiliated,\" she said.";
    var p = Spelling.closestPassage(text, "I was horified and humiliated,").orElseThrow();
    assertEquals("I was horrified and humiliated,", text.substring(p.start(), p.end()));
    assertEquals(1, p.edits());
    // Curly marks, dashes and line breaks are the same to it as to the quote finder.
    var q = Spelling.closestPassage("the \u201cgreen\nlight\u201d \u2014 he said", "\"green light\" - he sad").orElseThrow();
    assertEquals(1, q.edits());
    assertTrue(Spelling.closestPassage(text, "nothing of the kind is in there at all").isEmpty(), "too far: no passage");
  }

  @Test
  void noSearchWhenItWouldCostTooMuch() {
    String big = "a".repeat(1_000_000);
    assertTrue(Spelling.closestPassage(big, "b".repeat(100)).isEmpty());
  }
}
