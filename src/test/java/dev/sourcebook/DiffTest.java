package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.GoldenTest.Run;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Versions;
import dev.sourcebook.release.DatasetDiff;
import dev.sourcebook.release.DiffReport;
import dev.sourcebook.release.SchemaShape;
import dev.sourcebook.release.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff}: every change record by record and field by field, the version step it needs, in
 * three formats held to golden files ({@code src/test/resources/diff/}; regenerate as GoldenTest's).
 */
class DiffTest {
  static final Path EXPECTED = Path.of("src/test/resources/diff");

  @TempDir Path temp;

  private Path copy(String name) throws IOException {
    Path to = temp.resolve(name);
    TestFiles.copyTree(GoldenTest.BASE, to);
    return to;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    assertTrue(s.contains(from), from);
    Files.writeString(file, s.replace(from, to));
  }

  /** The base, then 1.1.0: a kind and a description corrected, a quote widened, an actor added, an outcome removed. */
  private Path changed() throws IOException {
    Path after = copy("after");
    Path records = after.resolve("annotations/records.yaml");
    edit(after.resolve("dataset.yaml"), "version: 1.0.0", "version: 1.1.0");
    edit(records, "speaker: testshire-police\n    kind: direct", "speaker: testshire-police\n    kind: partial");
    edit(records, "quote: He wanted my children taken away,", "quote: '\"He wanted my children taken away,\"'");
    edit(records, "incidents:", """
          - id: a-spokesperson
            kind: person
            description: spoke for the police
            evidence:
              - quote: A spokesperson for Testshire Police
        incidents:""");
    // Text from annotations is shown, never run: in Markdown, no link, no HTML, no emphasis.
    edit(records, "description: MP for Testtown", "description: \"MP for [Testtown](https://example.org) <b>*x*</b> | `code` &amp;\"");
    String yaml = Files.readString(records);
    Files.writeString(records, yaml.substring(0, yaml.indexOf("outcomes:")));
    return after;
  }

  @Test
  void everyChangeFieldByFieldInThreeFormats() throws IOException {
    Path before = copy("before");
    Path after = changed();
    for (String format : List.of("text", "markdown", "json")) {
      Run r = GoldenTest.run("diff", before.toString(), after.toString(), "--format", format);
      assertEquals(0, r.exit(), r.err());
      Path expected = EXPECTED.resolve("diff." + Map.of("text", "txt", "markdown", "md", "json", "json").get(format));
      if (GoldenTest.REGENERATE) Files.writeString(expected, r.out(), StandardCharsets.UTF_8);
      assertEquals(Files.readString(expected, StandardCharsets.UTF_8), r.out(), format);
    }
  }

  @Test
  void aBuiltDatasetAndItsSeedsShowTheSameRecordChanges() throws IOException {
    Path before = copy("before");
    Path dist = temp.resolve("dist");
    assertEquals(0, GoldenTest.run("build", "--seeds", before.toString(), "--out", dist.toString()).exit());
    Path after = changed();
    Run fromSeeds = GoldenTest.run("diff", before.toString(), after.toString());
    Run fromBuilt = GoldenTest.run("diff", dist.resolve("test-dataset/1.0.0").toString(), after.toString());
    assertEquals(0, fromBuilt.exit(), fromBuilt.err());
    assertEquals(fromSeeds.out(), fromBuilt.out());

    Run same = GoldenTest.run("diff", dist.resolve("test-dataset/1.0.0").toString(), before.toString());
    assertEquals("test-dataset 1.0.0 -> 1.0.0: the same records, schemas and data files\n", same.out());
  }

  @Test
  void aBuiltDatasetIsCheckedInFullBeforeItIsCompared() throws IOException {
    Path before = copy("before");
    Path dist = temp.resolve("dist");
    assertEquals(0, GoldenTest.run("build", "--seeds", before.toString(), "--out", dist.toString()).exit());
    Path built = dist.resolve("test-dataset/1.0.0");
    // Bytes its records do not give, though its checksums are right: not a version to compare.
    edit(built.resolve("actors.csv"), "\n", "\r\n");
    GoldenTest.resum(built);
    Run r = GoldenTest.run("diff", built.toString(), before.toString());
    assertEquals(1, r.exit(), "the reader refuses a CSV that its records do not give: " + r.err());
  }

  @Test
  void aVersionOfAnotherSchemaIsComparedAsTheJsonItPublished() throws IOException {
    Path before = copy("before");
    Path dist = temp.resolve("dist");
    assertEquals(0, GoldenTest.run("build", "--seeds", before.toString(), "--out", dist.toString()).exit());
    Path built = dist.resolve("test-dataset/1.0.0");
    // As a compiler of schema version 9 would have published it.
    Files.move(built.resolve("schema/" + Versions.SCHEMA), built.resolve("schema/9"));
    edit(built.resolve("manifest.json"), "\"schema_version\": \"" + Versions.SCHEMA + "\"", "\"schema_version\": \"9\"");
    Files.writeString(built.resolve("manifest.json"), Files.readString(built.resolve("manifest.json")).replace("schema/" + Versions.SCHEMA + "/", "schema/9/"));
    GoldenTest.resum(built);
    assertEquals(1, GoldenTest.run("validate", built.toString()).exit(), "this reader cannot read it as records");

    Run r = GoldenTest.run("diff", built.toString(), changed().toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        Files.readString(EXPECTED.resolve("diff.txt")).lines().skip(1).toList(),
        r.out().lines().skip(2).toList(),
        "the same records, fields and values");
    assertTrue(r.out().startsWith("test-dataset 1.0.0 -> 1.1.0: a major change"), r.out());
    assertEquals("schema version 9 -> " + Versions.SCHEMA, r.out().lines().skip(1).findFirst().orElseThrow());

    // What it published is untrusted: a records file that is no array is refused, not a crash.
    String outcomes = Files.readString(built.resolve("outcomes.json"));
    Files.writeString(built.resolve("outcomes.json"), "{\"not\": \"an array\"}\n");
    GoldenTest.resum(built);
    Run notArray = GoldenTest.run("diff", built.toString(), before.toString());
    assertEquals(1, notArray.exit());
    assertTrue(notArray.err().contains("outcomes.json:1:1: error[E-SCHEMA]: not an array of records"), notArray.err());
    Files.writeString(built.resolve("outcomes.json"), outcomes);
    GoldenTest.resum(built);

    // Its files are held to its SHA256SUMS, which may name no file outside the folder.
    Files.writeString(built.resolve("SHA256SUMS"), Files.readString(built.resolve("SHA256SUMS")) + "0".repeat(64) + "  ../outside\n");
    Run hostile = GoldenTest.run("diff", built.toString(), before.toString());
    assertEquals(1, hostile.exit());
    assertTrue(hostile.err().contains("error[E-CHECKSUM]: not a line of sha256sum naming a file of this folder: '" + "0".repeat(64)), hostile.err());
  }

  @Test
  void csvTablesAndColumnsAreSchemaToo() throws IOException {
    JsonNode before = Json.MAPPER.readTree("""
        {"resources": [{"name": "actor-aliases", "schema": {"fields": [{"name": "actor", "type": "string"}, {"name": "alias", "type": "string"}]}},
                       {"name": "actors", "schema": {"fields": [{"name": "id", "type": "string"}, {"name": "minor", "type": "boolean"},
                                                                {"name": "kind", "type": "string", "constraints": {"enum": ["person", "group"]}}]}}]}""");
    JsonNode after = Json.MAPPER.readTree("""
        {"resources": [{"name": "actor_aliases", "schema": {"fields": [{"name": "actor", "type": "string"}, {"name": "alias", "type": "string"}]}},
                       {"name": "actors", "schema": {"fields": [{"name": "id", "type": "string"}, {"name": "minor", "type": "string"},
                                                                {"name": "kind", "type": "string", "constraints": {"enum": ["person"]}}]}}]}""");
    var d = SchemaShape.of(Map.of(), before).to(SchemaShape.of(Map.of(), after));
    assertEquals(List.of("table actor-aliases", "type of table actors.minor: boolean -> string", "code table actors.kind = group"), d.removed());
    assertEquals(List.of("table actor_aliases"), d.added());
  }

  @Test
  void twoDifferentDatasetsAreRefused() throws IOException {
    Path before = copy("before");
    Path other = copy("other");
    edit(other.resolve("dataset.yaml"), "name: test-dataset", "name: another-dataset");
    Run r = GoldenTest.run("diff", before.toString(), other.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("error[E-DIFF-NAMES]: these are two different datasets, 'test-dataset'"), r.err());
    assertEquals("", r.out());

    Run missing = GoldenTest.run("diff", before.toString(), temp.resolve("nowhere").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("error[E-NOT-A-DATASET]"), missing.err());
  }

  @Test
  void schemaChangesAreMajorWhenSomethingIsGoneAndMinorWhenOnlyAdded() throws IOException {
    JsonNode before = Json.MAPPER.readTree("""
        {"properties": {"kind": {"type": "string", "enum": ["direct", "partial"]},
                        "venue": {"anyOf": [{"type": "null"}, {"type": "string"}]},
                        "evidence": {"type": "array", "items": {"properties": {"quote": {"type": "string"}}}}}}""");
    JsonNode added = Json.MAPPER.readTree("""
        {"properties": {"kind": {"type": "string", "enum": ["direct", "partial", "indirect"]},
                        "venue": {"anyOf": [{"type": "null"}, {"type": "string"}]},
                        "evidence": {"type": "array", "items": {"properties": {"quote": {"type": "string"}, "start": {"type": "integer"}}}}}}""");
    JsonNode removed = Json.MAPPER.readTree("""
        {"properties": {"kind": {"type": "string", "enum": ["direct"]},
                        "venue": {"type": "string"},
                        "evidence": {"type": "array", "items": {"properties": {}}}}}""");
    SchemaShape b = SchemaShape.of(Map.of("statements", before));
    var grew = b.to(SchemaShape.of(Map.of("statements", added)));
    assertEquals(List.of(), grew.removed());
    assertEquals(List.of("field statements.evidence[].start", "code statements.kind = indirect"), grew.added());
    var shrank = b.to(SchemaShape.of(Map.of("statements", removed)));
    assertEquals(
        List.of("field statements.evidence[].quote", "type of statements.venue: null|string -> string", "code statements.kind = partial"),
        shrank.removed());
  }

  @Test
  void aFileAddedIsMinorAFileRemovedIsMajorAndBytesAlonePatch() {
    SchemaShape shape = SchemaShape.of(Map.of());
    Map<String, Map<String, JsonNode>> records = Map.of("actors", Map.of("a", Json.MAPPER.createObjectNode().put("id", "a")));
    Map<String, String> files = Map.of("actors.csv", "1", "actors.json", "2", "manifest.json", "3", "schema/3/actors.schema.json", "4");
    DatasetDiff.Version before = new DatasetDiff.Version("d", "1.0.0", "3", "0.4.0", records, shape, files);

    Map<String, String> more = new java.util.TreeMap<>(files);
    more.put("dataset.sqlite", "5");
    more.put("manifest.json", "6"); // names the version: never a change of its own
    DatasetDiff grew = DatasetDiff.between(before, new DatasetDiff.Version("d", "1.1.0", "3", "0.4.0", records, shape, more));
    assertEquals(SemVer.Bump.MINOR, grew.required());
    assertEquals(List.of("dataset.sqlite"), grew.filesAdded());
    assertTrue(DiffReport.markdown(grew).contains("### files\n\n- added: dataset.sqlite\n"), DiffReport.markdown(grew));

    DatasetDiff shrank = DatasetDiff.between(new DatasetDiff.Version("d", "1.1.0", "3", "0.4.0", records, shape, more), before);
    assertEquals(SemVer.Bump.MAJOR, shrank.required());
    assertEquals(List.of("dataset.sqlite"), shrank.filesRemoved());
    assertTrue(DiffReport.text(shrank).contains("files:\n  - dataset.sqlite\n"), DiffReport.text(shrank));

    Map<String, String> rewritten = new java.util.TreeMap<>(files);
    rewritten.put("actors.csv", "7");
    DatasetDiff format = DatasetDiff.between(before, new DatasetDiff.Version("d", "1.0.1", "3", "0.4.0", records, shape, rewritten));
    assertEquals(SemVer.Bump.PATCH, format.required());
    assertEquals(List.of("actors.csv"), format.files());
  }
}
