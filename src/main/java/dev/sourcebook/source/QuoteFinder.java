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

  /**
   * Where each char of {@code normalized} came from: char k is source code point k + delta, where
   * delta is {@code deltas[i]} for the last {@code starts[i] <= k}. Delta changes only after a
   * collapsed run of whitespace or at a char outside the BMP, so a few entries per paragraph do
   * what an int per char would.
   */
  private final int[] starts;

  private final int[] deltas;

  public QuoteFinder(String text) {
    // One pass over chars, a code point at a time only at surrogates: this runs over every byte
    // of every source.
    char[] out = new char[text.length()];
    int n = 0;
    Breaks breaks = new Breaks();
    int cp = 0;
    boolean inSpace = false;
    for (int i = 0; i < text.length(); cp++) {
      char ch = text.charAt(i);
      int c = Character.isSurrogate(ch) ? text.codePointAt(i) : ch;
      int width = Character.charCount(c);
      i += width;
      if (isSpace(c)) {
        if (!inSpace) {
          breaks.map(n, cp);
          out[n++] = ' ';
        }
        inSpace = true;
      } else {
        inSpace = false;
        breaks.map(n, cp);
        if (width == 1) {
          out[n++] = c < FIRST_FOLDED ? (char) c : (char) fold(c);
        } else {
          out[n++] = ch;
          breaks.map(n, cp);
          out[n++] = text.charAt(i - 1);
        }
      }
    }
    this.normalized = new String(out, 0, n);
    this.starts = java.util.Arrays.copyOf(breaks.starts, breaks.size);
    this.deltas = java.util.Arrays.copyOf(breaks.deltas, breaks.size);
  }

  /** Builds the (start, delta) table as chars are mapped in order. */
  private static final class Breaks {
    int[] starts = new int[16];
    int[] deltas = new int[16];
    int size;

    void map(int k, int cp) {
      int delta = cp - k;
      if (size > 0 && deltas[size - 1] == delta) return;
      if (size == starts.length) {
        starts = java.util.Arrays.copyOf(starts, size * 2);
        deltas = java.util.Arrays.copyOf(deltas, size * 2);
      }
      starts[size] = k;
      deltas[size] = delta;
      size++;
    }
  }

  private int sourceIndex(int k) {
    int i = java.util.Arrays.binarySearch(starts, k);
    return k + deltas[i >= 0 ? i : -i - 2];
  }

  /** Every place the quote occurs, in order; empty when it does not. */
  public List<Span> find(String quote) {
    String needle = normalize(quote);
    List<Span> spans = new ArrayList<>();
    if (needle.isEmpty()) return spans;
    for (int at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1)) {
      int last = at + needle.length() - 1;
      spans.add(new Span(sourceIndex(at), sourceIndex(last) + 1));
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
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The lowest code point {@link #fold} changes. */
  private static final int FIRST_FOLDED = '\u2010';

  private static int fold(int c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
      default -> c;
    };
  }
}
