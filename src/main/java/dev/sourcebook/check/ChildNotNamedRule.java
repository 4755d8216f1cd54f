package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Actor;
import java.util.List;

/**
 * A child is never named: a minor has no name and no aliases (an alias is a way the sources name
 * the actor, which for a child is its name). Describe the child in {@code description} instead.
 */
@RuleInfo(
    codes = {"E-CHILD-NAMED"},
    summary = "a minor has no name and no aliases")
public final class ChildNotNamedRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    for (Located<Actor> located : records.actors()) {
      Actor a = located.value();
      if (!a.minor()) continue;
      if (a.name() != null) {
        out.add(
            Diagnostic.error(
                located.origin().at("name"),
                "E-CHILD-NAMED",
                "actor '" + a.id() + "' is a minor and must not be named; remove 'name' and describe"
                    + " the child instead (for example \"the younger daughter of Alexander Stafford\")"));
      }
      List<String> aliases = a.aliases() == null ? List.of() : a.aliases();
      for (int i = 0; i < aliases.size(); i++) {
        out.add(
            Diagnostic.error(
                located.origin().at("aliases[" + i + "]"),
                "E-CHILD-NAMED",
                "actor '" + a.id() + "' is a minor and must not be named, not even by an alias; remove"
                    + " 'aliases' (the words that identify the child belong in 'evidence', the curator's"
                    + " words in 'description')"));
      }
    }
  }
}
