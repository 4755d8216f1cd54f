package dev.sourcebook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticleTextTest {
  @Test
  void publishedWordsAreTakenByCodePoints() {
    ArticleText plain = ArticleText.of("a", "She said \u201Chere\u201D");
    assertEquals("here", plain.publishedWords(10, 14));

    // U+1F600 is two chars: every offset after it is one less in code points than in chars.
    ArticleText emoji = ArticleText.of("a", "\uD83D\uDE00 She said \u201Chere\u201D");
    assertEquals("here", emoji.publishedWords(12, 16));
  }

  @Test
  void publishedWordsFollowARedactionThatShortensTheTextInChars() {
    // A redacted U+1F600 becomes one U+2588: the same number of code points, one char fewer.
    ArticleText text = ArticleText.of("a", "\uD83D\uDE00 said \u201Chere\u201D").withPublished("\u2588 said \u201Chere\u201D");
    assertEquals("here", text.publishedWords(8, 12));
    assertEquals("\u2588 said", text.publishedWords(0, 6));
  }
}
