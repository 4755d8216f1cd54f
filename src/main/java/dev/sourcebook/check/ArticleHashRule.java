package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A published text is the one its sha256 names: the captured bytes, or for a redacted article the
 * redacted text (so that undoing a redaction in a built dataset is caught too).
 */
@RuleInfo(
    codes = {"E-SHA-MISMATCH"},
    summary = "every article's published text has its sha256")
public final class ArticleHashRule implements RecordRule {
  @Override
  public void check(Located<?> located, Records records, List<Diagnostic> out) {
    if (located.value() instanceof Article a && a.text() != null && a.sha256() != null) {
      String actual = Sha256.hex(a.text().getBytes(StandardCharsets.UTF_8));
      if (!actual.equals(a.sha256())) {
        out.add(
            Diagnostic.error(
                located.origin().at("text"),
                "E-SHA-MISMATCH",
                "the text of article '" + a.id() + "' has sha256 " + actual + ", not its own " + a.sha256()
                    + "; a published text is never edited"));
      }
    }
  }
}
