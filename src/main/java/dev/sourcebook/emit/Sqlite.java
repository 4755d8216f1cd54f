package dev.sourcebook.emit;

import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.Vocabulary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code dataset.sqlite}: every CSV table as an SQL table with declared types, NOT NULL and CHECK
 * constraints from the Table Schema, its primary key, its foreign keys (SQLite enforces them on a
 * connection that runs {@code PRAGMA foreign_keys = ON}) and an index on each; full-text indexes
 * (FTS5) over the statements' quotes and the articles' titles and texts, which keep no copy of the
 * words (external content: {@code statements_search.rowid} is the statement's rowid); and views for
 * the common questions. The same dataset gives the same bytes: one transaction loads the tables in
 * a fixed order into a scratch file with a fixed page size and no journal. (Not VACUUM: it may
 * renumber the rowids that the full-text indexes point at.)
 */
public final class Sqlite {
  private Sqlite() {}

  public static final String FILE = "dataset.sqlite";

  /**
   * Writes the database to {@code out} (copied from its scratch file, never held whole in memory);
   * the scratch file is removed whatever happens. A row that a constraint refuses (a dataset that
   * never passed the rules) is left out and said in {@code violations}.
   */
  public static void write(Dataset d, List<String> violations, OutputStream out) throws IOException {
    Path scratch = Files.createTempDirectory("sourcebook-sqlite");
    try {
      Path file = scratch.resolve(FILE);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        load(c, d, violations);
      } catch (SQLException e) {
        throw new IOException("writing " + FILE + ": " + e.getMessage(), e);
      }
      Files.copy(file, out);
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private static void load(Connection c, Dataset d, List<String> violations) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = 4096");
      s.execute("PRAGMA journal_mode = OFF");
      s.execute("PRAGMA synchronous = OFF");
    }
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (Table t : Tables.ALL) {
        s.execute(createTable(t));
        for (Table.ForeignKey fk : t.foreignKeys()) {
          s.execute("CREATE INDEX " + q(t.name() + "_" + String.join("_", fk.fields())) + " ON " + q(t.name()) + " (" + columns(fk.fields()) + ")");
        }
      }
    }
    for (Table t : Tables.ALL) insert(c, t, d, violations);
    try (Statement s = c.createStatement()) {
      // Words to search, indexed where they stand (no second copy of every text).
      s.execute("CREATE VIRTUAL TABLE statements_search USING fts5(quote, content = 'statements', tokenize = 'unicode61')");
      s.execute("INSERT INTO statements_search (statements_search) VALUES ('rebuild')");
      s.execute("CREATE VIRTUAL TABLE articles_search USING fts5(title, text, content = 'articles', tokenize = 'unicode61')");
      s.execute("INSERT INTO articles_search (articles_search) VALUES ('rebuild')");
      s.execute(
          "CREATE VIEW statements_with_speakers AS SELECT s.*, a.name AS speaker_name, a.kind AS speaker_kind,"
              + " a.description AS speaker_description FROM statements s JOIN actors a ON a.id = s.speaker");
      s.execute(
          "CREATE VIEW outcomes_in_date_order AS SELECT o.*, i.title AS incident_title FROM outcomes o"
              + " JOIN incidents i ON i.id = o.incident ORDER BY o.incident,"
              // an open start (../2023-04-29) goes by its end
              + " coalesce(o.date_earliest, o.date_latest) IS NULL, coalesce(o.date_earliest, o.date_latest),"
              + " o.date_latest IS NULL, o.date_latest, o.id");
    }
    c.commit();
    try (Statement s = c.createStatement(); ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
      while (broken.next()) violations.add(FILE + " " + broken.getString(1) + " row " + broken.getLong(2) + ": a foreign key names no row of " + broken.getString(3));
    }
    c.setAutoCommit(true);
  }

  /** CREATE TABLE with the Table Schema's types and constraints, its keys and foreign keys. */
  static String createTable(Table t) {
    List<String> parts = new ArrayList<>();
    for (Table.Column col : t.columns()) {
      StringBuilder sql = new StringBuilder(q(col.name())).append(' ').append(sqlType(col.type()));
      if (col.required()) sql.append(" NOT NULL");
      List<String> checks = new ArrayList<>();
      if (col.type().equals("boolean")) checks.add(q(col.name()) + " IN (0, 1)");
      if (col.allowed() != null) checks.add(q(col.name()) + " IN (" + col.allowed().stream().map(Sqlite::literal).collect(Collectors.joining(", ")) + ")");
      if (col.minimum() != null) checks.add(q(col.name()) + " >= " + col.minimum());
      if (col.type().equals("date")) checks.add("date(" + q(col.name()) + ") IS " + q(col.name()));
      if (!checks.isEmpty()) sql.append(" CHECK (").append(String.join(" AND ", checks)).append(')');
      parts.add(sql.toString());
    }
    parts.add("PRIMARY KEY (" + columns(t.primaryKey()) + ")");
    for (Table.ForeignKey fk : t.foreignKeys()) {
      String target = fk.resource().isEmpty() ? t.name() : fk.resource();
      parts.add("FOREIGN KEY (" + columns(fk.fields()) + ") REFERENCES " + q(target) + " (" + columns(fk.reference()) + ")");
    }
    return "CREATE TABLE " + q(t.name()) + " (\n  " + String.join(",\n  ", parts) + "\n) STRICT";
  }

  private static void insert(Connection c, Table t, Dataset d, List<String> violations) throws SQLException {
    String marks = t.columns().stream().map(x -> "?").collect(Collectors.joining(", "));
    // OR IGNORE: a row a constraint refuses is counted, not a failure of the whole file.
    try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO " + q(t.name()) + " VALUES (" + marks + ")")) {
      for (List<Object> row : t.rows().apply(d)) {
        for (int i = 0; i < row.size(); i++) bind(p, i + 1, row.get(i));
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) violations.add(FILE + " " + t.name() + " row " + (i + 1) + ": a constraint of the table refuses it");
      }
    }
  }

  private static void bind(PreparedStatement p, int i, Object value) throws SQLException {
    if (value == null) p.setObject(i, null);
    else if (value instanceof String s) p.setString(i, s);
    else if (value instanceof Boolean b) p.setLong(i, b ? 1 : 0);
    else if (value instanceof Number n) p.setLong(i, n.longValue());
    else if (value instanceof Vocabulary v) p.setString(i, v.code());
    else p.setString(i, value.toString());
  }

  private static String sqlType(String tableSchemaType) {
    return switch (tableSchemaType) {
      case "integer", "boolean" -> "INTEGER";
      default -> "TEXT"; // string; a date is ISO text (date() checks it)
    };
  }

  private static String columns(List<String> names) {
    return names.stream().map(Sqlite::q).collect(Collectors.joining(", "));
  }

  /** An SQL identifier: ours, quoted all the same. */
  private static String q(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
