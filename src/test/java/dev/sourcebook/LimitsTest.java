package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.source.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits too large for a golden folder: the inputs are made here. */
class LimitsTest {
  @TempDir Path temp;

  private Path seeds() throws IOException {
    Path from = Path.of("src/test/resources/golden/ok-minimal/input");
    Path to = temp.resolve("seeds");
    TestFiles.copyTree(from, to);
    return to;
  }

  private static List<String> codes(Path seeds) {
    return SeedsCompiler.compile(seeds).diagnostics().stream().map(Diagnostic::code).distinct().toList();
  }

  @Test
  void aSourceTextOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    Path seeds = seeds();
    byte[] big = new byte[(int) Limits.SOURCE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    Files.write(seeds.resolve("sources/a.txt"), big);
    assertEquals(List.of("E-FILE-TOO-LARGE"), codes(seeds));
  }

  @Test
  void tooManyRecordsInOneFileAreRefused() throws IOException {
    Path seeds = seeds();
    StringBuilder yaml = new StringBuilder("article: test-article\nstatements:\n");
    for (int i = 0; i <= Limits.RECORDS_PER_FILE; i++) yaml.append("  - {}\n");
    Files.writeString(seeds.resolve("annotations/many.yaml"), yaml);
    assertEquals(List.of("E-TOO-MANY-RECORDS"), codes(seeds));
  }
}
