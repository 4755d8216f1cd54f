package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.model.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built dataset reads back into the same records; a tampered one is refused, saying where. */
class DatasetReaderTest {
  static Dataset compiled;
  @TempDir static Path temp;
  static Path built;

  @BeforeAll
  static void build() throws IOException {
    compiled = SeedsCompiler.compile(Path.of("seeds")).dataset().orElseThrow();
    built = DatasetWriter.write(temp.resolve("out"), compiled).folder().orElseThrow();
  }

  @Test
  void readsBackTheSameRecords() {
    DatasetResult r = DatasetReader.read(built);
    assertEquals(List.of(), r.diagnostics());
    Dataset read = r.dataset().orElseThrow();
    assertEquals(compiled.info(), read.info());
    assertEquals(compiled.articles(), read.articles());
    assertEquals(compiled.actors(), read.actors());
    assertEquals(compiled.incidents(), read.incidents());
    assertEquals(compiled.statements(), read.statements());
    assertEquals(compiled.outcomes(), read.outcomes());
  }

  /** A copy of the dataset with one file edited and, unless said, the manifest and SHA256SUMS made to match. */
  private Path tampered(String name, String file, String from, String to, boolean fixSums) throws IOException {
    return edited(name, file, content -> {
      assertTrue(content.contains(from), from);
      return content.replaceFirst(java.util.regex.Pattern.quote(from), to);
    }, fixSums);
  }

  private Path edited(String name, String file, java.util.function.UnaryOperator<String> edit, boolean fixSums) throws IOException {
    Path copy = temp.resolve(name);
    TestFiles.copyTree(built, copy);
    Path f = copy.resolve(file);
    Files.writeString(f, edit.apply(Files.readString(f)));
    if (fixSums) GoldenTest.resum(copy);
    return copy;
  }

  private static List<String> codes(Path dir) {
    DatasetResult r = DatasetReader.read(dir);
    assertTrue(r.dataset().isEmpty());
    return r.diagnostics().stream().map(Diagnostic::code).distinct().toList();
  }

  @Test
  void aChangedFileFailsItsChecksum() throws IOException {
    Path d = tampered("checksum", "actors.csv", "Stella Creasy", "Stella Creasey", false);
    assertEquals(List.of("E-CHECKSUM", "E-MANIFEST"), codes(d));
  }

  @Test
  void aCsvThatDisagreesWithTheJsonIsFoundAtItsLine() throws IOException {
    Path d = tampered("csv", "statements.csv", "bbc-council-direct-risk,bbc-2023-05-01-creasy-troll,waltham-forest-council", "bbc-council-direct-risk,bbc-2023-05-01-creasy-troll,leicestershire-police", true);
    List<Diagnostic> ds = DatasetReader.read(d).diagnostics();
    assertEquals(1, ds.size());
    assertEquals("E-CSV-MISMATCH", ds.get(0).code());
    assertEquals(2, ds.get(0).location().line());
    assertTrue(ds.get(0).location().file().endsWith("statements.csv"));
  }

  @Test
  void aCsvCutShortOrRunningOnIsFoundAtTheLineWhereItStopsAgreeing() throws IOException {
    // outcomes.csv: a header and 12 rows, each ending in \n.
    Path cut = edited("csv-cut", "outcomes.csv", c -> c.substring(0, c.lastIndexOf('\n', c.length() - 2) + 1), true);
    Path longer = edited("csv-longer", "outcomes.csv", c -> c + "extra,row\n", true);
    for (Path d : List.of(cut, longer)) {
      List<Diagnostic> ds = DatasetReader.read(d).diagnostics();
      assertEquals(List.of("E-CSV-MISMATCH"), ds.stream().map(Diagnostic::code).toList(), d.toString());
      assertTrue(ds.get(0).location().file().endsWith("outcomes.csv"));
      assertEquals(d == cut ? 13 : 14, ds.get(0).location().line(), d.toString());
    }
  }

  @Test
  void aRecordOutsideItsSchemaIsRefused() throws IOException {
    Path d = tampered("schema", "outcomes.json", "\"type\": \"community-resolution\"", "\"type\": \"arrest\"", true);
    assertEquals(List.of("E-UNKNOWN-VALUE"), codes(d), "the code the seeds give for an unknown code");
  }

  @Test
  void aQuoteMovedOffItsWordsIsRefused() throws IOException {
    Path d = tampered("offset", "statements.json", "\"start\": 991", "\"start\": 990", true);
    assertEquals(List.of("E-QUOTE-OFFSET"), codes(d));
  }

  @Test
  void aDanglingReferenceIsRefused() throws IOException {
    Path d = tampered("reference", "statements.json", "\"speaker\": \"waltham-forest-council\"", "\"speaker\": \"nobody\"", true);
    assertEquals(List.of("E-UNKNOWN-REF"), codes(d));
  }

  @Test
  void aFileNotListedIsRefused() throws IOException {
    Path d = tampered("extra", "actors.csv", "Stella Creasy", "Stella Creasy", true);
    Files.writeString(d.resolve("notes.txt"), "x");
    assertEquals(List.of("E-UNEXPECTED-FILE"), codes(d));
  }

  @Test
  void aPublishedSchemaThatIsNotTheCompilersIsRefused() throws IOException {
    Path d = tampered("schema-file", "schema/" + dev.sourcebook.json.Versions.SCHEMA + "/actor.schema.json", "\"minItems\": 1", "\"minItems\": 0", true);
    assertEquals(List.of("E-CSV-MISMATCH"), codes(d));
  }
}
