package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Redaction;
import java.util.List;

/** An article's redactions are spans of its text: in order, not overlapping, each at least one character. */
@RuleInfo(
    codes = {"E-REDACTION-SPAN"},
    summary = "redactions are non-empty spans of their article's text, in order, not overlapping")
public final class RedactionRule implements RecordRule {
  @Override
  public void check(Located<?> located, Records records, List<Diagnostic> out) {
    if (located.value() instanceof Article a && a.text() != null && a.redactions() != null) {
      int length = a.text().codePointCount(0, a.text().length());
      int previousEnd = 0;
      for (int i = 0; i < a.redactions().size(); i++) {
        Redaction r = a.redactions().get(i);
        if (r == null) continue;
        String problem =
            r.start() < 0 || r.end() > length ? "lies outside the text (" + length + " characters)"
                : r.start() >= r.end() ? "is empty or runs backwards"
                : r.start() < previousEnd ? "overlaps or comes before the redaction before it"
                : null;
        if (problem != null) {
          out.add(
              Diagnostic.error(
                  located.origin().at("redactions[" + i + "]"),
                  "E-REDACTION-SPAN",
                  "redaction " + r.start() + ".." + r.end() + " of article '" + a.id() + "' " + problem));
        }
        previousEnd = Math.max(previousEnd, r.end());
      }
    }
  }
}
