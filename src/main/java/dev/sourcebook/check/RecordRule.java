package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import java.util.List;

/**
 * A rule whose findings on a record follow from that record (its values and where they were
 * written) and the rule's {@link #context}. So a record that is the same as in the last run (a file the
 * curator did not touch), in the same context, has the same findings, and {@link RuleMemo} need not
 * check it again.
 */
public interface RecordRule extends Rule {
  /**
   * The findings on one record (the dataset's info is one too). {@code records} is there for its
   * caches of finders only: a finding that depended on another record would be wrong when only
   * that other record changed.
   */
  void check(Located<?> record, Records records, List<Diagnostic> out);

  /**
   * What else the findings on every record follow from, compared with {@code equals} from run to
   * run (when it differs, every record is checked again): null for a rule that looks at the record
   * alone.
   */
  default Object context(Records records) {
    return null;
  }

  @Override
  default void check(Records records, List<Diagnostic> out) {
    if (records.info() != null) check(records.info(), records, out);
    for (Located<?> r : records.all()) check(r, records, out);
  }
}
