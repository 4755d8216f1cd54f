package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.GoldenTest.Run;
import dev.sourcebook.cli.Main;
import dev.sourcebook.json.Versions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @Test
  void noCommandIsAUsageError() {
    Run r = GoldenTest.run();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("name a command"), r.err());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    Run r = GoldenTest.run("build", "--bogus");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
  }

  @Test
  void validatingAFolderThatIsNeitherIsAUsageError() {
    Run r = GoldenTest.run("validate", "src");
    assertEquals(2, r.exit());
    assertEquals("sourcebook validate: src is neither a seeds folder (no INDEX.tsv), a built dataset (no manifest.json) nor the versions of one (no versions.json)\n", r.err());
  }

  @Test
  void helpExplainsTheCommandsAndExitCodes() {
    Run r = GoldenTest.run("--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("build") && r.out().contains("validate") && r.out().contains("Exit codes"), r.out());
  }

  @Test
  void versionNamesTheSchemaVersion() {
    Run r = GoldenTest.run("--version");
    assertEquals(0, r.exit());
    assertEquals("sourcebook " + Versions.COMPILER + " (schema version " + Versions.SCHEMA + ")\n", r.out());
  }

  @Test
  void anOutputThatCannotBeWrittenSaysSoWithExit3(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    java.nio.file.Path file = temp.resolve("a-file");
    java.nio.file.Files.writeString(file, "not a folder");
    Run r = GoldenTest.run("build", "--seeds", "seeds", "--out", file.toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("sourcebook build: cannot write the dataset under " + file), r.err());
    assertTrue(r.err().contains("; move the file away or choose another folder;"), "says what to do: " + r.err());
    assertTrue(!r.err().contains("Exception") && r.err().lines().count() == 1, "one line, no Java class names: " + r.err());
  }

  @Test
  void timingsNameEveryStageOnStderrAndLeaveStdoutAlone() {
    Run r = GoldenTest.run("validate", "src/test/resources/golden/ok-minimal/input", "--timings");
    assertEquals(0, r.exit());
    for (String stage : List.of("reading seeds", "binding annotations", "checking the rules")) {
      assertTrue(r.err().contains(" s  " + stage), r.err());
    }
    assertEquals(GoldenTest.read(java.nio.file.Path.of("src/test/resources/golden/ok-minimal/expected.stdout")), r.out());
  }

  @Test
  void timingsNameEveryStageOfValidatingABuiltDataset(@TempDir Path temp) {
    assertEquals(0, GoldenTest.run("build", "--seeds", "src/test/resources/golden/ok-minimal/input", "--out", temp.toString()).exit());
    Path built;
    try (var found = Files.find(temp, 3, (p, a) -> p.endsWith("manifest.json"))) {
      built = found.findFirst().orElseThrow().getParent();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Run r = GoldenTest.run("validate", built.toString(), "--timings");
    assertEquals(0, r.exit(), r.err());
    for (String stage : List.of("checking checksums", "reading the records", "checking the rules", "checking the CSV tables")) {
      assertTrue(r.err().contains(" s  " + stage), r.err());
    }
    assertTrue(r.out().startsWith(built + ": valid, "), r.out());
  }

  @Test
  void extractWritesADraftThatNamesKnownSpeakers() {
    Run r =
        GoldenTest.run(
            "extract", "src/test/resources/golden/ok-minimal/input/sources/a.txt",
            "--seeds", "src/test/resources/golden/ok-minimal/input", "--article", "test-article");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("article: test-article\n"), r.out());
    assertTrue(r.out().contains("speaker: jane-example"), r.out());
    assertTrue(r.out().contains("quote: \"He wanted my children taken away,\""), r.out());
  }

  /**
   * The README's way: the draft written into the seeds themselves (its file, empty while the
   * seeds are read, is left out), the article's id taken from the INDEX, and validate refusing the
   * draft until its 'draft' line is deleted. A released version's seeds may be drafted into.
   */
  @Test
  void extractIntoTheSeedsTakesTheIndexIdAndValidateRefusesTheDraftUntilReviewed(@TempDir Path temp) throws IOException {
    Path seeds = temp.resolve("seeds");
    TestFiles.copyTree(Path.of("src/test/resources/golden/ok-minimal/input"), seeds);
    Path draft = seeds.resolve("annotations/new.yaml");
    Files.writeString(draft, ""); // as a shell's > makes it before the command runs
    Run r = GoldenTest.run("extract", seeds.resolve("sources/a.txt").toString(), "--seeds", seeds.toString(), "--out", draft.toString());
    assertEquals(0, r.exit(), r.err());
    String yaml = Files.readString(draft);
    assertTrue(yaml.contains("\ndraft: unreviewed") && yaml.contains("\narticle: test-article\n"), yaml);

    Run refused = GoldenTest.run("validate", seeds.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("new.yaml:") && refused.err().contains("error[E-DRAFT]: this file is a draft"), refused.err());
  }

  @Test
  void watchValidatesAgainAfterEveryChangeUntilInterrupted(@TempDir Path temp) throws Exception {
    Path seeds = temp.resolve("seeds");
    TestFiles.copyTree(Path.of("src/test/resources/golden/ok-minimal/input"), seeds);
    Path annotations = seeds.resolve("annotations/records.yaml");
    String original = Files.readString(annotations);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = {-1};
    Thread watching =
        new Thread(
            () ->
                exit[0] =
                    Main.run(
                        new String[] {"validate", seeds.toString(), "--watch"},
                        new PrintWriter(out, true),
                        new PrintWriter(err, true)));
    watching.start();
    try {
      awaitCount(err, "watching " + seeds + " for changes", 1);
      Files.writeString(annotations, original.replace("Her son Tommy, four", "Her son Tommy, five"));
      awaitCount(err, "error[E-QUOTE-NOT-FOUND]", 1);
      assertTrue(err.toString().contains(annotations + " changed: validating again"), err.toString());
      Files.writeString(annotations, original);
      awaitCount(out, ": valid, ", 2);
    } finally {
      watching.interrupt();
      watching.join(10_000);
    }
    assertTrue(!watching.isAlive() && exit[0] == 0, "an interrupt ends the watch with exit 0");
  }

  @Test
  void watchNeedsASeedsFolder() {
    Run r = GoldenTest.run("validate", "src", "--watch");
    assertEquals(2, r.exit());
    assertEquals("sourcebook validate: --watch needs a seeds folder, and src has no INDEX.tsv\n", r.err());
  }

  /** Waits (30 s at most) until {@code text} occurs {@code n} times in what has been written. */
  private static void awaitCount(StringWriter w, String text, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (w.toString().split(Pattern.quote(text), -1).length - 1 < n) {
      if (System.nanoTime() > deadline) throw new AssertionError("waited 30 s for " + n + " x '" + text + "' in:\n" + w);
      Thread.sleep(20);
    }
  }

  /** Two builds into one folder take turns: the second says it waits, waits, then builds. */
  @Test
  void aSecondBuildWaitsForTheFirstAndSaysSo(@TempDir Path temp) throws Exception {
    Path out = temp.resolve("out");
    Files.createDirectories(out.resolve("test-dataset"));
    try (var channel = java.nio.channels.FileChannel.open(
            out.resolve("test-dataset/.lock"), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        var held = channel.lock()) {
      Process other =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp", System.getProperty("java.class.path"), "dev.sourcebook.cli.Main",
                  "build", "--seeds", "src/test/resources/golden/ok-minimal/input", "--out", out.toString())
              .redirectErrorStream(true)
              .start();
      var reader = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String first = reader.readLine(); // blocks until the other build says something
      assertTrue(first != null && first.startsWith("sourcebook: waiting for another build of test-dataset"), first);
      assertTrue(other.isAlive(), "it waits while the lock is held");
      assertTrue(Files.notExists(out.resolve("test-dataset/1.0.0")), "and has written nothing");
      held.release();
      assertTrue(other.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
      assertEquals(0, other.exitValue());
      assertTrue(reader.readLine().startsWith("built "));
    }
  }

  /** A seeds folder named "." holds its files like any other (they were once "outside" it). */
  @Test
  void validateDotInsideTheSeedsFolder() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.sourcebook.cli.Main", "validate", ".")
            .directory(Path.of("src/test/resources/golden/ok-minimal/input").toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.startsWith(".: valid, 1 article"), output);
  }
}
