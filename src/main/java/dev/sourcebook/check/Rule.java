package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import java.util.List;

/**
 * One rule of validity: the codes of the diagnostics it gives, what it asks of the data, and the
 * check. Every front end (seeds, a built dataset, a dataset about to be written) runs the same
 * rules, listed in {@link RuleSet}, so that what one path refuses every path refuses.
 *
 * <p>A rule looks at records that may be incomplete (a built dataset can hold anything): it skips
 * what is null or missing, which another rule reports.
 */
public interface Rule {
  /** The codes this rule reports, e.g. {@code E-CHILD-NAMED}. */
  List<String> codes();

  /** What the rule asks, in a line, for the README's table and {@code --help}. */
  String summary();

  void check(Records records, List<Diagnostic> out);
}
