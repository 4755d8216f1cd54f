package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.LinkType;
import java.util.List;

/** A minor is in the dataset as someone's child: it always has a {@code child-of} link. */
@RuleInfo(
    codes = {"E-MINOR-NO-FAMILY"},
    summary = "a minor has a `child-of` link")
public final class MinorFamilyRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    for (Located<Actor> located : records.actors()) {
      Actor a = located.value();
      if (a.minor() && (a.links() == null || a.links().stream().noneMatch(l -> l != null && l.relation() == LinkType.CHILD_OF))) {
        out.add(
            Diagnostic.error(
                located.origin().at("links"),
                "E-MINOR-NO-FAMILY",
                "actor '" + a.id() + "' is a minor with no family link; add a link such as"
                    + " {relation: child-of, actor: <parent>}"));
      }
    }
  }
}
