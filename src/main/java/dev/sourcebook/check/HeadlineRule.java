package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import java.util.List;

/**
 * An article's headline is words of its published text: copied, not retyped, and not hiding
 * words that a redaction hides in the text.
 */
@RuleInfo(
    codes = {"E-HEADLINE-NOT-FOUND"},
    summary = "a headline is words of its published text (a redacted name cannot show through it)")
public final class HeadlineRule implements RecordRule {
  @Override
  public void check(Located<?> located, Records records, List<Diagnostic> out) {
    if (located.value() instanceof Article a && a.title() != null && a.text() != null) {
      // The finder kept for this text, if any: of this article's text, whichever record holds its id.
      QuoteFinder finder = records.transientFinder(a);
      if (finder != null && finder.find(a.title()).isEmpty()) {
        out.add(
            Diagnostic.error(
                located.origin().at("title"),
                "E-HEADLINE-NOT-FOUND",
                "headline not found in " + a.file() + "; copy it as the text has it, or leave the cell empty"));
      }
    }
  }
}
