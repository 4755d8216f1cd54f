package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncedFolderTest {
  @TempDir Path temp;

  /**
   * How many files under {@code folder} this process has open (Linux; elsewhere 0): a file whose
   * flush was handed over stays open until the flush is done.
   */
  private static long openUnder(Path folder) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) return 0;
    try (Stream<Path> open = Files.list(fds)) {
      return open.filter(fd -> {
            try {
              return Files.readSymbolicLink(fd).startsWith(folder.toRealPath());
            } catch (IOException e) {
              return false; // closed while listed
            }
          })
          .count();
    }
  }

  @Test
  void everyFileIsWrittenWholeAndClosedByTheTimeTheFolderIs() throws Exception {
    // More files than may wait for their flush at once, from several threads, in sub-folders.
    int files = 600;
    try (SyncedFolder folder = new SyncedFolder(temp)) {
      IntStream.range(0, files)
          .parallel()
          .forEach(
              i -> {
                try (OutputStream out = folder.create("d" + (i % 7) + "/f" + i + ".txt")) {
                  out.write(("file " + i + "\n").repeat(i % 50 + 1).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      folder.awaitSynced();
    }
    for (int i = 0; i < files; i++) {
      assertArrayEquals(
          ("file " + i + "\n").repeat(i % 50 + 1).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(temp.resolve("d" + (i % 7) + "/f" + i + ".txt")));
    }
    assertEquals(0, openUnder(temp), "every file closed once the folder is");
  }

  @Test
  void aFileIsNeverWrittenOverAndNothingStaysOpen() throws Exception {
    Files.writeString(temp.resolve("there.txt"), "earlier");
    try (SyncedFolder folder = new SyncedFolder(temp)) {
      assertThrows(FileAlreadyExistsException.class, () -> folder.create("there.txt"));
      try (OutputStream out = folder.create("new.txt")) {
        out.write(1);
        out.close(); // twice: the second does nothing
      }
      folder.awaitSynced();
    }
    assertEquals("earlier", Files.readString(temp.resolve("there.txt")));
    assertEquals(1, Files.size(temp.resolve("new.txt")));
  }
}
