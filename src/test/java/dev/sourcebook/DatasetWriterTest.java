package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.Dataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {
  @TempDir Path temp;

  @Test
  void streamedFilesAreTheFilesMadeInMemory() throws Exception {
    Dataset d = SeedsCompiler.compile(Path.of("seeds")).dataset().orElseThrow();
    Path folder = DatasetWriter.write(temp, d).folder().orElseThrow();
    Map<String, String> expected = new TreeMap<>();
    DatasetFiles.of(d, new Schemas(), Versions.COMPILER, Versions.SCHEMA, dev.sourcebook.emit.Provenance.NONE, new dev.sourcebook.site.Site())
        .forEach((name, bytes) -> expected.put(name, new String(bytes, StandardCharsets.UTF_8)));
    // tree() leaves the database out (SHA256SUMS pins it); compared here byte for byte.
    byte[] database = DatasetFiles.of(d, new Schemas(), Versions.COMPILER, Versions.SCHEMA, dev.sourcebook.emit.Provenance.NONE, new dev.sourcebook.site.Site()).get("dataset.sqlite");
    assertEquals(java.util.HexFormat.of().formatHex(database), java.util.HexFormat.of().formatHex(Files.readAllBytes(folder.resolve("dataset.sqlite"))));
    expected.remove("dataset.sqlite");
    assertEquals(expected, GoldenTest.tree(folder));
  }

  @Test
  void anInvalidDatasetIsRefusedAndTheEarlierOutputStays() throws Exception {
    Dataset good = SeedsCompiler.compile(Path.of("seeds")).dataset().orElseThrow();
    Path folder = DatasetWriter.write(temp, good).folder().orElseThrow();
    Map<String, String> before = GoldenTest.tree(folder);

    // Same name and version, but an actor with no evidence, and a child with a name.
    Actor bare = new Actor("someone", ActorKind.PERSON, "Someone", List.of(), "a person", false, List.of(), List.of());
    Actor named = new Actor("a-child", ActorKind.PERSON, "Tommy", List.of(), "a child", true, List.of(), List.of());
    Dataset bad = new Dataset(good.info(), good.articles(), List.of(bare, named), List.of(), List.of(), List.of());
    DatasetWriter.Result r = DatasetWriter.write(temp, bad);

    assertTrue(r.folder().isEmpty());
    assertEquals(
        List.of("actors.json#/0:1:1: error[E-CHILD-NAMED]", "actors.json#/0:1:1: error[E-EMPTY-LIST]",
            "actors.json#/0:1:1: error[E-MINOR-NO-FAMILY]", "actors.json#/1:1:1: error[E-EMPTY-LIST]",
            "actors.json#/1:1:1: error[E-NAME-NOT-FOUND]"),
        r.diagnostics().stream().map(d -> d.toString().replaceFirst("\\]: .*", "]")).toList());
    assertEquals(before, GoldenTest.tree(folder), "the earlier output, file by file");
    try (Stream<Path> siblings = Files.list(folder.getParent())) {
      assertEquals(List.of(".lock", folder.getFileName().toString(), "versions.json"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aDatasetNameThatLeadsOutOfTheOutputFolderIsRefused() throws Exception {
    Dataset good = SeedsCompiler.compile(Path.of("seeds")).dataset().orElseThrow();
    var info = new dev.sourcebook.model.DatasetInfo("../escaped", "t", "1.0.0", "CC0-1.0", null);
    Dataset bad = new Dataset(info, good.articles(), good.actors(), good.incidents(), good.statements(), good.outcomes());
    DatasetWriter.Result r = DatasetWriter.write(temp.resolve("out"), bad);
    assertTrue(r.folder().isEmpty());
    assertEquals(List.of("E-ID-FORMAT"), r.diagnostics().stream().map(d -> d.code()).toList());
    assertTrue(Files.notExists(temp.resolve("escaped")) && Files.notExists(temp.resolve("out")));
  }
}
