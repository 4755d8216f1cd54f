package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests: each folder under {@code src/test/resources/golden/} is a seeds folder ({@code
 * input/}) with what the compiler must answer: {@code expected.exit}, {@code expected.stderr},
 * {@code expected.stdout} of {@code validate}, and for a valid case the dataset in {@code
 * expected/}. Every case is built twice into an output folder that already holds an earlier
 * dataset: a failing build must leave it byte for byte, a passing one must give the same bytes
 * both times.
 *
 * <p>Run with {@code -Dsourcebook.regenerate=true} to rewrite the expected files from what the
 * compiler now says (then read the diff before committing it).
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  static final boolean REGENERATE = "true".equals(System.getProperty("sourcebook.regenerate"));

  @TempDir Path temp;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(exit, out.toString(), err.toString());
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    try (Stream<Path> cases = Files.list(ROOT)) {
      return cases.filter(Files::isDirectory).sorted().toList().stream()
          .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }
  }

  private void check(Path dir) throws IOException {
    String input = dir.resolve("input").toString();
    Run validate = run("validate", input);

    Path out = temp.resolve(dir.getFileName().toString());
    Path earlier = out.resolve("test-dataset/1.0.0");
    Files.createDirectories(earlier);
    Files.writeString(earlier.resolve("articles.json"), "[ \"an earlier build\" ]\n");
    Map<String, String> before = tree(earlier);

    Run build = run("build", "--seeds", input, "--out", out.toString());

    if (REGENERATE) {
      Files.writeString(dir.resolve("expected.exit"), validate.exit() + "\n");
      Files.writeString(dir.resolve("expected.stderr"), validate.err());
      Files.writeString(dir.resolve("expected.stdout"), validate.out());
      if (build.exit() == 0) TestFiles.copyTree(earlier, dir.resolve("expected"));
    }

    assertEquals(read(dir.resolve("expected.exit")).strip(), String.valueOf(validate.exit()), "exit code of validate");
    assertEquals(read(dir.resolve("expected.stderr")), validate.err(), "stderr of validate");
    assertEquals(read(dir.resolve("expected.stdout")), validate.out(), "stdout of validate");
    assertEquals(validate.exit(), build.exit(), "build and validate agree on the exit code");

    if (build.exit() == 0) {
      assertEquals(tree(dir.resolve("expected")), tree(earlier), "the built dataset");
      Path again = temp.resolve("again");
      assertEquals(0, run("build", "--seeds", input, "--out", again.toString()).exit());
      assertEquals(tree(earlier), tree(again.resolve("test-dataset/1.0.0")), "a second build gives the same bytes");
    } else {
      assertEquals(validate.err() + "nothing written\n", build.err(), "build reports what validate reports");
      assertEquals(before, tree(earlier), "a failed build leaves the earlier output as it was");
      assertTrue(validate.err().contains("error["), "a failing case reports an error");
    }
  }

  /** Every file under {@code dir} by relative path, with its content. */
  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) return files;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> files.put(dir.relativize(p).toString(), read(p)));
    }
    return files;
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
