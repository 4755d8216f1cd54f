package dev.sourcebook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words in a text: what a quote's ends may not cut through, and the text at code-point offsets,
 * the unit every published offset counts in.
 */
public final class Words {
  private Words() {}

  /** A letter, a digit, or a mark that belongs to the letter before it (an accent). */
  public static boolean isWordChar(int c) {
    if (Character.isLetterOrDigit(c)) return true;
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /**
   * True when chars {@code [from, to)} of {@code text} neither start nor end inside a word: a
   * quote may start or end inside punctuation ("unacceptable." may be quoted as "unacceptable"),
   * never inside a word ("acceptable." is not words of "...unacceptable.").
   */
  public static boolean onBoundaries(CharSequence text, int from, int to) {
    if (from >= to) return true;
    if (from > 0 && isWordChar(Character.codePointAt(text, from)) && isWordChar(Character.codePointBefore(text, from))) {
      return false;
    }
    return to >= text.length()
        || !isWordChar(Character.codePointBefore(text, to))
        || !isWordChar(Character.codePointAt(text, to));
  }

  /**
   * The words of {@code text}, lower-cased: runs of word chars, split also where a lower-case
   * letter meets an upper-case one, so that "#TommyStrong" is "tommy", "strong" and the id
   * "tommy-example" is "tommy", "example". For finding words whatever their case, spacing or
   * setting.
   */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    int previous = 0;
    for (int i = 0; i <= text.length(); ) {
      int c = i < text.length() ? text.codePointAt(i) : ' ';
      boolean word = i < text.length() && isWordChar(c);
      boolean camel = word && start >= 0 && Character.isLowerCase(previous) && Character.isUpperCase(c);
      if (start >= 0 && (!word || camel)) {
        out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
      if (word && start < 0) start = i;
      previous = c;
      i += i < text.length() ? Character.charCount(c) : 1;
    }
    return out;
  }

  /**
   * The words of {@code text}, which is {@code codePoints} code points long, at code points
   * {@code [start, end)}. A text with as many chars as code points has no surrogate pairs, so
   * its offsets are char indexes and nothing is counted.
   */
  public static String slice(String text, int codePoints, int start, int end) {
    if (text.length() == codePoints) return text.substring(start, end);
    int from = text.offsetByCodePoints(0, start);
    return text.substring(from, text.offsetByCodePoints(from, end - start));
  }

  /** The char index of code point {@code index} of {@code text}. */
  public static int charIndex(String text, int codePoints, int index) {
    return text.length() == codePoints ? index : text.offsetByCodePoints(0, index);
  }
}
