package dev.sourcebook.reader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Location;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.model.Characters;
import dev.sourcebook.model.DatasetInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A built dataset of another schema version than this compiler's, read as the JSON it published:
 * to compare versions across a schema change, never to use as records. Its files are held to its
 * SHA256SUMS and each record to its own published JSON Schema; the rules of this compiler are not
 * the rules it was built under, so they are not applied.
 */
public final class PublishedJson {
  private PublishedJson() {}

  /** The record files and the schema each is checked against, by record type. */
  private static final Map<String, String> TYPES =
      Map.of("articles", "article", "actors", "actor", "incidents", "incident", "statements", "statement", "outcomes", "outcome");

  private static final Pattern SCHEMA_VERSION = Pattern.compile("[0-9]{1,9}");

  /** Each file is read whole: at most this much (the JSON of a few hundred thousand records). */
  private static final long FILE_BYTES = 1L << 30;

  private static final ObjectReader STRICT =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * @param records by type and id, each record as published; the dataset's own fields as type
   *     "dataset", id "info", without its version
   * @param schemas the published JSON Schemas, by record type
   * @param files the sha256 of every file, by path, as SHA256SUMS gives it
   * @param datapackage its datapackage.json, which describes its CSV tables
   */
  public record Result(
      DatasetInfo info,
      String schemaVersion,
      String compilerVersion,
      Map<String, Map<String, JsonNode>> records,
      Map<String, JsonNode> schemas,
      Map<String, String> files,
      JsonNode datapackage,
      List<Diagnostic> diagnostics) {}

  public static Result read(Path dir) {
    List<Diagnostic> out = new ArrayList<>();
    JsonNode manifest = json(dir, DatasetFiles.MANIFEST, out);
    if (manifest == null) return failed(out);
    String schemaVersion = manifest.path("schema_version").asText("");
    if (!SCHEMA_VERSION.matcher(schemaVersion).matches()) {
      out.add(error(dir, DatasetFiles.MANIFEST, "E-MANIFEST", "'schema_version' is not a schema version: " + Characters.escape(manifest.path("schema_version").toString())));
      return failed(out);
    }
    Map<String, String> files = sums(dir, out);
    if (Diagnostics.hasErrors(out)) return failed(out);

    Map<String, Map<String, JsonNode>> records = new LinkedHashMap<>();
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    for (var type : new TreeMap<>(TYPES).entrySet()) {
      String schemaFile = "schema/" + schemaVersion + "/" + type.getValue() + ".schema.json";
      JsonNode schema = json(dir, schemaFile, out);
      JsonNode list = json(dir, type.getKey() + ".json", out);
      if (schema == null || list == null) continue;
      if (!list.isArray()) {
        out.add(error(dir, type.getKey() + ".json", "E-SCHEMA", "not an array of records"));
        continue;
      }
      schemas.put(type.getKey(), schema);
      Function<JsonNode, List<String>> check = Schemas.foreign(schema);
      Map<String, JsonNode> byId = new TreeMap<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode record = list.get(i);
        for (String v : check.apply(record)) {
          out.add(error(dir, type.getKey() + ".json", "E-SCHEMA", "record /" + i + " fails " + schemaFile + ": " + Characters.escape(v)));
        }
        String id = record.path("id").asText(null);
        if (id != null && byId.put(id, record) != null) {
          out.add(error(dir, type.getKey() + ".json", "E-DUPLICATE-ID", "id '" + Characters.escape(id) + "' is used twice"));
        }
      }
      records.put(type.getKey(), byId);
    }
    JsonNode datapackage = json(dir, DatasetFiles.DATAPACKAGE, out);
    DatasetInfo info =
        new DatasetInfo(
            manifest.path("name").asText(null), manifest.path("title").asText(null), manifest.path("version").asText(null),
            manifest.path("licence").asText(null), datapackage == null ? null : datapackage.path("description").asText(null));
    records.put("dataset", Map.of("info", Json.MAPPER.valueToTree(info.unversioned())));
    if (Diagnostics.hasErrors(out)) return failed(out);
    return new Result(info, schemaVersion, manifest.path("compiler_version").asText(null), records, schemas, files, datapackage, out);
  }

  /**
   * The sha256 of every file by SHA256SUMS, each checked: every line names a file of the folder
   * (no path out of it), with its hash, and every file of the folder is listed.
   */
  private static Map<String, String> sums(Path dir, List<Diagnostic> out) {
    Map<String, String> files = new TreeMap<>();
    String text = text(dir, DatasetFiles.SUMS, out);
    if (text == null) return files;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Location at = new Location(dir + "/" + DatasetFiles.SUMS, i + 1, 1);
      String path = line.length() > 66 && line.startsWith("  ", 64) ? line.substring(66) : null;
      if (path == null || !isInside(path)) {
        out.add(Diagnostic.error(at, "E-CHECKSUM", "not a line of sha256sum naming a file of this folder: '" + Characters.escape(line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'"));
        continue;
      }
      Path file = dir.resolve(path);
      try {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          out.add(Diagnostic.error(at, "E-CHECKSUM", path + " is not a regular file of the folder"));
        } else if (!Sha256.hex(file).equals(line.substring(0, 64))) {
          out.add(Diagnostic.error(at, "E-CHECKSUM", path + " does not have the sha256 listed: the file was changed after the build"));
        } else {
          files.put(path, line.substring(0, 64));
        }
      } catch (IOException e) {
        out.add(Diagnostic.error(at, "E-READ", "cannot read " + path + ": " + Diagnostics.message(e.getMessage())));
      }
    }
    Set<String> present = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> present.add(dir.relativize(p).toString().replace('\\', '/')));
    } catch (IOException | java.io.UncheckedIOException e) {
      out.add(Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot list " + dir + ": " + Diagnostics.message(e.getMessage())));
    }
    present.remove(DatasetFiles.SUMS);
    present.removeAll(files.keySet());
    for (String p : present) out.add(error(dir, p, "E-CHECKSUM", p + " is not listed in SHA256SUMS"));
    return files;
  }

  /** A relative path that stays in the folder: no absolute path, no "..", no empty part. */
  private static boolean isInside(String path) {
    if (path.startsWith("/") || path.contains("\\")) return false;
    for (String part : path.split("/", -1)) if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
    return true;
  }

  private static JsonNode json(Path dir, String file, List<Diagnostic> out) {
    String text = text(dir, file, out);
    if (text == null) return null;
    try {
      return STRICT.readTree(text);
    } catch (IOException e) {
      out.add(error(dir, file, "E-JSON-SYNTAX", Diagnostics.message(e.getMessage())));
      return null;
    }
  }

  private static String text(Path dir, String file, List<Diagnostic> out) {
    Path p = dir.resolve(file);
    try {
      if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        out.add(error(dir, file, "E-FILE-NOT-FOUND", "no " + file + " in " + dir));
        return null;
      }
      if (Files.size(p) > FILE_BYTES) {
        out.add(error(dir, file, "E-FILE-TOO-LARGE", file + " is over " + FILE_BYTES + " bytes"));
        return null;
      }
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.add(error(dir, file, "E-READ", "cannot read " + file + ": " + Diagnostics.message(e.getMessage())));
      return null;
    }
  }

  private static Diagnostic error(Path dir, String file, String code, String message) {
    return Diagnostic.error(Location.of(dir + "/" + file), code, message);
  }

  private static Result failed(List<Diagnostic> out) {
    return new Result(null, null, null, Map.of(), Map.of(), Map.of(), null, out);
  }
}
