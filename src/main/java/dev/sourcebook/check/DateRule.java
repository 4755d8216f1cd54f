package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.PartialDate;
import java.util.List;

/**
 * Every date is in the date notation (years 0001 to 9999, real days, ranges in order), and its
 * precision and earliest and latest days are the ones the notation gives.
 */
@RuleInfo(
    codes = {"E-DATE-INVALID", "E-DATE-RANGE-REVERSED"},
    summary =
        "every date is in the date notation (years 0001-9999), with the precision, "
        + "earliest and latest days it gives")
public final class DateRule implements RecordRule {
  @Override
  public void check(Located<?> record, Records records, List<Diagnostic> out) {
    Object value = record.value();
    if (value instanceof Article a) check(a.published(), record.origin(), "published", out);
    if (value instanceof Incident i) check(i.date(), record.origin(), "date", out);
    if (value instanceof Outcome o) check(o.date(), record.origin(), "date", out);
  }

  private static void check(PartialDate date, Origin origin, String path, List<Diagnostic> out) {
    if (date == null || date.value() == null) return;
    DateParser.Result parsed = DateParser.parse(date.value());
    if (parsed instanceof DateParser.Invalid bad) {
      out.add(Diagnostic.error(origin.at(path), bad.code(), bad.message()));
    } else if (!((DateParser.Ok) parsed).date().equals(date)) {
      PartialDate expected = ((DateParser.Ok) parsed).date();
      out.add(
          Diagnostic.error(
              origin.at(path),
              "E-DATE-INVALID",
              "date '" + date.value() + "' has precision " + expected.precision().code() + ", earliest "
                  + expected.earliest() + " and latest " + expected.latest() + ", not what is given"));
    }
  }
}
