package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of validity, in the order they run. The seeds compiler, the reader of a built dataset
 * and the writer run this one list, so that what one of them refuses, all refuse, with the same
 * code.
 */
public final class RuleSet {
  private final List<Rule> rules;

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
            new ChildNotNamedRule(),
            new MinorFamilyRule(),
            new EvidenceRule(),
            new RedactionRule(),
            new RedactedWordsRule(),
            new HeadlineRule(),
            new ArticleHashRule(),
            new NameInSourceRule());
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Every rule's diagnostics, in rule order (callers sort them for printing). */
  public List<Diagnostic> check(Records records) {
    List<Diagnostic> out = new ArrayList<>();
    for (Rule r : rules) r.check(records, out);
    return out;
  }
}
