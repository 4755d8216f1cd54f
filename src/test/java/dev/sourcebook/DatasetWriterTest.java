package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.DatasetInfo;
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

  private static Map<String, byte[]> read(Path folder) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void streamedFilesAreTheFilesMadeInMemory() throws Exception {
    Dataset d = Compiler.compile(Path.of("seeds")).dataset().orElseThrow();
    Path folder = DatasetWriter.write(temp, d);
    Map<String, byte[]> expected = DatasetWriter.files(d);
    Map<String, byte[]> written = read(folder);
    assertEquals(expected.keySet(), written.keySet());
    expected.forEach((name, bytes) -> assertArrayEquals(bytes, written.get(name), name));
  }

  @Test
  void aFailedWriteLeavesTheEarlierOutputAndNoStaging() throws Exception {
    Dataset good = Compiler.compile(Path.of("seeds")).dataset().orElseThrow();
    Path folder = DatasetWriter.write(temp, good);
    Map<String, byte[]> before = read(folder);

    // Same name and version, but an actor its schema refuses: the write fails half way.
    Actor bare = new Actor("someone", ActorKind.PERSON, "Someone", List.of(), "a person", false, List.of(), List.of());
    DatasetInfo info = good.info();
    Dataset bad = new Dataset(info, good.articles(), List.of(bare), List.of(), List.of(), List.of());
    assertThrows(DatasetFiles.SchemaViolation.class, () -> DatasetWriter.write(temp, bad));

    Map<String, byte[]> after = read(folder);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
    try (Stream<Path> siblings = Files.list(folder.getParent())) {
      assertEquals(List.of(folder.getFileName().toString()), siblings.map(p -> p.getFileName().toString()).toList());
    }
  }
}
