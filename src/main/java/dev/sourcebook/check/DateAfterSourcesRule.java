package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.DatasetRecord;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.PartialDate;
import java.util.List;

/**
 * A source reports what has happened: an incident or outcome that began after every source that
 * cites it was published is most likely a slip in its date (a year typed wrong). An outcome set
 * for a later day (a hearing, a sentence to come) is the exception, hence a warning.
 */
@RuleInfo(
    codes = {"W-DATE-AFTER-SOURCES"},
    summary = "(warning) an incident or outcome does not begin after every source that cites it was published")
public final class DateAfterSourcesRule implements RecordRule {
  @Override
  public void check(Located<?> record, Records records, List<Diagnostic> out) {
    Diagnostic d = null;
    if (record.value() instanceof Incident i) d = check(records, (Located<Incident>) record, i.date(), "incident");
    if (record.value() instanceof Outcome o) d = check(records, (Located<Outcome>) record, o.date(), "outcome");
    if (d != null) out.add(d);
  }

  /** The articles: when each source was published. */
  @Override
  public Object context(Records records) {
    return Located.values(records.articles());
  }

  private static Diagnostic check(Records records, Located<? extends DatasetRecord> located, PartialDate date, String what) {
    if (date == null || date.earliest() == null) return null;
    String lastPublished = null;
    String lastArticle = null;
    for (Evidence e : located.value().citations().values()) {
      Article a = e.article() == null ? null : records.article(e.article());
      if (a == null || a.published() == null || a.published().latest() == null) return null; // one source of unknown date may be later
      if (lastPublished == null || a.published().latest().compareTo(lastPublished) > 0) {
        lastPublished = a.published().latest();
        lastArticle = a.id();
      }
    }
    if (lastPublished == null || date.earliest().compareTo(lastPublished) <= 0) return null;
    return Diagnostic.warning(
        located.origin().at("date"), "W-DATE-AFTER-SOURCES",
        what + " '" + located.value().id() + "' is dated " + date.value() + ", after every source that cites it was published (the"
            + " latest, '" + lastArticle + "', by " + lastPublished + "): check the date; a day set for something still to come is fine");
  }
}
