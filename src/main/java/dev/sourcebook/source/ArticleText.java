package dev.sourcebook.source;

import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.check.Words;

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
    return Words.slice(published, finder.sourceLength(), start, end);
  }

  /** The captured words at code points {@code [start, end)} of a text {@code codePoints} long. */
  public String capturedWords(int start, int end, int codePoints) {
    return Words.slice(captured, codePoints, start, end);
  }

  /** The 1-based line of the captured text that code point {@code index} is on. */
  public int lineOf(int index) {
    int offset = captured.offsetByCodePoints(0, index);
    int line = 1;
    for (int i = 0; i < offset; i++) if (captured.charAt(i) == '\n') line++;
    return line;
  }
}
