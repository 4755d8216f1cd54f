package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import dev.sourcebook.source.Located;
import dev.sourcebook.source.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every id a record names leads to a record of the right type. */
public final class ReferenceCheck {
  private final Set<String> actors;
  private final Set<String> incidents;
  private final Set<String> outcomes;
  private final Set<String> unbound;
  private final List<Diagnostic> out = new ArrayList<>();

  private ReferenceCheck(Records r) {
    actors = r.actors().stream().map(a -> a.value().id()).collect(Collectors.toSet());
    incidents = r.incidents().stream().map(i -> i.value().id()).collect(Collectors.toSet());
    outcomes = r.outcomes().stream().map(o -> o.value().id()).collect(Collectors.toSet());
    unbound = r.unboundIds();
  }

  public static List<Diagnostic> check(Records records) {
    ReferenceCheck c = new ReferenceCheck(records);
    for (Located<Actor> a : records.actors()) {
      var links = a.value().links();
      for (int i = 0; i < links.size(); i++) {
        c.expect(c.actors, "actor", links.get(i).actor(), a.origin(), "links[" + i + "].actor");
      }
    }
    for (Located<Incident> inc : records.incidents()) {
      var ps = inc.value().participants();
      for (int i = 0; i < ps.size(); i++) {
        c.expect(c.actors, "actor", ps.get(i).actor(), inc.origin(), "participants[" + i + "].actor");
      }
    }
    for (Located<Statement> s : records.statements()) {
      c.expect(c.actors, "actor", s.value().speaker(), s.origin(), "speaker");
      var about = s.value().about();
      for (int i = 0; i < about.size(); i++) {
        c.expect(c.incidents, "incident", about.get(i), s.origin(), "about[" + i + "]");
      }
    }
    for (Located<Outcome> o : records.outcomes()) {
      c.expect(c.incidents, "incident", o.value().incident(), o.origin(), "incident");
      c.expect(c.actors, "actor", o.value().authority(), o.origin(), "authority");
      if (o.value().supersededBy() != null) {
        c.expect(c.outcomes, "outcome", o.value().supersededBy(), o.origin(), "supersededBy");
      }
    }
    return c.out;
  }

  private void expect(Set<String> ids, String kind, String id, Origin origin, String path) {
    if (id == null || ids.contains(id) || unbound.contains(id)) return;
    String near = nearest(id, ids);
    out.add(
        Diagnostic.error(
            origin.at(path),
            "E-UNKNOWN-REF",
            "unknown " + kind + " '" + id + "'" + (near == null ? "" : "; did you mean '" + near + "'?")));
  }

  /** A known id that starts or ends the same way, for a hint; null when none is close. */
  private static String nearest(String id, Set<String> ids) {
    return ids.stream()
        .filter(k -> k.startsWith(id) || id.startsWith(k) || k.endsWith(id) || id.endsWith(k))
        .sorted()
        .findFirst()
        .orElse(null);
  }
}
