package dev.sourcebook.release;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a user's code depends on in the JSON Schemas of a dataset: every field (by path, such as
 * {@code statements.evidence[].quote}) with its JSON types, and the codes each vocabulary field
 * allows. Two shapes differ by a major change when a field, a type or a code is gone, and by a
 * minor one when only new fields or codes came.
 *
 * @param types by field path, the JSON types it may hold ("string", "null", ...)
 * @param codes by field path, the codes of its vocabulary
 */
public record SchemaShape(SortedMap<String, Set<String>> types, SortedMap<String, Set<String>> codes) {

  /** The shape of the schemas given by record type ("statements") and schema document. */
  public static SchemaShape of(Map<String, JsonNode> schemasByType) {
    return of(schemasByType, null);
  }

  /**
   * The shape of the JSON Schemas and of the CSV tables that {@code datapackage} (a Data Package
   * descriptor; null for none) describes: each column as {@code table <name>.<column>}, its type,
   * and its enum, so that a table or column renamed is a major change for CSV users too.
   */
  public static SchemaShape of(Map<String, JsonNode> schemasByType, JsonNode datapackage) {
    SortedMap<String, Set<String>> types = new TreeMap<>();
    SortedMap<String, Set<String>> codes = new TreeMap<>();
    schemasByType.forEach((type, schema) -> new Walk(schema, types, codes).properties(type, schema, 0));
    if (datapackage != null) {
      for (JsonNode resource : datapackage.path("resources")) {
        for (JsonNode field : resource.path("schema").path("fields")) {
          String path = "table " + resource.path("name").asText() + "." + field.path("name").asText();
          types.computeIfAbsent(path, p -> new TreeSet<>()).add(field.path("type").asText());
          field.path("constraints").path("enum").forEach(code -> codes.computeIfAbsent(path, p -> new TreeSet<>()).add(code.asText()));
        }
      }
    }
    return new SchemaShape(types, codes);
  }

  /** A walk of one schema document, its local references ({@code #/$defs/Evidence}) followed. */
  private record Walk(JsonNode root, Map<String, Set<String>> types, Map<String, Set<String>> codes) {
    /** Deeper than any schema of ours; a reference cycle stops here. */
    private static final int MAX_DEPTH = 32;

    void properties(String path, JsonNode schema, int depth) {
      schema.path("properties").fields().forEachRemaining(e -> walk(path + "." + e.getKey(), e.getValue(), depth + 1));
    }

    void walk(String path, JsonNode schema, int depth) {
      if (depth > MAX_DEPTH) return;
      JsonNode ref = schema.path("$ref");
      if (ref.isTextual() && ref.asText().startsWith("#/")) {
        walk(path, root.at(ref.asText().substring(1)), depth + 1);
      }
      Set<String> t = types.computeIfAbsent(path, p -> new TreeSet<>());
      JsonNode type = schema.path("type");
      if (type.isTextual()) t.add(type.asText());
      type.forEach(n -> t.add(n.asText()));
      schema.path("enum").forEach(code -> codes.computeIfAbsent(path, p -> new TreeSet<>()).add(code.asText()));
      for (String alternatives : List.of("anyOf", "oneOf", "allOf")) {
        schema.path(alternatives).forEach(alternative -> walk(path, alternative, depth + 1));
      }
      if (schema.has("items")) walk(path + "[]", schema.get("items"), depth + 1);
      properties(path, schema, depth);
    }
  }

  /** How {@code after} differs from this shape, in words a changelog shows. */
  public Difference to(SchemaShape after) {
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (String field : types.keySet()) {
      if (!after.types.containsKey(field)) {
        removed.add("field " + field);
      } else if (!types.get(field).equals(after.types.get(field))) {
        removed.add("type of " + field + ": " + String.join("|", types.get(field)) + " -> " + String.join("|", after.types.get(field)));
      }
    }
    after.types.keySet().stream().filter(f -> !types.containsKey(f)).forEach(f -> added.add("field " + f));
    Set<String> fields = new TreeSet<>(codes.keySet());
    fields.addAll(after.codes.keySet());
    for (String field : fields) {
      Set<String> b = codes.getOrDefault(field, Set.of());
      Set<String> a = after.codes.getOrDefault(field, Set.of());
      b.stream().filter(c -> !a.contains(c)).forEach(c -> removed.add("code " + field + " = " + c));
      a.stream().filter(c -> !b.contains(c)).forEach(c -> added.add("code " + field + " = " + c));
    }
    return new Difference(tablesWhole(removed, after), tablesWhole(added, this));
  }

  /**
   * The fields of a CSV table that is gone (or new) as the one line "table name", not a line per
   * column: {@code other} is the side that lacks the table.
   */
  private static List<String> tablesWhole(List<String> lines, SchemaShape other) {
    List<String> out = new ArrayList<>();
    Set<String> said = new TreeSet<>();
    for (String line : lines) {
      String field = line.startsWith("field table ") ? line.substring("field ".length()) : null;
      String table = field == null || field.indexOf('.') < 0 ? null : field.substring(0, field.indexOf('.'));
      if (table != null && other.types.keySet().stream().noneMatch(f -> f.startsWith(table + "."))) {
        if (said.add(table)) out.add(table);
        continue;
      }
      String codeTable = line.startsWith("code table ") ? line.substring("code ".length(), line.indexOf('.') < 0 ? line.length() : line.indexOf('.')) : null;
      if (codeTable != null && said.contains(codeTable)) continue;
      out.add(line);
    }
    return out;
  }

  /**
   * @param removed fields, codes and types a user's code may rely on that are gone or changed
   * @param added new fields and codes
   */
  public record Difference(List<String> removed, List<String> added) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
      return removed.isEmpty() && added.isEmpty();
    }
  }
}
