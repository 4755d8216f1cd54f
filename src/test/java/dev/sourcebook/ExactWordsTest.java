package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every format publishes the words exactly: in each dataset the golden cases build, every quote of
 * statements.csv is its JSON quote and the code points of articles.csv's text at its offsets, and
 * every article text in CSV is its JSON text, whatever character it starts with.
 */
class ExactWordsTest {
  @TestFactory
  Stream<DynamicTest> csvWordsAreTheJsonWordsAndTheTextAtTheirOffsets() throws IOException {
    List<Path> built;
    try (Stream<Path> cases = Files.list(GoldenTest.ROOT)) {
      built = cases.map(c -> c.resolve("expected")).filter(e -> Files.isRegularFile(e.resolve("statements.csv"))).sorted().toList();
    }
    assertTrue(built.size() > 5, "the golden cases build datasets");
    return built.stream().map(e -> DynamicTest.dynamicTest(e.getParent().getFileName().toString(), () -> check(e)));
  }

  private static void check(Path dataset) throws IOException {
    Map<String, String> texts = new HashMap<>();
    for (CSVRecord r : csv(dataset.resolve("articles.csv"))) texts.put(r.get("id"), r.get("text"));
    for (JsonNode a : Json.MAPPER.readTree(dataset.resolve("articles.json").toFile())) {
      assertEquals(a.get("text").asText(), texts.get(a.get("id").asText()), "article text in CSV and JSON");
    }
    Map<String, JsonNode> statements = new HashMap<>();
    for (JsonNode s : Json.MAPPER.readTree(dataset.resolve("statements.json").toFile())) statements.put(s.get("id").asText(), s);
    for (CSVRecord r : csv(dataset.resolve("statements.csv"))) {
      String quote = r.get("quote");
      assertEquals(statements.get(r.get("id")).get("quote").asText(), quote, r.get("id"));
      int[] text = texts.get(r.get("article")).codePoints().toArray();
      String slice = new String(text, Integer.parseInt(r.get("start")), Integer.parseInt(r.get("end")) - Integer.parseInt(r.get("start")));
      assertEquals(quote, slice, r.get("id") + ": text[start:end] in the CSV");
    }
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
  }
}
