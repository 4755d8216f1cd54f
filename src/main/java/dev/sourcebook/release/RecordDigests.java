package dev.sourcebook.release;

import dev.sourcebook.check.Sha256;
import dev.sourcebook.json.Json;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The sha256 of every record of a dataset as it is published (its JSON), by type and id. */
public final class RecordDigests {
  private RecordDigests() {}

  public static Map<String, Map<String, String>> of(Dataset d) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    byType(d).forEach((type, records) -> out.put(type, digests(records)));
    // The dataset's own name, title, licence and description are published too; its version is
    // what differs from release to release, not a change.
    out.put("dataset", Map.of("info", Sha256.hex(Json.bytes(d.info().unversioned()))));
    return out;
  }

  /** The records of a dataset by type, as files and diffs name the types. */
  static Map<String, List<? extends DatasetRecord>> byType(Dataset d) {
    Map<String, List<? extends DatasetRecord>> out = new LinkedHashMap<>();
    out.put("articles", d.articles());
    out.put("actors", d.actors());
    out.put("incidents", d.incidents());
    out.put("statements", d.statements());
    out.put("outcomes", d.outcomes());
    return out;
  }

  private static Map<String, String> digests(List<? extends DatasetRecord> records) {
    Map<String, String> out = new TreeMap<>();
    for (DatasetRecord r : records) out.put(r.id(), Sha256.hex(Json.bytes(r)));
    return out;
  }
}
