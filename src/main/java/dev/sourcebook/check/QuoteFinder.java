package dev.sourcebook.check;

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

  /** Code points in the source text. */
  private final int sourceLength;

  public QuoteFinder(String text) {
    // This runs over every char of every source, so printable ASCII, nearly all of a text, costs
    // one test. Normalised in place: collapsing whitespace only shortens, so the write index n
    // never passes the read index i.
    char[] chars = text.toCharArray();
    Breaks breaks = new Breaks();
    breaks.map(0, 0);
    int n = 0;
    boolean inSpace = false;
    int cp = 0;
    for (int i = 0; i < chars.length; i++, cp++) {
      char ch = chars[i];
      if (ch > ' ' && ch < 0x80) {
        // Delta changes only after a collapsed run of whitespace (or inside a surrogate pair).
        if (inSpace) breaks.map(n, cp);
        inSpace = false;
        chars[n++] = ch;
      } else if (ch == ' ' || isSpace(ch)) {
        if (!inSpace) chars[n++] = ' ';
        inSpace = true;
      } else if (Character.isHighSurrogate(ch) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
        // One code point, two chars; no whitespace or folded mark lies outside the BMP.
        inSpace = false;
        breaks.map(n, cp);
        chars[n++] = ch;
        breaks.map(n, cp);
        chars[n++] = chars[++i];
      } else {
        if (inSpace) breaks.map(n, cp);
        inSpace = false;
        chars[n++] = (char) fold(ch);
      }
    }
    this.sourceLength = cp;
    this.normalized = new String(chars, 0, n);
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

  /** The length of the source text in code points, the unit of every offset. */
  public int sourceLength() {
    return sourceLength;
  }

  private int sourceIndex(int k) {
    int i = java.util.Arrays.binarySearch(starts, k);
    return k + deltas[i >= 0 ? i : -i - 2];
  }

  /**
   * Every place the quote occurs as words of the text, in order; empty when it does not. A match
   * that starts or ends inside a word of the text is not the quote ({@link Words#onBoundaries}).
   */
  public List<Span> find(String quote) {
    return find(quote, true);
  }

  /** Every place the quote occurs, in order, also inside words: to tell a curator why it is not found. */
  public List<Span> findAnywhere(String quote) {
    return find(quote, false);
  }

  private List<Span> find(String quote, boolean wholeWords) {
    String needle = normalize(quote);
    List<Span> spans = new ArrayList<>();
    if (needle.isEmpty()) return spans;
    for (int at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1)) {
      // Normalising changes only spaces, quotation marks and dashes, none of them word chars, so
      // the boundaries of the normalised text are those of the source.
      if (wholeWords && !Words.onBoundaries(normalized, at, at + needle.length())) continue;
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

  private static int fold(int c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B' -> '\'';
      case '\u201C', '\u201D', '\u201E', '\u201F' -> '"';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
      default -> c;
    };
  }
}
