package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.OutcomeStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An outcome is superseded exactly when it names the later outcome that superseded it: another
 * outcome of the same incident, and no chain of them leads back to where it started.
 */
@RuleInfo(
    codes = {"E-SUPERSEDED-BY"},
    summary = "`superseded_by` exactly when superseded; another outcome of the same incident; no cycle")
public final class SupersededRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    Map<String, Outcome> byId = new HashMap<>();
    records.outcomes().forEach(o -> { if (o.value().id() != null) byId.putIfAbsent(o.value().id(), o.value()); });
    Set<String> cyclic = onCycles(byId);
    for (Located<Outcome> located : records.outcomes()) {
      Outcome o = located.value();
      Origin at = located.origin();
      String by = o.supersededBy();
      if (o.status() == OutcomeStatus.SUPERSEDED && by == null) {
        out.add(error(at, o, "is superseded but names no 'superseded_by' outcome; name the outcome that replaced it"));
      } else if (o.status() != null && o.status() != OutcomeStatus.SUPERSEDED && by != null) {
        out.add(error(at, o, "names 'superseded_by' but its status is " + o.status().code() + "; set status: superseded"));
      } else if (by != null && by.equals(o.id())) {
        out.add(error(at, o, "is superseded by itself; name the later outcome that replaced it"));
      } else if (by != null && byId.containsKey(by)) {
        Outcome later = byId.get(by);
        if (o.incident() != null && later.incident() != null && !o.incident().equals(later.incident())) {
          out.add(
              error(at, o, "is superseded by '" + by + "', an outcome of another incident ('" + later.incident()
                  + "'); an outcome is superseded only by a later outcome of its own incident"));
        } else if (cyclic.contains(o.id())) {
          out.add(error(at, o, "is part of a cycle of 'superseded_by' links; the latest outcome is superseded by none"));
        }
      }
    }
  }

  /**
   * The ids of outcomes on a cycle of superseded_by links, each link followed once in all (a long
   * chain costs its length, not its length squared).
   */
  private static Set<String> onCycles(Map<String, Outcome> byId) {
    Set<String> done = new HashSet<>();
    Set<String> cyclic = new HashSet<>();
    for (String start : byId.keySet()) {
      java.util.List<String> path = new java.util.ArrayList<>();
      Set<String> onPath = new HashSet<>();
      String at = start;
      while (at != null && byId.containsKey(at) && !done.contains(at) && onPath.add(at)) {
        path.add(at);
        at = byId.get(at).supersededBy();
      }
      if (at != null && onPath.contains(at)) cyclic.addAll(path.subList(path.indexOf(at), path.size()));
      done.addAll(path);
    }
    return cyclic;
  }

  private static Diagnostic error(Origin at, Outcome o, String what) {
    Location where = o.supersededBy() != null ? at.at("supersededBy") : at.at("status");
    return Diagnostic.error(where, "E-SUPERSEDED-BY", "outcome '" + o.id() + "' " + what);
  }
}
