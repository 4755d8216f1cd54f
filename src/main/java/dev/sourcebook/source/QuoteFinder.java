package dev.sourcebook.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a curator's quote in a source text, allowing for straight versus curly quotation marks,
 * dashes and runs of whitespace, and nothing more. Offsets are in Unicode code points, so that
 * Python's {@code text[start:end]} and Java's code-point substring both give the quote back.
 */
public final class QuoteFinder {
  /** A match: code points {@code [start, end)} of the source text. */
  public record Span(int start, int end) {}

  private final String normalized;
  /** For each char of {@code normalized}, the code-point index of the source it came from. */
  private final int[] sourceIndex;

  public QuoteFinder(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int[] index = new int[text.length() + 1];
    int cp = 0;
    boolean inSpace = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isSpace(c)) {
        if (!inSpace) {
          index[out.length()] = cp;
          out.append(' ');
        }
        inSpace = true;
      } else {
        inSpace = false;
        int n = fold(c);
        int before = out.length();
        out.appendCodePoint(n);
        for (int k = before; k < out.length(); k++) index[k] = cp;
      }
      cp++;
    }
    this.normalized = out.toString();
    this.sourceIndex = index;
  }

  /** Every place the quote occurs, in order; empty when it does not. */
  public List<Span> find(String quote) {
    String needle = normalize(quote);
    List<Span> spans = new ArrayList<>();
    if (needle.isEmpty()) return spans;
    for (int at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1)) {
      int last = at + needle.length() - 1;
      spans.add(new Span(sourceIndex[at], sourceIndex[last] + 1));
    }
    return spans;
  }

  /** The quote as it is compared: marks and dashes folded, whitespace collapsed and trimmed. */
  public static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inSpace = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (isSpace(c)) {
        if (!inSpace && out.length() > 0) out.append(' ');
        inSpace = true;
      } else {
        inSpace = false;
        out.appendCodePoint(fold(c));
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') end--;
    return out.substring(0, end);
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static int fold(int c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
      default -> c;
    };
  }
}
