package dev.sourcebook.release;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.json.Json;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.DatasetRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything that differs between two versions of a dataset: per record type, the records added
 * and removed and, for each changed record, every field that changed (old and new value, evidence
 * quotes and offsets included); the schemas' fields and codes added and removed; the data files
 * added and removed, and those whose bytes differ though no record does; and the version step all
 * of that needs.
 *
 * @param required the smallest version step that may carry these changes
 * @param smallest the smallest version the newer side may have, by that step
 * @param files the published files whose bytes differ though no record, dataset field or schema
 *     does (a change of format), when both sides' files are known
 * @param filesAdded the published files only the newer side has (a new format), when both sides'
 *     files are known; the schema files are the schemas' part
 * @param filesRemoved the published files only the older side has
 */
public record DatasetDiff(
    String name,
    Side before,
    Side after,
    SemVer.Bump required,
    String smallest,
    List<TypeDiff> records,
    SchemaShape.Difference schema,
    List<String> files,
    List<String> filesAdded,
    List<String> filesRemoved) {

  /** One version: its number, and the versions of the schemas and the compiler that wrote it. */
  public record Side(String version, String schemaVersion, String compilerVersion) {}

  /** The records of one type added, removed and changed. */
  public record TypeDiff(String type, List<String> added, List<String> removed, List<RecordChange> changed) {}

  /** One changed record: every field that changed. */
  public record RecordChange(String id, List<FieldChange> fields) {}

  /**
   * One changed field, by its path ({@code evidence[0].quote}); a side where the field is absent
   * is left out.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FieldChange(String path, JsonNode old, @com.fasterxml.jackson.annotation.JsonProperty("new") JsonNode now) {}

  /**
   * One version as the diff sees it: its name and number, the versions of its schemas and of the
   * compiler that wrote it, its records as published (JSON, by type and id; the dataset's own
   * fields as type "dataset", id "info"), the shape of its schemas, and the sha256 of its
   * published files by path (empty when they are not at hand). A version of another schema
   * version is compared as what it published, in JSON.
   */
  public record Version(
      String name,
      String version,
      String schemaVersion,
      String compilerVersion,
      Map<String, Map<String, JsonNode>> records,
      SchemaShape shape,
      Map<String, String> files) {

    /** A dataset of this compiler's records. */
    public static Version of(Dataset d, String schemaVersion, String compilerVersion, SchemaShape shape, Map<String, String> files) {
      Map<String, Map<String, JsonNode>> records = new LinkedHashMap<>();
      RecordDigests.byType(d).forEach((type, list) -> records.put(type, trees(list)));
      DatasetInfo i = d.info();
      // The version is what tells two versions apart, not a change.
      records.put("dataset", Map.of("info", Json.MAPPER.valueToTree(i.unversioned())));
      return new Version(i.name(), i.version(), schemaVersion, compilerVersion, records, shape, files);
    }

    private static Map<String, JsonNode> trees(List<? extends DatasetRecord> records) {
      Map<String, JsonNode> out = new TreeMap<>();
      for (DatasetRecord r : records) out.put(r.id(), Json.MAPPER.valueToTree(r));
      return out;
    }
  }

  /** The report site's folder, whose pages count as one file. */
  private static final String SITE = "site/";

  /**
   * How two versions' published files differ, by their sha256 by path: the files only the newer
   * has, only the older has, and those whose bytes differ; the schema files that differ apart
   * (the schema version and shape say how). The files that name the version are left out, and the
   * report site's pages count as one file, {@code site/}: they follow the records.
   */
  public record FileChanges(List<String> added, List<String> removed, List<String> differ, List<String> schemas) {
    public static FileChanges between(Map<String, String> before, Map<String, String> after) {
      List<String> added = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      List<String> differ = new ArrayList<>();
      List<String> schemas = new ArrayList<>();
      Set<String> paths = new TreeSet<>(before.keySet());
      paths.addAll(after.keySet());
      paths.removeAll(VERSIONED_FILES);
      boolean siteDiffers = false;
      for (String p : paths) {
        String b = before.get(p);
        String a = after.get(p);
        if (Objects.equals(a, b)) continue;
        if (p.startsWith(SITE)) siteDiffers = true;
        else if (p.startsWith("schema/")) schemas.add(p);
        else if (b == null) added.add(p);
        else if (a == null) removed.add(p);
        else differ.add(p);
      }
      boolean siteBefore = before.keySet().stream().anyMatch(p -> p.startsWith(SITE));
      boolean siteAfter = after.keySet().stream().anyMatch(p -> p.startsWith(SITE));
      if (siteBefore && !siteAfter) removed.add(SITE);
      else if (!siteBefore && siteAfter) added.add(SITE);
      else if (siteDiffers) differ.add(SITE);
      return new FileChanges(added, removed, differ, schemas);
    }
  }

  /** The files that name the version or hold its changelog entry, so that they differ between any two. */
  private static final Set<String> VERSIONED_FILES = Set.of("manifest.json", "SHA256SUMS", "datapackage.json", "CHANGES.md");

  /** True for a file that differs between any two versions: not a change of format. */
  public static boolean isVersioned(String path) {
    return VERSIONED_FILES.contains(path);
  }

  public static DatasetDiff between(Version before, Version after) {
    Change change = Change.between(texts(before.records()), texts(after.records()));
    List<TypeDiff> types = new ArrayList<>();
    for (Change.TypeChange t : change.types()) {
      Map<String, JsonNode> b = before.records().get(t.type());
      Map<String, JsonNode> a = after.records().get(t.type());
      List<RecordChange> changed = new ArrayList<>();
      for (String id : t.changed()) changed.add(new RecordChange(id, fields(b.get(id), a.get(id))));
      types.add(new TypeDiff(t.type(), t.added(), t.removed(), changed));
    }
    SchemaShape.Difference schema = before.shape().to(after.shape());
    // Files are compared only where both sides' are known; bytes only where nothing else differs.
    FileChanges f =
        before.files().isEmpty() || after.files().isEmpty()
            ? new FileChanges(List.of(), List.of(), List.of(), List.of())
            : FileChanges.between(before.files(), after.files());
    List<String> files = change.isEmpty() && schema.isEmpty() ? f.differ() : List.of();
    List<String> filesAdded = f.added();
    List<String> filesRemoved = f.removed();
    SemVer.Bump required =
        required(change, schema, files, filesAdded, filesRemoved, before.schemaVersion(), after.schemaVersion());
    return new DatasetDiff(
        after.name(),
        new Side(before.version(), before.schemaVersion(), before.compilerVersion()),
        new Side(after.version(), after.schemaVersion(), after.compilerVersion()),
        required,
        smallest(before.version(), required),
        types,
        schema,
        files,
        filesAdded,
        filesRemoved);
  }

  /**
   * The version rule: major when a user's reference or code can break (a record removed; a field,
   * type or code removed; a published file removed; a new schema major version), minor when
   * something was only added (a file too), patch when existing records were corrected or the
   * files' bytes changed.
   */
  public static SemVer.Bump required(
      Change change,
      SchemaShape.Difference schema,
      List<String> files,
      List<String> filesAdded,
      List<String> filesRemoved,
      String schemaBefore,
      String schemaAfter) {
    SemVer.Bump records = change.required();
    if (records == SemVer.Bump.MAJOR
        || !schema.removed().isEmpty()
        || !filesRemoved.isEmpty()
        || !Objects.equals(schemaBefore, schemaAfter)) return SemVer.Bump.MAJOR;
    if (records == SemVer.Bump.MINOR || !schema.added().isEmpty() || !filesAdded.isEmpty()) return SemVer.Bump.MINOR;
    if (records == SemVer.Bump.PATCH || !files.isEmpty()) return SemVer.Bump.PATCH;
    return SemVer.Bump.NONE;
  }

  private static String smallest(String version, SemVer.Bump required) {
    SemVer v = SemVer.parse(version);
    if (v == null) return null;
    return required == SemVer.Bump.NONE ? v.toString() : v.next(required).toString();
  }

  /** True when the newer side's version is too small a step for what changed. */
  @JsonIgnore
  public boolean versionTooSmall() {
    SemVer b = SemVer.parse(before.version());
    SemVer a = SemVer.parse(after.version());
    return b != null && a != null && !a.isPreRelease() && (a.compareTo(b) < 0 || a.stepFrom(b).compareTo(required) < 0);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return required == SemVer.Bump.NONE;
  }

  /** Each record as compact JSON: equal exactly when the records are. */
  private static Map<String, Map<String, String>> texts(Map<String, Map<String, JsonNode>> records) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    records.forEach((type, byId) -> {
      Map<String, String> texts = new TreeMap<>();
      byId.forEach((id, tree) -> texts.put(id, tree.toString()));
      out.put(type, texts);
    });
    return out;
  }

  /** The fields of two versions of a record that differ, in the order the newer one has them. */
  static List<FieldChange> fields(JsonNode before, JsonNode after) {
    Map<String, JsonNode> b = flatten(before);
    Map<String, JsonNode> a = flatten(after);
    Set<String> paths = new LinkedHashSet<>(a.keySet());
    paths.addAll(b.keySet());
    List<FieldChange> out = new ArrayList<>();
    for (String path : paths) {
      if (!Objects.equals(b.get(path), a.get(path))) out.add(new FieldChange(path, b.get(path), a.get(path)));
    }
    return out;
  }

  /** Every value of a record by its path; an empty list or object is a value of its own. */
  private static Map<String, JsonNode> flatten(JsonNode record) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", record, out);
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject() && !node.isEmpty()) {
      node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) flatten(path + "[" + i + "]", node.get(i), out);
    } else {
      out.put(path, node);
    }
  }

  /** The record-level summary: "statements: 1 changed (x); actors: 2 added (a, b)". */
  public String summary() {
    List<String> parts = new ArrayList<>();
    for (TypeDiff t : records) {
      parts.add(
          new Change.TypeChange(t.type(), t.added(), t.removed(), t.changed().stream().map(RecordChange::id).toList()).describe());
    }
    if (!schema.isEmpty()) parts.add("schemas: " + schema.removed().size() + " removed or changed, " + schema.added().size() + " added");
    if (!filesAdded.isEmpty() || !filesRemoved.isEmpty()) {
      parts.add("files: " + filesAdded.size() + " added, " + filesRemoved.size() + " removed");
    }
    if (!files.isEmpty()) parts.add("files: " + files.size() + " differ");
    return String.join("; ", parts);
  }
}
