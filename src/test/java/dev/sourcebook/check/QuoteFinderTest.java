package dev.sourcebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sourcebook.check.QuoteFinder.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  @Test
  void aQuoteIsWholeWordsOfTheText() {
    QuoteFinder f = new QuoteFinder("The treatment was unacceptable. Ms Creasy's office said so.");
    assertEquals(List.of(), f.find("acceptable."), "not the end of a word");
    assertEquals(List.of(), f.find("unaccept"), "not the start of a word");
    assertEquals(List.of(new Span(18, 30)), f.find("unacceptable"), "a quote may stop before punctuation");
    assertEquals(List.of(), f.find("le. Ms"), "'le' is the end of 'unacceptable'");
    assertEquals(List.of(new Span(30, 34)), f.find(". Ms"), "a quote may start inside punctuation");
    assertEquals(1, f.find("Creasy").size(), "a name before a possessive");
    assertEquals(1, f.findAnywhere("acceptable.").size(), "found inside a word, to tell the curator why");
  }

  @Test
  void agreesWithACodePointAtATimeFinderOnRandomTexts() {
    // Texts dense in what the finder must treat specially: runs of whitespace of several kinds,
    // curly marks, dashes, surrogate pairs, lone surrogates and control chars.
    String alphabet = "ab c\n\t\u00A0\u2003\u2019\u201C\u2014-'\"\u0007\u00E9\uD83D\uDE00\uD800";
    Random random = new Random(42);
    for (int t = 0; t < 20_000; t++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      String s = text.toString();
      int from = random.nextInt(s.length() + 1);
      String quote = s.substring(from, Math.min(s.length(), from + 1 + random.nextInt(8)));
      assertEquals(spansByCodePoint(s, quote), new QuoteFinder(s).find(quote), () -> "text " + escape(s) + " quote " + escape(quote));
    }
  }

  /** The plain way: normalise a code point at a time, keeping the source index of every char. */
  private static List<Span> spansByCodePoint(String text, String quote) {
    StringBuilder normalized = new StringBuilder();
    List<Integer> source = new ArrayList<>();
    int[] cps = text.codePoints().toArray();
    for (int k = 0; k < cps.length; k++) {
      int c = cps[k];
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      if (space && k > 0 && isSpace(cps[k - 1])) continue; // a run of whitespace is one space
      String folded = space ? " " : QuoteFinder.normalize(new String(Character.toChars(c)));
      if (folded.isEmpty()) folded = new String(Character.toChars(c));
      for (int j = 0; j < folded.length(); j++) {
        normalized.append(folded.charAt(j));
        source.add(k);
      }
    }
    String needle = QuoteFinder.normalize(quote);
    List<Span> spans = new ArrayList<>();
    if (needle.isEmpty()) return spans;
    for (int at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1)) {
      if (!Words.onBoundaries(normalized, at, at + needle.length())) continue;
      spans.add(new Span(source.get(at), source.get(at + needle.length() - 1) + 1));
    }
    return spans;
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
