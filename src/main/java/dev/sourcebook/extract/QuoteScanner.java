package dev.sourcebook.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the words between double quotation marks, straight or curly. A quotation left open at the
 * end of a paragraph goes on when the next paragraph opens with a mark (the convention for
 * quotations over several paragraphs); debris between the two ends it. A mark that opens while a
 * quotation is already open is taken as a stray mark of the page, not a nested quotation. Curly
 * single marks quote too, within a paragraph (a headline's ‘abuser’, or words a speaker quotes:
 * “... who said: ‘...’”): one opens at the start of a word and closes at the end of one, so
 * that an apostrophe (don’t, MPs’) neither opens nor closes one.
 */
final class QuoteScanner {
  private QuoteScanner() {}

  /** Char offsets {@code [start, end)} of each quotation's words, without the marks. */
  static List<int[]> spans(String text, List<Debris.Line> lines) {
    List<int[]> out = new ArrayList<>();
    int open = -1;
    for (int li = 0; li < lines.size(); li++) {
      if (lines.get(li).leftOut() == null) singles(text, lines.get(li), out);
      Debris.Line line = lines.get(li);
      if (line.leftOut() != null) {
        open = close(text, out, open, lastProseEnd(lines, li));
        continue;
      }
      int from = line.start();
      if (open >= 0) {
        // The mark that carries an open quotation into this paragraph belongs to its words.
        while (from < line.end() && Character.isWhitespace(text.charAt(from))) from++;
        if (from < line.end() && isMark(text.charAt(from))) from++;
      }
      for (int j = from; j < line.end(); j++) {
        char c = text.charAt(j);
        if (open < 0) {
          if (c == '“' || (c == '"' && opensStraight(text, j, line.start()))) {
            open = skipMarks(text, j + 1, line.end());
            j = open - 1;
          }
        } else if (c == '”' || c == '"') {
          if (j > open) out.add(trim(text, open, j));
          open = -1;
        }
      }
      if (open >= 0 && !nextProseOpensWithMark(text, lines, li) && !nextProseClosesFirst(text, lines, li)) {
        open = close(text, out, open, line.end());
      }
    }
    close(text, out, open, text.length());
    out.sort(java.util.Comparator.comparingInt((int[] span) -> span[0]));
    return out;
  }

  /**
   * The words between single marks in one line: curly ones, and straight ones, which some outlets
   * quote with ('...,' Mr Reid said) and which are apostrophes far more often, so they close a
   * quotation only after its stop or comma, before punctuation or the line's end, or after a word
   * that does not end in s (not the plural possessive of "MPs' offices").
   */
  private static void singles(String text, Debris.Line line, List<int[]> out) {
    int open = -1;
    int openStraight = -1;
    for (int j = line.start(); j < line.end(); j++) {
      char c = text.charAt(j);
      boolean startsWord = j == line.start() || !Character.isLetterOrDigit(text.charAt(j - 1));
      if (c == '‘' && startsWord) {
        open = j + 1;
      } else if (c == '’' && open >= 0 && j > open && endsWord(text, j, line.end())) {
        out.add(trim(text, open, j));
        open = -1;
      } else if (c == '\'' && openStraight < 0 && startsWord && j + 1 < line.end() && Character.isLetterOrDigit(text.charAt(j + 1))) {
        openStraight = j + 1;
      } else if (c == '\'' && openStraight >= 0 && j > openStraight && closesStraight(text, j, line.end())) {
        out.add(trim(text, openStraight, j));
        openStraight = -1;
      }
    }
  }

  private static boolean closesStraight(String text, int j, int lineEnd) {
    if (!endsWord(text, j, lineEnd)) return false;
    char before = text.charAt(j - 1);
    if (".!?,".indexOf(before) >= 0 || j + 1 == lineEnd) return true;
    char after = text.charAt(j + 1);
    return ".,;:!?)".indexOf(after) >= 0 || before != 's';
  }

  /** A closing single mark: after a word or its stop, and not before a letter (the ’ of "don’t"). */
  private static boolean endsWord(String text, int j, int lineEnd) {
    char before = text.charAt(j - 1);
    boolean afterWord = Character.isLetterOrDigit(before) || ".!?,".indexOf(before) >= 0;
    return afterWord && (j + 1 == lineEnd || !Character.isLetter(text.charAt(j + 1)));
  }

  private static int close(String text, List<int[]> out, int open, int end) {
    if (open >= 0 && end > open) out.add(trim(text, open, end));
    return -1;
  }

  private static int lastProseEnd(List<Debris.Line> lines, int before) {
    for (int i = before - 1; i >= 0; i--) {
      if (lines.get(i).leftOut() == null && !lines.get(i).text().isBlank()) return lines.get(i).end();
    }
    return 0;
  }

  private static boolean nextProseOpensWithMark(String text, List<Debris.Line> lines, int li) {
    for (int i = li + 1; i < lines.size(); i++) {
      Debris.Line next = lines.get(i);
      if (next.text().isBlank()) continue;
      if (next.leftOut() != null) return false;
      String t = next.text().strip();
      return !t.isEmpty() && (t.charAt(0) == '“' || t.charAt(0) == '"');
    }
    return false;
  }

  /**
   * The next paragraph closes a curly quotation before it opens one: the outlet left out the mark
   * that carries the quotation into it ("... to stop.\n\nThis must end,” she said.").
   */
  private static boolean nextProseClosesFirst(String text, List<Debris.Line> lines, int li) {
    for (int i = li + 1; i < lines.size(); i++) {
      Debris.Line next = lines.get(i);
      if (next.text().isBlank()) continue;
      if (next.leftOut() != null) return false;
      int close = next.text().indexOf('”');
      int open = next.text().indexOf('“');
      return close >= 0 && (open < 0 || close < open);
    }
    return false;
  }

  private static boolean opensStraight(String text, int j, int lineStart) {
    return j == lineStart || !Character.isLetterOrDigit(text.charAt(j - 1));
  }

  private static boolean isMark(char c) {
    return c == '“' || c == '"';
  }

  /** Past the opening mark: a stray second mark and spaces belong to no word. */
  private static int skipMarks(String text, int from, int end) {
    int i = from;
    while (i < end && (text.charAt(i) == '"' || text.charAt(i) == '“' || text.charAt(i) == ' ')) i++;
    return i;
  }

  private static int[] trim(String text, int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
    return new int[] {start, end};
  }
}
