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

  /** The captured words at code points {@code [start, end)}. */
  public String capturedWords(int start, int end) {
    return Words.slice(captured, finder.sourceLength(), start, end);
  }
}
