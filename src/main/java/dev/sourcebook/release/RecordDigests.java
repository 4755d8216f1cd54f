package dev.sourcebook.release;

import dev.sourcebook.check.Sha256;
import dev.sourcebook.json.Json;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
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
    out.put("articles", digests(d.articles()));
    out.put("actors", digests(d.actors()));
    out.put("incidents", digests(d.incidents()));
    out.put("statements", digests(d.statements()));
    out.put("outcomes", digests(d.outcomes()));
    // The dataset's own name, title, licence and description are published too; its version is
    // what differs from release to release, not a change.
    DatasetInfo i = d.info();
    out.put("dataset", Map.of("info", Sha256.hex(Json.bytes(new DatasetInfo(i.name(), i.title(), null, i.licence(), i.description())))));
    return out;
  }

  private static Map<String, String> digests(List<? extends DatasetRecord> records) {
    Map<String, String> out = new TreeMap<>();
    for (DatasetRecord r : records) out.put(r.id(), Sha256.hex(Json.bytes(r)));
    return out;
  }
}
