package dev.sourcebook.model;

/**
 * The characters that never belong in the data, wherever they come from (a source text, a YAML
 * escape such as {@code "\0"} or {@code "\e"}, a JSON file): controls other than tab and line
 * ends, C1 controls, and lone surrogates. They can rewrite a terminal, hide text in a spreadsheet
 * or break another tool's parser. Bidirectional overrides are allowed in text (news in Arabic or
 * Hebrew carries them) but are escaped, with the rest, wherever text is shown.
 */
public final class Characters {
  private Characters() {}

  /** A control character (C0 but tab, LF and CR; DEL; C1) or a lone surrogate. */
  public static boolean isForbidden(int c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
        || c >= 0x7f && c <= 0x9f
        || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
  }

  /** The index of the first forbidden code point of {@code s} (a char index), or -1. */
  public static int firstForbidden(String s) {
    // A char at a time: this runs over every char of every text, nearly all of them printable.
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f || c > 0x9f && !Character.isSurrogate(c)) continue;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a pair: one code point outside the BMP
        continue;
      }
      if (isForbidden(c)) return i;
    }
    return -1;
  }

  /** Would change how a terminal shows what follows: any control, or a bidirectional control. */
  public static boolean isUnsafeToShow(int c) {
    return c < 0x20 || isForbidden(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
        || c == 0x200e || c == 0x200f || c == 0x061c;
  }

  /** {@code s} with every control, lone surrogate and bidirectional control written as {@code \\uXXXX}. */
  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      if (isUnsafeToShow(c)) {
        if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
      } else if (out != null) {
        out.append(s, i, i + n);
      }
      i += n;
    }
    return out == null ? s : out.toString();
  }

  /**
   * What is wrong with {@code value}, the value named {@code name}, as a diagnostic says it ("'name'
   * holds the control character U+001B (character 12)"); null when nothing is.
   */
  public static String problem(String name, String value) {
    int i = firstForbidden(value);
    if (i < 0) return null;
    return "'" + name + "' holds the control character " + name(value.codePointAt(i)) + " (character "
        + (value.codePointCount(0, i) + 1) + ")";
  }

  /** "U+0000", for messages. */
  public static String name(int c) {
    return String.format(java.util.Locale.ROOT, "U+%04X", c);
  }
}
