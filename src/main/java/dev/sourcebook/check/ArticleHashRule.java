package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A source text is never edited: an article published without redactions has exactly the bytes
 * its sha256 names. (A redacted text differs from its capture by design; its redactions say where.)
 */
@RuleInfo(
    codes = {"E-SHA-MISMATCH"},
    summary = "an unredacted article's text has its sha256")
public final class ArticleHashRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    for (Located<Article> located : records.articles()) {
      Article a = located.value();
      if (a.text() == null || a.sha256() == null || a.redactions() == null || !a.redactions().isEmpty()) continue;
      String actual = Sha256.hex(a.text().getBytes(StandardCharsets.UTF_8));
      if (!actual.equals(a.sha256())) {
        out.add(
            Diagnostic.error(
                located.origin().at("text"),
                "E-SHA-MISMATCH",
                "the text of article '" + a.id() + "' has sha256 " + actual + ", not its own " + a.sha256()
                    + "; a source text is never edited"));
      }
    }
  }
}
