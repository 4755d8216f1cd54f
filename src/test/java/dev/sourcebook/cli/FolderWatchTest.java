package dev.sourcebook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatchTest {
  @Test
  void editorsScratchFilesDoNotCountAndTheFileSavedDoes(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("records.yaml"), "a: 1\n");
    try (FolderWatch watch = new FolderWatch(dir)) {
      Files.writeString(dir.resolve(".records.yaml.swp"), "vim");
      Files.writeString(dir.resolve("records.yaml~"), "backup");
      Files.writeString(dir.resolve("#records.yaml#"), "emacs");
      Files.writeString(dir.resolve("records.yaml"), "a: 2\n");
      assertEquals(Set.of(dir.resolve("records.yaml")), watch.awaitChange());
    }
  }

  @Test
  void aFolderMadeLaterIsWatchedToo(@TempDir Path dir) throws Exception {
    try (FolderWatch watch = new FolderWatch(dir)) {
      Files.createDirectories(dir.resolve("annotations/new"));
      assertTrue(watch.awaitChange().contains(dir.resolve("annotations")));
      Files.writeString(dir.resolve("annotations/new/b.yaml"), "b: 1\n");
      assertTrue(watch.awaitChange().contains(dir.resolve("annotations/new/b.yaml")));
    }
  }

  @Test
  void scratchFilesAreTheEditorsNotTheCurators() {
    for (String name : new String[] {".records.yaml.swp", ".INDEX.tsv.swo", "records.yaml~", "4913", ".#records.yaml", "#records.yaml#"}) {
      assertTrue(FolderWatch.isEditorScratch(name), name);
    }
    for (String name : new String[] {"records.yaml", "INDEX.tsv", "a.txt", "#", "swp", ".hidden.yaml"}) {
      assertFalse(FolderWatch.isEditorScratch(name), name);
    }
  }
}
