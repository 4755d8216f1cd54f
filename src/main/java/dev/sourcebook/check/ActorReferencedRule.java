package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorLink;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Participant;
import dev.sourcebook.model.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An actor that takes no part in anything (no participant, speaker, authority, standing or link)
 * was probably left out of the incident it was added for.
 */
@RuleInfo(
    codes = {"W-ACTOR-UNREFERENCED"},
    summary = "(warning) every actor takes part: a participant, a speaker, an authority, a standing's `by`, or in a link")
public final class ActorReferencedRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    if (!records.complete()) return; // a file not read may hold the records that name it
    Set<String> named = new HashSet<>();
    for (Located<Incident> i : records.incidents()) {
      for (Participant p : i.value().participants()) named.add(p.actor());
      if (i.value().standing() != null) named.add(i.value().standing().by());
    }
    for (Located<Statement> s : records.statements()) named.add(s.value().speaker());
    for (Located<Outcome> o : records.outcomes()) {
      named.add(o.value().authority());
      if (o.value().standing() != null) named.add(o.value().standing().by());
    }
    for (Located<Actor> a : records.actors()) {
      if (a.value().links().isEmpty()) continue;
      named.add(a.value().id()); // linked to family or a group: that is its part
      for (ActorLink l : a.value().links()) named.add(l.actor());
    }
    for (Located<Actor> a : records.actors()) {
      String id = a.value().id();
      if (id != null && !named.contains(id)) {
        out.add(
            Diagnostic.warning(
                a.origin().at("id"), "W-ACTOR-UNREFERENCED",
                "actor '" + id + "' takes part in nothing: add it to an incident's participants (or as a speaker, an"
                    + " authority or a standing's 'by'), or remove it"));
      }
    }
  }
}
