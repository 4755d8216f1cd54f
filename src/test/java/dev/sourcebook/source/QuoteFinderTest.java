package dev.sourcebook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sourcebook.source.QuoteFinder.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {
  @Test
  void curlyAndStraightMarksMatchEachOther() {
    String text = "She said: “It’s not free speech.”";
    assertEquals(List.of(new Span(11, 32)), new QuoteFinder(text).find("It's not free speech."));
    assertEquals(List.of(new Span(10, 33)), new QuoteFinder(text).find("\"It's not free speech.\""));
  }

  @Test
  void dashesAndRunsOfWhitespaceMatch() {
    String text = "the force - and\n\n  the council — said";
    assertEquals(List.of(new Span(4, 37)), new QuoteFinder(text).find("force – and the council - said"));
  }

  @Test
  void nothingElseIsForgiven() {
    QuoteFinder f = new QuoteFinder("I was horrified and humiliated");
    assertEquals(List.of(), f.find("I was horrified and humilated"));
    assertEquals(List.of(), f.find("i was horrified"));
    assertEquals(List.of(), f.find("I was horrified, and"));
  }

  @Test
  void offsetsCountCodePointsNotChars() {
    // U+1F600 is two chars in Java but one code point, as in Python.
    String text = "\uD83D\uDE00 smile “here”";
    List<Span> spans = new QuoteFinder(text).find("here");
    assertEquals(List.of(new Span(9, 13)), spans);
    int from = text.offsetByCodePoints(0, 9);
    assertEquals("here", text.substring(from, text.offsetByCodePoints(from, 4)));
  }

  @Test
  void everyOccurrenceIsFound() {
    assertEquals(3, new QuoteFinder("said, said; said").find("said").size());
  }

  @Test
  void aQuoteOfOnlyWhitespaceIsNeverFound() {
    assertEquals(List.of(), new QuoteFinder("a b").find("  "));
  }

  @Test
  void whitespaceIsWhatJavaCallsWhitespaceOrSpaceForEveryCharOfTheFirstBlocks() {
    // The finder tests ASCII by hand for speed; every char up to U+3000 must agree with Java.
    for (char c = 0; c <= '\u3000'; c++) {
      if (Character.isSurrogate(c)) continue;
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      List<Span> found = new QuoteFinder("a" + c + "b").find("a b");
      assertEquals(space ? List.of(new Span(0, 3)) : List.of(), found, "U+" + Integer.toHexString(c));
    }
  }
}
