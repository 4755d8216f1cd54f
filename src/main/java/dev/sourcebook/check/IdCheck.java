package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.source.Located;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ids are unique across the whole dataset, whatever the record type. */
public final class IdCheck {
  private IdCheck() {}

  public static List<Diagnostic> check(Records records) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Located<?>> seen = new HashMap<>();
    for (Located<?> r : records.all()) {
      String id = RecordIds.idOf(r.value());
      if (id == null) continue;
      Located<?> first = seen.putIfAbsent(id, r);
      if (first != null) {
        out.add(
            Diagnostic.error(
                r.origin().at("id"),
                "E-DUPLICATE-ID",
                "id '" + id + "' is already used by the " + RecordIds.kindOf(first.value()) + " at " + first.origin().at("id")));
      }
    }
    return out;
  }
}
