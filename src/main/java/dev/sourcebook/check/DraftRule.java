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
public final class DraftRule implements Rule {
  static final String MARK = "PROPOSED:";

  @Override
  public void check(Records records, List<Diagnostic> out) {
    for (Located<Actor> a : records.actors()) check(a.origin(), "description", a.value().description(), "actor", a.value().id(), out);
    for (Located<Incident> i : records.incidents()) {
      check(i.origin(), "title", i.value().title(), "incident", i.value().id(), out);
      check(i.origin(), "summary", i.value().summary(), "incident", i.value().id(), out);
    }
    for (Located<Outcome> o : records.outcomes()) check(o.origin(), "details", o.value().details(), "outcome", o.value().id(), out);
  }

  private static void check(Origin at, String field, String value, String what, String id, List<Diagnostic> out) {
    if (value == null || !value.strip().startsWith(MARK)) return;
    out.add(
        Diagnostic.error(
            at.at(field), "E-DRAFT",
            "the " + field + " of " + what + " '" + id + "' is still the draft's placeholder, \"" + dev.sourcebook.model.Characters.escape(value.length() > 60 ? value.substring(0, 60) + "..." : value) + "\": write it in your own words"));
  }
}
