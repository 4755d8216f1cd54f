package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.GoldenTest.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertEquals("sourcebook validate: src is neither a seeds folder (no INDEX.tsv) nor a built dataset (no manifest.json)\n", r.err());
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
    assertEquals("sourcebook " + Versions.COMPILER + " (schema version 1)\n", r.out());
  }

  @Test
  void anOutputThatCannotBeWrittenSaysSoWithExit3(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
    java.nio.file.Path file = temp.resolve("a-file");
    java.nio.file.Files.writeString(file, "not a folder");
    Run r = GoldenTest.run("build", "--seeds", "seeds", "--out", file.toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().startsWith("sourcebook build: cannot write the dataset under " + file), r.err());
  }

  @Test
  void timingsNameEveryStageOnStderrAndLeaveStdoutAlone() {
    Run r = GoldenTest.run("validate", "src/test/resources/golden/ok-minimal/input", "--timings");
    assertEquals(0, r.exit());
    for (String stage : List.of("reading seeds", "binding annotations", "checking constraints", "checking ids")) {
      assertTrue(r.err().contains(" s  " + stage), r.err());
    }
    assertEquals(GoldenTest.read(java.nio.file.Path.of("src/test/resources/golden/ok-minimal/expected.stdout")), r.out());
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
}
