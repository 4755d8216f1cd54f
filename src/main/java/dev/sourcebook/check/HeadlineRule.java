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
public final class HeadlineRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    for (Located<Article> located : records.articles()) {
      Article a = located.value();
      if (a.title() == null || a.text() == null) continue;
      QuoteFinder finder = records.transientFinder(a.id());
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
