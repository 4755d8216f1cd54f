package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import java.util.List;

/**
 * One rule of validity: a class annotated with its {@link RuleInfo} (its codes, what it asks of
 * the data) that makes the check. Every front end (seeds, a built dataset, a dataset about to be written) runs the same
 * rules, listed in {@link RuleSet}, so that what one path refuses every path refuses.
 *
 * <p>A rule looks at records that may be incomplete (a built dataset can hold anything): it skips
 * what is null or missing, which another rule reports.
 */
public interface Rule {
  /** The codes this rule reports, from its {@link RuleInfo}. */
  default List<String> codes() {
    return List.of(getClass().getAnnotation(RuleInfo.class).codes());
  }

  /** What the rule asks, from its {@link RuleInfo}. */
  default String summary() {
    return getClass().getAnnotation(RuleInfo.class).summary();
  }

  void check(Records records, List<Diagnostic> out);
}
