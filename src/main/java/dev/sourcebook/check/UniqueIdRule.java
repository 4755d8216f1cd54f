package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.DatasetRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ids are unique across the whole dataset, whatever the record type. */
@RuleInfo(
    codes = {"E-DUPLICATE-ID"},
    summary = "no two records of any type share an id")
public final class UniqueIdRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    Map<String, Located<? extends DatasetRecord>> seen = new HashMap<>(records.all().size() * 4 / 3 + 1);
    for (Located<? extends DatasetRecord> r : records.all()) {
      String id = r.value().id();
      if (id == null) continue;
      Located<? extends DatasetRecord> first = seen.putIfAbsent(id, r);
      if (first != null) {
        out.add(
            Diagnostic.error(
                r.origin().at("id"),
                "E-DUPLICATE-ID",
                "id '" + id + "' is already used by the " + first.value().kindOfRecord() + " at " + first.origin().at("id")));
      }
    }
  }
}
