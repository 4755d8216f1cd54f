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

  @Test
  void aLineEndIsNotPartOfTheLineItEnds() throws IOException {
    for (String end : List.of("\n", "\r\n")) {
      Path seeds = seeds();
      String longest = "# " + "x".repeat(Limits.LINE_CHARS - 2);
      Files.writeString(seeds.resolve("annotations/long.yaml"), longest + end + "article: test-article" + end);
      assertEquals(List.of(), codes(seeds), "a line of the limit's length, ending in " + end.replace("\r", "CR").replace("\n", "LF"));
      Files.writeString(seeds.resolve("annotations/long.yaml"), longest + "x" + end);
      assertEquals(List.of("E-LINE-TOO-LONG"), codes(seeds), "one char longer");
      TestFiles.deleteTree(seeds);
    }
    // A lone CR ends a line too: what follows it is measured as a line of its own.
    Path seeds = seeds();
    Files.writeString(seeds.resolve("annotations/long.yaml"), "# " + "x".repeat(10) + "\r# " + "y".repeat(Limits.LINE_CHARS));
    assertEquals(List.of("E-LINE-TOO-LONG"), codes(seeds), "a long line after a CR");
  }

  /** A FIFO cannot be committed to a golden folder: made here, where mkfifo is there. */
  @Test
  void aFifoInTheSeedsIsRefusedNotWaitedOn() throws Exception {
    Path seeds = seeds();
    Files.delete(seeds.resolve("sources/a.txt"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        mkfifo(seeds.resolve("sources/a.txt")) && mkfifo(seeds.resolve("annotations/pipe.yaml")),
        "skipped: mkfifo is not available here to make a FIFO");
    assertEquals(List.of("E-NOT-A-FILE"), codes(seeds));
  }

  @Test
  void aFifoInABuiltDatasetIsRefusedNotWaitedOn() throws Exception {
    Path out = temp.resolve("out");
    assertEquals(0, GoldenTest.run("build", "--seeds", seeds().toString(), "--out", out.toString()).exit());
    Path built = out.resolve("test-dataset/1.0.0");
    Files.delete(built.resolve("actors.csv"));
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(built.resolve("actors.csv")), "skipped: mkfifo is not available");
    List<String> codes = DatasetReader.read(built).diagnostics().stream().map(Diagnostic::code).distinct().toList();
    assertEquals(List.of("E-NOT-A-FILE"), codes);
  }

  /**
   * The manifest lists every file, pages included (about 100 bytes each): at 50,000 articles it
   * is 10 MB, over the 8 MiB the reader took before. What the compiler writes, the reader reads.
   */
  @Test
  void aManifestAsLargeAsTheCompilerWritesIsReadAndOneOverTheLimitIsNot() throws Exception {
    Path out = temp.resolve("out");
    assertEquals(0, GoldenTest.run("build", "--seeds", seeds().toString(), "--out", out.toString()).exit());
    Path manifest = temp.resolve("out/test-dataset/1.0.0/manifest.json");
    byte[] written = Files.readAllBytes(manifest);
    for (long size : new long[] {10_500_000L, Limits.LISTING_BYTES + 1}) {
      // The same manifest, padded with spaces after its value (its digest is then wrong, said otherwise).
      Files.write(manifest, written);
      try (var padded = Files.newOutputStream(manifest, java.nio.file.StandardOpenOption.APPEND)) {
        byte[] spaces = new byte[1 << 20];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (long left = size - written.length; left > 0; left -= spaces.length) padded.write(spaces, 0, (int) Math.min(left, spaces.length));
      }
      List<String> codes = DatasetReader.read(manifest.getParent()).diagnostics().stream().map(Diagnostic::code).distinct().toList();
      assertEquals(size > Limits.LISTING_BYTES, codes.contains("E-FILE-TOO-LARGE"), size + " bytes: " + codes);
    }
  }

  /**
   * A seeds folder named through a link and ".." ({@code link/../seeds}): the name, normalised,
   * is not where the files are opened, so links are judged by real paths. dataset.yaml there
   * leads out.
   */
  @Test
  void aLinkOutIsFoundWhenTheSeedsFolderIsNamedThroughALinkAndParentStep() throws IOException {
    Path seeds = seeds();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.move(seeds.resolve("dataset.yaml"), outside.resolve("dataset.yaml"));
    Files.createSymbolicLink(seeds.resolve("dataset.yaml"), outside.resolve("dataset.yaml"));
    // elsewhere/link -> seeds' parent's sibling "deep/inner"; link/.. is then "deep", whose "seeds" is the real one.
    Path deep = Files.createDirectories(temp.resolve("deep/inner"));
    Files.move(seeds, temp.resolve("deep/seeds"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), deep);
    Path named = link.resolve("../seeds");
    assertEquals(true, Files.isRegularFile(named.resolve("INDEX.tsv")), "the files are there through the link");
    List<String> codes = SeedsCompiler.compile(named).diagnostics().stream().map(Diagnostic::code).distinct().toList();
    assertEquals(true, codes.contains("E-PATH-OUTSIDE-SEEDS"), codes.toString());
  }

  private static boolean mkfifo(Path p) throws InterruptedException {
    try {
      return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
