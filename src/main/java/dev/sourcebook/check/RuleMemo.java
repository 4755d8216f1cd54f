package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The findings of the {@link RecordRule}s on each record of the last run, so that a run over
 * records that are mostly the same ({@code validate --watch}, after a save) checks only the records
 * that changed. Records are matched by value and origin: an equal record written at the same place
 * has the same findings, when the rule's context is the same. Not for two runs at once.
 */
public final class RuleMemo {
  /** The findings of each record rule on a record, and the generation of the rule's context each was found in. */
  private static final class Found {
    List<Diagnostic>[] findings = new List[0];
    int[] generations = new int[0];

    void grow(int rules) {
      if (findings.length >= rules) return;
      findings = Arrays.copyOf(findings, rules);
      generations = Arrays.copyOf(generations, rules);
    }
  }

  /**
   * By record. Records of earlier runs stay until there are twice as many as the last run had: an
   * equal record at the same place has the same findings, whenever it was checked.
   */
  private final Map<Located<?>, Found> found = new HashMap<>();

  /**
   * The last run's, by the record itself: a file that did not change gives the same objects, found
   * here without hashing their values.
   */
  private Map<Located<?>, Found> lastRun = new IdentityHashMap<>();

  /** The record rules seen, each with its context and how many times that has changed. */
  private final List<RecordRule> recordRules = new ArrayList<>();

  private final List<Object> contexts = new ArrayList<>();
  private final List<Integer> generations = new ArrayList<>();

  /** The records of the last run, and what was found of each, for the next rules over the same records (the advice). */
  private Records records;

  private Found[] before;

  /** How many record rules every record of {@link #before} has room for. */
  private int grownTo;
  private int reused;

  /** How many records the last run took findings of from earlier runs: for tests and timings. */
  public int reused() {
    return reused;
  }

  /**
   * The rules' findings on {@code records}, in the order {@link Rule#check} over each rule in turn
   * gives them: rule by rule, a record rule over the info and then every record.
   */
  List<Diagnostic> check(List<Rule> rules, Records records) {
    List<Located<?>> all = new ArrayList<>();
    if (records.info() != null) all.add(records.info());
    all.addAll(records.all());
    if (records != this.records) lookUp(all, records);
    for (Rule rule : rules) if (rule instanceof RecordRule r) index(r, records);
    if (grownTo < recordRules.size()) {
      for (Found f : before) f.grow(recordRules.size());
      grownTo = recordRules.size();
    }
    // Each rule writes only its own place in the records' findings: they can run at once.
    return RuleSet.inParallel(
        rules,
        (rule, out) -> {
          if (!(rule instanceof RecordRule recordRule)) {
            rule.check(records, out);
            return;
          }
          int k = index(recordRule, records);
          int generation = generations.get(k);
          for (int i = 0; i < all.size(); i++) {
            Found f = before[i];
            if (f.findings[k] == null || f.generations[k] != generation) {
              List<Diagnostic> mine = new ArrayList<>();
              recordRule.check(all.get(i), records, mine);
              f.findings[k] = mine.isEmpty() ? List.of() : List.copyOf(mine);
              f.generations[k] = generation;
            }
            if (!f.findings[k].isEmpty()) out.addAll(f.findings[k]);
          }
        });
  }

  /** One lookup per record of a new run; then every rule goes through the records in order, as a run without a memo does. */
  private void lookUp(List<Located<?>> all, Records records) {
    before = new Found[all.size()];
    grownTo = 0;
    Map<Located<?>, Found> thisRun = new IdentityHashMap<>(all.size() * 2);
    int hits = 0;
    for (int i = 0; i < all.size(); i++) {
      Located<?> r = all.get(i);
      Found f = lastRun.get(r);
      if (f == null) f = found.get(r);
      if (f == null) {
        f = new Found();
        found.put(r, f);
      } else {
        hits++;
      }
      before[i] = f;
      thisRun.put(r, f);
    }
    if (found.size() > 2 * all.size()) {
      found.clear();
      for (int i = 0; i < all.size(); i++) found.put(all.get(i), before[i]);
    }
    lastRun = thisRun;
    reused = hits;
    this.records = records;
    // A rule's context is taken once a run.
    for (int k = 0; k < recordRules.size(); k++) context(k, records);
  }

  /** The rule's place in the findings of a record; its context is taken when it is new. */
  private int index(RecordRule rule, Records records) {
    for (int k = 0; k < recordRules.size(); k++) if (recordRules.get(k) == rule) return k;
    recordRules.add(rule);
    contexts.add(null);
    generations.add(0);
    context(recordRules.size() - 1, records);
    return recordRules.size() - 1;
  }

  private void context(int k, Records records) {
    Object context = recordRules.get(k).context(records);
    if (generations.get(k) == 0 || !Objects.equals(contexts.get(k), context)) {
      contexts.set(k, context);
      generations.set(k, generations.get(k) + 1);
    }
  }
}
