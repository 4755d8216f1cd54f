package dev.sourcebook.emit;

import dev.sourcebook.Dataset;
import dev.sourcebook.Schemas;
import dev.sourcebook.Schemas.RecordType;
import dev.sourcebook.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a built dataset, as bytes by relative path: the same dataset always gives the same
 * bytes. Every JSON record is checked against its schema first; one that fails is a bug of the
 * compiler, not of the data.
 */
public final class DatasetFiles {
  private DatasetFiles() {}

  public static final String MANIFEST = "manifest.json";
  public static final String SUMS = "SHA256SUMS";
  public static final String DATAPACKAGE = "datapackage.json";

  /** A record the compiler emitted that its own schema refuses. */
  public static final class SchemaViolation extends IllegalStateException {
    public SchemaViolation(String message) {
      super(message);
    }
  }

  public static SortedMap<String, byte[]> of(Dataset d, Schemas schemas, String compilerVersion, String schemaVersion) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    Map<RecordType, List<?>> records = new LinkedHashMap<>();
    records.put(RecordType.ARTICLE, d.articles());
    records.put(RecordType.ACTOR, d.actors());
    records.put(RecordType.INCIDENT, d.incidents());
    records.put(RecordType.STATEMENT, d.statements());
    records.put(RecordType.OUTCOME, d.outcomes());
    // Each file is made on its own, so the files are made on all cores; what they hold does not
    // depend on the order (violations are sorted, files kept in a sorted map).
    List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Map.Entry<String, java.util.function.Supplier<byte[]>>> tasks = new ArrayList<>();
    records.forEach(
        (type, list) ->
            tasks.add(
                Map.entry(
                    type.file(),
                    () ->
                        Json.arrayBytes(
                            list,
                            (node, i) -> {
                              for (String v : schemas.validate(type, node)) {
                                violations.add(type.file() + " /" + i + " (" + node.path("id").asText() + "): " + v);
                              }
                            }))));
    for (Table t : Tables.ALL) tasks.add(Map.entry(t.file(), () -> Csv.bytes(t, d)));
    tasks.parallelStream()
        .map(t -> Map.entry(t.getKey(), t.getValue().get()))
        .toList()
        .forEach(e -> files.put(e.getKey(), e.getValue()));
    if (!violations.isEmpty()) {
      throw new SchemaViolation(
          "the compiler made records that fail their own JSON Schema (a bug in sourcebook):\n  "
              + String.join("\n  ", violations.stream().sorted().toList()));
    }
    records.keySet().forEach(type -> files.put("schema/" + Schemas.path(type), schemas.bytes(type)));
    files.put(DATAPACKAGE, Json.bytes(DataPackage.descriptor(d.info(), compilerVersion)));

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", d.info().name());
    manifest.put("title", d.info().title());
    manifest.put("version", d.info().version());
    manifest.put("licence", d.info().licence());
    manifest.put("schema_version", schemaVersion);
    manifest.put("compiler_version", compilerVersion);
    Map<String, Integer> counts = new LinkedHashMap<>();
    records.forEach((type, list) -> counts.put(type.file().replace(".json", ""), list.size()));
    manifest.put("records", counts);
    Map<String, String> sums = new TreeMap<>();
    files.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
    manifest.put("files", sums);
    files.put(MANIFEST, Json.bytes(manifest));

    StringBuilder lines = new StringBuilder();
    files.forEach((name, bytes) -> lines.append(Sha256.hex(bytes)).append("  ").append(name).append('\n'));
    files.put(SUMS, lines.toString().getBytes(StandardCharsets.UTF_8));
    return files;
  }
}
