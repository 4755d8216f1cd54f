package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.Participant;
import dev.sourcebook.model.Role;
import dev.sourcebook.model.Standing;
import dev.sourcebook.model.StandingKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Nobody is stated as having done something that only someone says they did. An incident with a
 * perpetrator is found only by an authority whose adjudicating outcome (a conviction, a sentence,
 * a caution) is in the dataset; an outcome is found only by the authority that acted; an
 * admission is the perpetrator's own.
 */
@RuleInfo(
    codes = {"E-STANDING"},
    summary = "an incident with a perpetrator is `found` only by an authority whose adjudicating outcome of it backs it;"
        + " an outcome is `found` only by its own authority; `admitted` only by a perpetrator of the incident")
public final class StandingRule implements Rule {
  private static final Set<Role> AUTHORITIES = Set.of(Role.RECIPIENT_AUTHORITY, Role.INVESTIGATING_AUTHORITY, Role.ADJUDICATING_AUTHORITY);

  @Override
  public void check(Records records, List<Diagnostic> out) {
    Map<String, Incident> incidents = new HashMap<>();
    for (Located<Incident> i : records.incidents()) if (i.value().id() != null) incidents.putIfAbsent(i.value().id(), i.value());
    for (Located<Incident> located : records.incidents()) {
      Incident i = located.value();
      Standing s = i.standing();
      if (s == null || s.kind() == null || s.by() == null || i.participants() == null) continue;
      if (s.kind() == StandingKind.ADMITTED && !hasRole(i, s.by(), Set.of(Role.PERPETRATOR))) {
        out.add(notPerpetrator(located, i.id(), s.by()));
      }
      if (s.kind() != StandingKind.FOUND) continue;
      if (!hasRole(i, s.by(), AUTHORITIES)) {
        out.add(
            Diagnostic.error(
                located.origin().at("standing.by"), "E-STANDING",
                "incident '" + i.id() + "' is stated as found by '" + s.by() + "', which takes no part in it as an authority;"
                    + " name the authority that found it, with its role among the participants, or state it as alleged by '" + s.by() + "'"));
      } else if (hasRole(i, null, Set.of(Role.PERPETRATOR)) && !backed(records, i.id(), s.by())) {
        out.add(
            Diagnostic.error(
                located.origin().at("standing"), "E-STANDING",
                "incident '" + i.id() + "' names a perpetrator and is stated as found by '" + s.by() + "', but no outcome of it"
                    + " records that finding: add the adjudicating outcome (a conviction, a sentence, a caution) by '" + s.by()
                    + "' with standing found, or state the incident as alleged (by whom) or admitted"));
      }
    }
    for (Located<Outcome> located : records.outcomes()) {
      Outcome o = located.value();
      Standing s = o.standing();
      if (s == null || s.kind() == null || s.by() == null) continue;
      if (s.kind() == StandingKind.FOUND && !s.by().equals(o.authority())) {
        out.add(
            Diagnostic.error(
                located.origin().at("standing.by"), "E-STANDING",
                "outcome '" + o.id() + "' is stated as found by '" + s.by() + "', but "
                    + (o.authority() == null ? "the sources do not say who acted" : "'" + o.authority() + "' acted")
                    + "; an outcome is found only in the words of the authority that acted: state it as alleged by '" + s.by() + "'"));
      }
      Incident i = incidents.get(o.incident());
      if (s.kind() == StandingKind.ADMITTED && i != null && i.participants() != null && !hasRole(i, s.by(), Set.of(Role.PERPETRATOR))) {
        out.add(notPerpetrator(located, o.id(), s.by()));
      }
    }
  }

  /** An outcome of the incident that records the authority's finding: adjudicating, its own, still standing. */
  private static boolean backed(Records records, String incident, String authority) {
    return records.outcomes().stream()
        .map(Located::value)
        .anyMatch(
            o -> incident.equals(o.incident()) && authority.equals(o.authority()) && o.type() != null && o.type().adjudicates()
                && o.status() != OutcomeStatus.SUPERSEDED && o.standing() != null && o.standing().kind() == StandingKind.FOUND);
  }

  /** True when {@code actor} (any, when null) takes part in the incident in one of {@code roles}. */
  private static boolean hasRole(Incident i, String actor, Set<Role> roles) {
    for (Participant p : i.participants()) {
      if (p != null && roles.contains(p.role()) && (actor == null || Objects.equals(actor, p.actor()))) return true;
    }
    return false;
  }

  private static Diagnostic notPerpetrator(Located<?> located, String id, String by) {
    return Diagnostic.error(
        located.origin().at("standing.by"), "E-STANDING",
        "'" + id + "' is stated as admitted by '" + by + "', who is not a perpetrator of the incident; an admission is the"
            + " perpetrator's own: state it as alleged by '" + by + "'");
  }
}
