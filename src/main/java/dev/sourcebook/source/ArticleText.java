package dev.sourcebook.source;

/**
 * An article's text while annotations are bound to it: the captured text that quotes are found
 * in, and the published text (redactions applied, same length) that quotes are copied from.
 */
public record ArticleText(String id, String captured, String published, QuoteFinder finder) {

  public static ArticleText of(String id, String captured) {
    return new ArticleText(id, captured, captured, new QuoteFinder(captured));
  }

  public ArticleText withPublished(String publishedText) {
    return new ArticleText(id, captured, publishedText, finder);
  }

  /** The published words at code points {@code [start, end)}. */
  public String publishedWords(int start, int end) {
    return slice(published, finder.sourceLength(), start, end);
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

  /** The 1-based line of the captured text that code point {@code index} is on. */
  public int lineOf(int index) {
    int offset = captured.offsetByCodePoints(0, index);
    int line = 1;
    for (int i = 0; i < offset; i++) if (captured.charAt(i) == '\n') line++;
    return line;
  }
}
