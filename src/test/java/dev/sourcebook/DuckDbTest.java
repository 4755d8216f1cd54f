package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB, as an analyst uses it: reads every CSV table with the types datapackage.json declares,
 * the same rows as it finds by guessing, and gives the quotes back from the offsets. (Attaching
 * dataset.sqlite needs DuckDB's sqlite extension, which it downloads from its own servers: not
 * tested here.)
 */
class DuckDbTest {
  @TempDir static Path temp;
  static Path folder;

  @BeforeAll
  static void build() throws IOException {
    folder = GoldenTest.build("ok-quote-starts-with-a-dash", temp);
  }

  private static final Map<String, String> TYPES = Map.of("string", "VARCHAR", "integer", "BIGINT", "boolean", "BOOLEAN", "date", "DATE");

  @Test
  void everyTableLoadsWithTheDeclaredTypesAndTheOffsetsGiveTheQuotesBack() throws Exception {
    JsonNode pkg = Json.MAPPER.readTree(folder.resolve("datapackage.json").toFile());
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (JsonNode resource : pkg.path("resources")) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (JsonNode f : resource.path("schema").path("fields")) columns.put(f.path("name").asText(), TYPES.get(f.path("type").asText()));
        String spec = String.join(", ", columns.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'").toList());
        String path = folder.resolve(resource.path("path").asText()).toString().replace("'", "''");
        s.execute("CREATE TABLE \"" + resource.path("name").asText() + "\" AS SELECT * FROM read_csv('" + path
            + "', header = true, auto_detect = false, columns = {" + spec + "}, nullstr = '', quote = '\"', escape = '\"')");
        long rows = Long.parseLong(TestFiles.column(s, "SELECT count(*) FROM \"" + resource.path("name").asText() + "\"").get(0));
        assertEquals(rows, Long.parseLong(TestFiles.column(s, "SELECT count(*) FROM read_csv('" + path + "')").get(0)), resource.path("name").asText());
      }
      assertEquals(List.of("true"), TestFiles.column(s, "SELECT bool_or(minor) FROM actors"));
      // DuckDB's substring counts characters (code points), as the offsets do.
      assertEquals(List.of(), TestFiles.column(s, "SELECT st.id FROM statements st JOIN articles a ON a.id = st.article"
          + " WHERE substring(a.text, st.start + 1, st.\"end\" - st.start) <> st.quote"));
      assertEquals(List.of("- We will review the case,"), TestFiles.column(s, "SELECT quote FROM statements WHERE id = 'example-police-review'"));
    }
  }
}
