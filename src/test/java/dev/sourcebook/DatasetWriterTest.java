package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorKind;
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
    Dataset d = Compiler.compile(Path.of("seeds")).dataset().orElseThrow();
    Path folder = DatasetWriter.write(temp, d);
    Map<String, String> expected = new TreeMap<>();
    DatasetWriter.files(d).forEach((name, bytes) -> expected.put(name, new String(bytes, StandardCharsets.UTF_8)));
    assertEquals(expected, GoldenTest.tree(folder));
  }

  @Test
  void aFailedWriteLeavesTheEarlierOutputAndNoStaging() throws Exception {
    Dataset good = Compiler.compile(Path.of("seeds")).dataset().orElseThrow();
    Path folder = DatasetWriter.write(temp, good);
    Map<String, String> before = GoldenTest.tree(folder);

    // Same name and version, but an actor its schema refuses: the write fails half way.
    Actor bare = new Actor("someone", ActorKind.PERSON, "Someone", List.of(), "a person", false, List.of(), List.of());
    Dataset bad = new Dataset(good.info(), good.articles(), List.of(bare), List.of(), List.of(), List.of());
    assertThrows(DatasetFiles.SchemaViolation.class, () -> DatasetWriter.write(temp, bad));

    assertEquals(before, GoldenTest.tree(folder), "the earlier output, file by file");
    try (Stream<Path> siblings = Files.list(folder.getParent())) {
      assertEquals(List.of(folder.getFileName().toString()), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }
}
