package dev.sourcebook.check;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean": the known word nearest a misspelt one, and the passage of a text nearest a quote
 * that is not in it, so that a diagnostic ends the hunt for a one-letter typo.
 */
public final class Spelling {
  private Spelling() {}

  /** The known word within a few edits of {@code word} (the fewest; the first in order on a tie), or null. */
  public static String nearest(String word, Collection<String> known) {
    String best = null;
    int bestDistance = Math.min(3, word.length() / 2 + 1);
    for (String k : known.stream().sorted().toList()) {
      if (Math.abs(k.length() - word.length()) >= bestDistance) continue;
      int d = distance(word, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A passage of a text: chars {@code [start, end)}, and how many edits from the quote it is. */
  public record Passage(int start, int end, int edits) {}

  /** Work above which no passage is looked for: quote length times text length. */
  static final long MAX_WORK = 20_000_000L;

  /**
   * The passage of {@code text} fewest edits away from {@code quote} (Sellers' approximate
   * matching; whitespace, quotation marks and dashes compared as the quote finder compares them),
   * when it is within a quarter of the quote's length; empty when none is, or when the search
   * would cost more than {@link #MAX_WORK}.
   */
  public static Optional<Passage> closestPassage(String text, String quote) {
    int m = quote.length();
    int n = text.length();
    if (m == 0 || (long) m * n > MAX_WORK) return Optional.empty();
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    int[] prevStart = new int[m + 1];
    int[] curStart = new int[m + 1];
    for (int i = 0; i <= m; i++) prev[i] = i;
    int best = Integer.MAX_VALUE;
    int bestEnd = -1;
    int bestStart = -1;
    for (int j = 1; j <= n; j++) {
      cur[0] = 0; // a passage may start anywhere: here, at char j
      curStart[0] = j;
      char t = fold(text.charAt(j - 1));
      for (int i = 1; i <= m; i++) {
        int sub = prev[i - 1] + (fold(quote.charAt(i - 1)) == t ? 0 : 1);
        int del = prev[i] + 1;
        int ins = cur[i - 1] + 1;
        if (sub <= del && sub <= ins) {
          cur[i] = sub;
          curStart[i] = prevStart[i - 1];
        } else if (del <= ins) {
          cur[i] = del;
          curStart[i] = prevStart[i];
        } else {
          cur[i] = ins;
          curStart[i] = curStart[i - 1];
        }
      }
      if (cur[m] < best) {
        best = cur[m];
        bestEnd = j;
        bestStart = curStart[m];
      }
      int[] x = prev;
      prev = cur;
      cur = x;
      x = prevStart;
      prevStart = curStart;
      curStart = x;
    }
    if (bestEnd < 0 || best > Math.max(1, m / 4)) return Optional.empty();
    return Optional.of(new Passage(bestStart, bestEnd, best));
  }

  /** Whitespace, quotation marks and dashes as the quote finder treats them: one of a kind. */
  private static char fold(char c) {
    if (Character.isWhitespace(c)) return ' ';
    return switch (c) {
      case '\u2018', '\u2019', '\u201B', '\u2032' -> '\'';
      case '\u201C', '\u201D', '\u201F', '\u2033' -> '"';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
      default -> c;
    };
  }
}
