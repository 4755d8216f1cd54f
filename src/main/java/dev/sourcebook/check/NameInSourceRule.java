package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Evidence;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every name and alias of an actor is words of some published source text. The articles the
 * actor's evidence cites are searched first, where its names almost always stand, so that a large
 * corpus is not scanned once per name.
 */
@RuleInfo(
    codes = {"E-NAME-NOT-FOUND"},
    summary =
        "every name and alias is words of some published text (a redacted name cannot "
        + "show through one)")
public final class NameInSourceRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    // With a records file or an article's text unread, a name's source may be among what is missing.
    if (!records.allTexts()) return;
    for (Located<Actor> located : records.actors()) {
      Actor a = located.value();
      if (a.minor()) continue; // a minor has no names at all (ChildNotNamedRule)
      Set<String> cited = new LinkedHashSet<>();
      if (a.evidence() != null) a.evidence().stream().filter(Objects::nonNull).map(Evidence::article).forEach(cited::add);
      if (a.name() != null && !a.name().isBlank() && !found(records, cited, a.name())) {
        out.add(
            Diagnostic.error(
                located.origin().at("name"),
                "E-NAME-NOT-FOUND",
                "name '" + a.name() + "' of actor '" + a.id() + "' is not found in any source text"));
      }
      List<String> aliases = a.aliases() == null ? List.of() : a.aliases();
      for (int i = 0; i < aliases.size(); i++) {
        // A blank alias is E-BLANK (ConstraintRule), not a name missing from the sources.
        if (aliases.get(i) != null && !aliases.get(i).isBlank() && !found(records, cited, aliases.get(i))) {
          out.add(
              Diagnostic.error(
                  located.origin().at("aliases[" + i + "]"),
                  "E-NAME-NOT-FOUND",
                  "alias '" + aliases.get(i) + "' of actor '" + a.id() + "' is not found in any source text"));
        }
      }
    }
  }

  private static boolean found(Records records, Set<String> first, String words) {
    for (String id : first) {
      if (foundIn(records, id, words)) return true;
    }
    for (Located<Article> a : records.articles()) {
      if (!first.contains(a.value().id()) && foundIn(records, a.value().id(), words)) return true;
    }
    return false;
  }

  private static boolean foundIn(Records records, String article, String words) {
    QuoteFinder f = records.finder(article);
    return f != null && !f.find(words).isEmpty();
  }
}
