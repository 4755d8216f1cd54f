package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Ids;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every id a record names leads to a record of the right type. */
@RuleInfo(
    codes = {"E-UNKNOWN-REF"},
    summary = "every actor, incident and outcome a record names exists")
public final class ReferenceRule implements Rule {
  private static final int HINTS = 100;

  @Override
  public void check(Records r, List<Diagnostic> out) {
    int[] hinted = {0}; // unknown references given a hint so far
    Set<String> actors = r.actors().stream().map(a -> a.value().id()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    Set<String> incidents = r.incidents().stream().map(i -> i.value().id()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    Set<String> outcomes = r.outcomes().stream().map(o -> o.value().id()).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    for (Located<Actor> a : r.actors()) {
      var links = a.value().links();
      for (int i = 0; links != null && i < links.size(); i++) {
        if (links.get(i) == null) continue;
        expect(r, actors, "actor", links.get(i).actor(), a.origin(), "links[" + i + "].actor", out, hinted);
      }
    }
    for (Located<Incident> inc : r.incidents()) {
      var ps = inc.value().participants();
      for (int i = 0; ps != null && i < ps.size(); i++) {
        if (ps.get(i) == null) continue;
        expect(r, actors, "actor", ps.get(i).actor(), inc.origin(), "participants[" + i + "].actor", out, hinted);
      }
      if (inc.value().standing() != null) expect(r, actors, "actor", inc.value().standing().by(), inc.origin(), "standing.by", out, hinted);
    }
    for (Located<Statement> s : r.statements()) {
      expect(r, actors, "actor", s.value().speaker(), s.origin(), "speaker", out, hinted);
      var about = s.value().about();
      for (int i = 0; about != null && i < about.size(); i++) {
        expect(r, incidents, "incident", about.get(i), s.origin(), "about[" + i + "]", out, hinted);
      }
    }
    for (Located<Outcome> o : r.outcomes()) {
      expect(r, incidents, "incident", o.value().incident(), o.origin(), "incident", out, hinted);
      expect(r, actors, "actor", o.value().authority(), o.origin(), "authority", out, hinted);
      expect(r, outcomes, "outcome", o.value().supersededBy(), o.origin(), "supersededBy", out, hinted);
      if (o.value().standing() != null) expect(r, actors, "actor", o.value().standing().by(), o.origin(), "standing.by", out, hinted);
    }
  }

  private static void expect(
      Records r, Set<String> ids, String kind, String id, Origin origin, String path, List<Diagnostic> out, int[] hinted) {
    // An id that is not a slug is reported by ConstraintRule; it is the same mistake.
    if (id == null || ids.contains(id) || r.unbound(id) || !Ids.isSlug(id)) return;
    // A hint costs a pass over every id: given for the first hundred, so that hostile input with
    // a million unknown references stays linear.
    String near = hinted[0]++ < HINTS ? nearest(id, ids) : null;
    out.add(
        Diagnostic.error(
            origin.at(path),
            "E-UNKNOWN-REF",
            "unknown " + kind + " '" + id + "'" + (near == null ? "" : "; did you mean '" + near + "'?")));
  }

  /** A known id a few edits away, else one that starts or ends the same way, for a hint; null when none is close. */
  private static String nearest(String id, Set<String> ids) {
    String spelt = Spelling.nearest(id, ids);
    if (spelt != null) return spelt;
    return ids.stream()
        .filter(k -> k.startsWith(id) || id.startsWith(k) || k.endsWith(id) || id.endsWith(k))
        .sorted()
        .findFirst()
        .orElse(null);
  }
}
