package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.LinkType;
import dev.sourcebook.source.Located;
import dev.sourcebook.source.QuoteFinder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Rules about actors: a child is never named and always linked to family; every name and alias is
 * words of some source.
 */
public final class ActorCheck {
  private ActorCheck() {}

  /**
   * {@code finders} search the texts as captured, by article id: names must be words of a
   * source. The articles an actor's evidence cites are searched first, where its names almost
   * always stand, so that a large corpus is not scanned once per name.
   */
  public static List<Diagnostic> check(Records records, Map<String, QuoteFinder> finders) {
    List<Diagnostic> out = new ArrayList<>();
    for (Located<Actor> located : records.actors()) {
      Actor a = located.value();
      List<QuoteFinder> cited = a.evidence().stream().map(e -> finders.get(e.article())).distinct().toList();
      if (a.minor() && a.name() != null) {
        out.add(
            Diagnostic.error(
                located.origin().at("name"),
                "E-CHILD-NAMED",
                "actor '" + a.id() + "' is a minor and must not be named; remove 'name' and describe"
                    + " the child instead (for example \"the younger daughter of Alexander Stafford\")"));
      }
      if (a.minor() && a.links().stream().noneMatch(l -> l.relation() == LinkType.CHILD_OF)) {
        out.add(
            Diagnostic.error(
                located.origin().at("links"),
                "E-MINOR-NO-FAMILY",
                "actor '" + a.id() + "' is a minor with no family link; add a link such as"
                    + " {relation: child-of, actor: <parent>}"));
      }
      if (a.name() != null && !a.minor() && !foundIn(cited, finders.values(), a.name())) {
        out.add(
            Diagnostic.error(
                located.origin().at("name"), "E-NAME-NOT-FOUND", "name '" + a.name() + "' of actor '" + a.id() + "' is not found in any source text"));
      }
      for (int i = 0; i < a.aliases().size(); i++) {
        if (!foundIn(cited, finders.values(), a.aliases().get(i))) {
          out.add(
              Diagnostic.error(
                  located.origin().at("aliases[" + i + "]"),
                  "E-NAME-NOT-FOUND",
                  "alias '" + a.aliases().get(i) + "' of actor '" + a.id() + "' is not found in any source text"));
        }
      }
    }
    return out;
  }

  private static boolean foundIn(List<QuoteFinder> first, Collection<QuoteFinder> all, String words) {
    return first.stream().anyMatch(f -> f != null && !f.find(words).isEmpty())
        || all.stream().anyMatch(f -> !f.find(words).isEmpty());
  }
}
