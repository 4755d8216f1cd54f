package dev.sourcebook.check;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a rule is, beside its code (as Error Prone's {@code @BugPattern}): the codes of the
 * diagnostics it gives and what it asks, in a line, for the README's table of rules.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** The codes the rule reports, e.g. {@code E-CHILD-NAMED}. */
  String[] codes();

  /** What the rule asks of the data. */
  String summary();
}
