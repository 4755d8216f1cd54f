package dev.sourcebook.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions, record by record: per type, the ids added, removed and
 * changed. A removed record is a major change (a user's reference to it breaks), an added one
 * minor, a corrected one a patch.
 */
public record Change(List<TypeChange> types) {
  /** The ids added, removed and changed in one record type. */
  public record TypeChange(String type, List<String> added, List<String> removed, List<String> changed) {
    boolean isEmpty() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** "statements: 1 changed (bbc-police-entitled)": counts and the first ids. */
    public String describe() {
      List<String> kinds = new ArrayList<>();
      if (!added.isEmpty()) kinds.add(count(added, "added"));
      if (!removed.isEmpty()) kinds.add(count(removed, "removed"));
      if (!changed.isEmpty()) kinds.add(count(changed, "changed"));
      return type + ": " + String.join(", ", kinds);
    }
  }

  public static Change between(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
    Set<String> types = new TreeSet<>(before.keySet());
    types.addAll(after.keySet());
    List<TypeChange> out = new ArrayList<>();
    for (String type : types) {
      Map<String, String> b = before.getOrDefault(type, Map.of());
      Map<String, String> a = after.getOrDefault(type, Map.of());
      List<String> added = a.keySet().stream().filter(id -> !b.containsKey(id)).sorted().toList();
      List<String> removed = b.keySet().stream().filter(id -> !a.containsKey(id)).sorted().toList();
      List<String> changed = a.keySet().stream().filter(id -> b.containsKey(id) && !b.get(id).equals(a.get(id))).sorted().toList();
      TypeChange t = new TypeChange(type, added, removed, changed);
      if (!t.isEmpty()) out.add(t);
    }
    return new Change(out);
  }

  public boolean isEmpty() {
    return types.isEmpty();
  }

  /** The smallest version step that may carry this change. */
  public SemVer.Bump required() {
    if (types.stream().anyMatch(t -> !t.removed().isEmpty())) return SemVer.Bump.MAJOR;
    if (types.stream().anyMatch(t -> !t.added().isEmpty())) return SemVer.Bump.MINOR;
    return isEmpty() ? SemVer.Bump.NONE : SemVer.Bump.PATCH;
  }

  /** "statements: 1 changed (bbc-police-entitled); actors: 2 added (a, b)": counts and the first ids. */
  public String summary() {
    return String.join("; ", types.stream().map(TypeChange::describe).toList());
  }

  private static String count(List<String> ids, String what) {
    String first = String.join(", ", ids.subList(0, Math.min(3, ids.size()))) + (ids.size() > 3 ? ", ..." : "");
    return ids.size() + " " + what + " (" + first + ")";
  }
}
