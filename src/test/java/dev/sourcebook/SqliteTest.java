package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sourcebook.emit.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dataset.sqlite holds the tables of the CSV files with their types and keys, the words exactly
 * (a quote that starts with "- " included), offsets that give the quote back, full-text search and
 * the views; the README's sqlite3 recipe runs as written.
 */
class SqliteTest {
  @TempDir static Path temp;
  static Path folder;

  @BeforeAll
  static void build() throws IOException {
    folder = GoldenTest.build("ok-quote-starts-with-a-dash", temp);
  }

  private static Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:file:" + folder.resolve("dataset.sqlite") + "?mode=ro", new java.util.Properties());
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return TestFiles.column(s, sql);
    }
  }


  @Test
  void integrityKeysAndEveryTableWithItsRows() throws Exception {
    try (Connection c = open()) {
      assertEquals(List.of("ok"), column(c, "PRAGMA integrity_check"));
      assertEquals(List.of(), column(c, "PRAGMA foreign_key_check"));
      for (var t : Tables.ALL) {
        long csvRows;
        try (var in = Files.newBufferedReader(folder.resolve(t.file()), StandardCharsets.UTF_8)) {
          csvRows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().size();
        }
        assertTrue(csvRows > 0 || t.name().contains("_"), t.name());
        assertEquals(String.valueOf(csvRows), column(c, "SELECT count(*) FROM \"" + t.name() + "\"").get(0), t.name());
      }
      assertEquals(List.of("INTEGER"), column(c, "SELECT type FROM pragma_table_info('statements') WHERE name = 'start'"));
      assertEquals(List.of("id"), column(c, "SELECT name FROM pragma_table_info('statements') WHERE pk = 1"));
      assertEquals(List.of("actors"), column(c, "SELECT \"table\" FROM pragma_foreign_key_list('statements') WHERE \"from\" = 'speaker'"));
      assertTrue(column(c, "SELECT name FROM sqlite_master WHERE type = 'index'").contains("statements_speaker"));
      assertEquals(List.of("0", "0", "0", "1"), column(c, "SELECT minor FROM actors ORDER BY minor, id"));
    }
  }

  @Test
  void theWordsAreExactAndTheOffsetsGiveThemBack() throws Exception {
    try (Connection c = open()) {
      assertEquals(List.of("- We will review the case,"), column(c, "SELECT quote FROM statements WHERE id = 'example-police-review'"));
      // SQLite counts characters (code points) of UTF-8 text, as the offsets do.
      assertEquals(List.of(), column(c, "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article"
          + " WHERE substr(a.text, s.start + 1, s.\"end\" - s.start) IS NOT s.quote"));
    }
  }

  @Test
  void fullTextSearchAndTheViews() throws Exception {
    try (Connection c = open()) {
      assertEquals(List.of("example-police-review"), column(c, "SELECT s.id FROM statements_search f JOIN statements s ON s.rowid = f.rowid"
          + " WHERE statements_search MATCH 'review'"));
      assertEquals(List.of("test-article"), column(c, "SELECT a.id FROM articles_search f JOIN articles a ON a.rowid = f.rowid"
          + " WHERE articles_search MATCH 'caution'"));
      assertEquals(List.of("Testshire Police"), column(c, "SELECT DISTINCT speaker_name FROM statements_with_speakers WHERE speaker = 'testshire-police'"));
      assertEquals(List.of("example-caution"), column(c, "SELECT id FROM outcomes_in_date_order"));
    }
  }

  @Test
  void theReadmesSqlite3RecipeRuns() throws Exception {
    boolean cli;
    try {
      cli = new ProcessBuilder("sqlite3", "-version").start().waitFor() == 0;
    } catch (IOException e) {
      cli = false;
    }
    assumeTrue(cli, "skipped: the sqlite3 command is not installed (apt-get install sqlite3; .ci/run installs it)");
    String recipe = "PRAGMA foreign_keys = ON; PRAGMA integrity_check; PRAGMA foreign_key_check;"
        + " SELECT speaker_name, quote FROM statements_with_speakers WHERE id = 'example-police-review';";
    Process p = new ProcessBuilder("sqlite3", "-readonly", folder.resolve("dataset.sqlite").toString(), recipe).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals("ok\nTestshire Police|- We will review the case,\n", out);
  }
}
