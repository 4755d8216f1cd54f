package dev.sourcebook.emit;

import dev.sourcebook.model.DatasetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Frictionless Data Package descriptor: a Table Schema for every CSV table (types,
 * constraints, descriptions, primary and foreign keys), so that Frictionless, pandas, R and DuckDB
 * users load the tables without reading our code.
 */
public final class DataPackage {
  private DataPackage() {}

  /** The descriptor without the tables' sizes and hashes: its shape, as a diff compares it. */
  public static Map<String, Object> descriptor(DatasetInfo info, String compilerVersion) {
    return descriptor(info, compilerVersion, Map.of());
  }

  /** @param files the written tables' sizes and hashes, by path, for each resource's bytes and hash */
  static Map<String, Object> descriptor(DatasetInfo info, String compilerVersion, Map<String, DatasetFiles.Written> files) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("profile", "tabular-data-package");
    p.put("name", info.name());
    p.put("title", info.title());
    p.put("version", info.version());
    if (info.description() != null) p.put("description", info.description());
    p.put("licenses", List.of(ordered("name", info.licence())));
    p.put("sources", List.of(ordered("title", "news reports listed in articles.csv")));
    p.put("contributors", List.of(ordered("title", "sourcebook " + compilerVersion, "role", "wrangler")));
    List<Object> resources = new ArrayList<>();
    for (Table t : Tables.ALL) resources.add(resource(t, files.get(t.file())));
    p.put("resources", resources);
    return p;
  }

  /**
   * A map that keeps the order given. (Map.of iterates in an order that changes from one JVM run
   * to the next, which would make the output differ between identical builds.)
   */
  private static Map<String, Object> ordered(String... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) m.put(keysAndValues[i], keysAndValues[i + 1]);
    return m;
  }

  private static Map<String, Object> resource(Table t, DatasetFiles.Written file) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", t.name());
    r.put("path", t.file());
    if (file != null) {
      r.put("bytes", file.bytes());
      r.put("hash", "sha256:" + file.sha256());
    }
    r.put("profile", "tabular-data-resource");
    r.put("description", t.description());
    r.put("format", "csv");
    r.put("mediatype", "text/csv");
    r.put("encoding", "utf-8");
    Map<String, Object> dialect = new LinkedHashMap<>();
    dialect.put("delimiter", ",");
    dialect.put("lineTerminator", "\n");
    dialect.put("quoteChar", "\"");
    dialect.put("doubleQuote", true);
    dialect.put("header", true);
    r.put("dialect", dialect);
    Map<String, Object> schema = new LinkedHashMap<>();
    List<Object> fields = new ArrayList<>();
    for (Table.Column c : t.columns()) fields.add(field(c));
    schema.put("fields", fields);
    schema.put("missingValues", List.of(""));
    schema.put("primaryKey", t.primaryKey());
    List<Object> fks = new ArrayList<>();
    for (Table.ForeignKey fk : t.foreignKeys()) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("resource", fk.resource());
      ref.put("fields", fk.reference());
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("fields", fk.fields());
      f.put("reference", ref);
      fks.add(f);
    }
    if (!fks.isEmpty()) schema.put("foreignKeys", fks);
    r.put("schema", schema);
    return r;
  }

  private static Map<String, Object> field(Table.Column c) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", c.name());
    f.put("type", c.type());
    if (c.type().equals("date")) f.put("format", "default");
    if (c.type().equals("boolean")) {
      f.put("trueValues", List.of("TRUE"));
      f.put("falseValues", List.of("FALSE"));
    }
    f.put("description", c.description());
    Map<String, Object> constraints = new LinkedHashMap<>();
    if (c.required()) constraints.put("required", true);
    if (c.allowed() != null) constraints.put("enum", c.allowed());
    if (c.pattern() != null) constraints.put("pattern", c.pattern().replaceAll("^\\^|\\$$", ""));
    if (c.minimum() != null) constraints.put("minimum", c.minimum());
    if (!constraints.isEmpty()) f.put("constraints", constraints);
    return f;
  }
}
