package dev.sourcebook.emit;

import dev.sourcebook.Dataset;
import dev.sourcebook.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a built dataset, as bytes by relative path: pure, so that the same dataset always
 * gives the same bytes.
 */
public final class DatasetFiles {
  private DatasetFiles() {}

  public static final String MANIFEST = "manifest.json";
  public static final String SUMS = "SHA256SUMS";

  public static SortedMap<String, byte[]> of(Dataset d, String compilerVersion, String schemaVersion) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("articles.json", Json.bytes(d.articles()));
    files.put("actors.json", Json.bytes(d.actors()));
    files.put("incidents.json", Json.bytes(d.incidents()));
    files.put("statements.json", Json.bytes(d.statements()));
    files.put("outcomes.json", Json.bytes(d.outcomes()));

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", d.info().name());
    manifest.put("title", d.info().title());
    manifest.put("version", d.info().version());
    manifest.put("licence", d.info().licence());
    manifest.put("schema_version", schemaVersion);
    manifest.put("compiler_version", compilerVersion);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("articles", d.articles().size());
    counts.put("actors", d.actors().size());
    counts.put("incidents", d.incidents().size());
    counts.put("statements", d.statements().size());
    counts.put("outcomes", d.outcomes().size());
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
