package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import java.util.List;

/**
 * The curator's own words are never the placeholders of a draft that {@code extract} wrote
 * ("PROPOSED: who is this?"): a draft's unreviewed guess must not be published as a fact.
 */
@RuleInfo(
    codes = {"E-DRAFT"},
    summary = "no curator's text (a description, title, summary or details) is a draft's placeholder, `PROPOSED: ...`")
public final class DraftRule implements RecordRule {
  static final String MARK = "PROPOSED:";

  @Override
  public void check(Located<?> record, Records records, List<Diagnostic> out) {
    Origin at = record.origin();
    Object value = record.value();
    if (value instanceof Actor a) check(at, "description", a.description(), "actor", a.id(), out);
    if (value instanceof Incident i) {
      check(at, "title", i.title(), "incident", i.id(), out);
      check(at, "summary", i.summary(), "incident", i.id(), out);
    }
    if (value instanceof Outcome o) check(at, "details", o.details(), "outcome", o.id(), out);
  }

  private static void check(Origin at, String field, String value, String what, String id, List<Diagnostic> out) {
    if (value == null || !value.strip().startsWith(MARK)) return;
    out.add(
        Diagnostic.error(
            at.at(field), "E-DRAFT",
            "the " + field + " of " + what + " '" + id + "' is still the draft's placeholder, \"" + dev.sourcebook.model.Characters.escape(value.length() > 60 ? value.substring(0, 60) + "..." : value) + "\": write it in your own words"));
  }
}
