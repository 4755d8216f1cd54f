package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Characters;
import java.util.List;

/**
 * No value of any record holds a control character (but tab and line ends), a C1 control or a
 * lone surrogate, whether it came from a source text, a YAML escape or a JSON file. Each is
 * reported once per value, at the value.
 */
@RuleInfo(
    codes = {"E-TEXT-CONTROL"},
    summary =
        "no value holds a control character other than tab and line ends, a C1 control or "
        + "a lone surrogate")
public final class ControlCharacterRule implements RecordRule {
  private final RecordStrings strings = new RecordStrings();

  @Override
  public void check(Located<?> record, Records records, List<Diagnostic> out) {
    strings.forEach(
        record.value(),
        (path, s) -> {
          // The key of the path only for a value that needs it: this runs on every string of every record.
          if (Characters.firstForbidden(s) < 0) return;
          out.add(Diagnostic.error(record.origin().at(path), "E-TEXT-CONTROL", Characters.problem(Origin.key(path), s) + "; remove it"));
        });
  }
}
