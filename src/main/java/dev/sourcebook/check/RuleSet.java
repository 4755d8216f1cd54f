package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of validity, in the order they run. The seeds compiler, the reader of a built dataset
 * and the writer run this one list, so that what one of them refuses, all refuse, with the same
 * code. Then the advice: rules whose findings are warnings (allowed, but probably a mistake),
 * which the seeds compiler and the reader give when no error came first, since a record that could
 * not be read may be what a warning misses.
 */
public final class RuleSet {
  private final List<Rule> rules;
  private final List<Rule> advice = List.of(new ArticleCitedRule(), new ActorReferencedRule(), new DateAfterSourcesRule());

  /** The rules, with the one that needs Hibernate Validator (slow to start: make it once). */
  public RuleSet(ConstraintRule constraints) {
    rules =
        List.of(
            constraints,
            new ControlCharacterRule(),
            new DateRule(),
            new UniqueIdRule(),
            new DuplicateSourceRule(),
            new ReferenceRule(),
            new SupersededRule(),
            new StandingRule(),
            new DraftRule(),
            new ChildNotNamedRule(),
            new MinorFamilyRule(),
            new EvidenceRule(),
            new RedactionRule(),
            new RedactedWordsRule(),
            new HeadlineRule(),
            new ArticleHashRule(),
            new NameInSourceRule());
  }

  /** Every rule, the rules of validity and then the advice, in the order they run. */
  public List<Rule> rules() {
    List<Rule> all = new ArrayList<>(rules);
    all.addAll(advice);
    return all;
  }

  /** Every rule of validity's diagnostics, in rule order (callers sort them for printing). */
  public List<Diagnostic> check(Records records) {
    return inParallel(rules, (r, out) -> r.check(records, out));
  }

  /**
   * What {@code check} finds for each rule, the rules run at once on the machine's cores (each
   * rule only reads the records, and their caches are safe to share), the findings in rule order.
   */
  static List<Diagnostic> inParallel(List<Rule> rules, java.util.function.BiConsumer<Rule, List<Diagnostic>> check) {
    List<List<Diagnostic>> found =
        rules.parallelStream()
            .map(
                r -> {
                  List<Diagnostic> out = new ArrayList<>();
                  check.accept(r, out);
                  return out;
                })
            .toList();
    List<Diagnostic> out = new ArrayList<>();
    found.forEach(out::addAll);
    return out;
  }

  /**
   * The same diagnostics as {@link #check(Records)}, in the same order, taking from {@code memo}
   * the findings of the record rules on records unchanged since its last run.
   */
  public List<Diagnostic> check(Records records, RuleMemo memo) {
    return memo.check(rules, records);
  }

  /** The same warnings as {@link #advise(Records)}, taking from {@code memo} what it can (see {@link #check(Records, RuleMemo)}). */
  public List<Diagnostic> advise(Records records, RuleMemo memo) {
    return memo.check(advice, records);
  }

  /** The advice's warnings: for records with no error. */
  public List<Diagnostic> advise(Records records) {
    return inParallel(advice, (r, out) -> r.check(records, out));
  }
}
