package dev.sourcebook.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the lines of a captured web page that are not the article's prose, by general rules of
 * repetition and shape (no outlet's phrases): lines that occur more than once ("Hide Ad", repeated
 * captions), short lines without closing punctuation and without quotation marks (headlines,
 * subheadings, captions, prompts, bylines), and a short line ending with a colon followed by such lines ("Read more:" blocks).
 */
final class Debris {
  private Debris() {}

  /** A line of the text: its char offsets and why it is left out (null when it is prose). */
  record Line(int start, int end, String text, String leftOut) {}

  /** The credit a picture caption carries: "(Image: PA)", "Photo: Getty Images", "Picture credit". */
  private static final java.util.regex.Pattern CREDIT =
      java.util.regex.Pattern.compile("(?i)(?:\\(|\\b)(?:image|photo|photograph|picture|pic)(?:\\s+(?:credit|source))?\\s*:\\s*[^)]{1,60}\\)?\\s*$|\\b(?:image|picture|photo) (?:credit|source)\\b");

  static List<Line> lines(String text) {
    List<int[]> bounds = new ArrayList<>();
    for (int start = 0; start <= text.length(); ) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      bounds.add(new int[] {start, end});
      if (nl < 0) break;
      start = nl + 1;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int[] b : bounds) seen.merge(key(text.substring(b[0], b[1])), 1, Integer::sum);

    List<Line> out = new ArrayList<>();
    boolean inLinkBlock = false;
    for (int[] b : bounds) {
      String line = text.substring(b[0], b[1]);
      String trimmed = line.strip();
      String why = null;
      if (trimmed.isEmpty()) {
        inLinkBlock = false;
      } else if (seen.get(key(line)) > 1 && trimmed.length() <= 120) {
        why = "repeated line";
      } else if (trimmed.endsWith(":") && words(trimmed) <= 4) {
        why = "link or prompt block";
        inLinkBlock = true;
      } else if (inLinkBlock && !endsSentence(trimmed)) {
        why = "link or prompt block";
      } else if (CREDIT.matcher(trimmed).find()) {
        why = "picture caption (it credits an image)";
      } else if (!endsSentence(trimmed) && words(trimmed) <= 16 && !hasQuotes(trimmed)) {
        why = "short line without closing punctuation (headline, caption or prompt)";
      }
      if (why == null && !trimmed.isEmpty()) inLinkBlock = false;
      out.add(new Line(b[0], b[1], line, why));
    }
    return out;
  }

  private static String key(String line) {
    return line.strip();
  }

  /** Curly single marks around words: a headline's quotation (‘hunted’), not an apostrophe. */
  private static final java.util.regex.Pattern SINGLE_QUOTED = java.util.regex.Pattern.compile("(?:^|[^\\p{L}\\d])‘[^‘’]*[\\p{L}\\d.!?,]’(?![\\p{L}])");

  /** A line that quotes someone is prose, whatever its end. */
  private static boolean hasQuotes(String s) {
    return s.indexOf('“') >= 0 || s.indexOf('"') >= 0 || SINGLE_QUOTED.matcher(s).find();
  }

  static int words(String s) {
    return s.isBlank() ? 0 : s.strip().split("\\s+").length;
  }

  static boolean endsSentence(String s) {
    char c = s.charAt(s.length() - 1);
    return ".!?\"”’'…)".indexOf(c) >= 0;
  }
}
