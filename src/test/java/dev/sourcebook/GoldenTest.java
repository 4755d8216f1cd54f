package dev.sourcebook;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourcebook.check.Sha256;
import dev.sourcebook.cli.Main;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.emit.Sqlite;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.DatasetRecord;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests: each folder under {@code src/test/resources/golden/} is a case, a seeds folder
 * with what the compiler must answer: {@code expected.exit}, {@code expected.stderr}, {@code
 * expected.stdout} of {@code validate}, and for a valid case the dataset in {@code expected/}.
 * Every case is built twice into an output folder that already holds an earlier dataset: a failing
 * build must leave it byte for byte, a passing one must give the same bytes both times and reads
 * back through {@code validate} with no diagnostics.
 *
 * <p>The cases share one valid seeds folder, the base, {@code ok-minimal/input}. A case holds
 * only how its seeds differ from the base: {@code input/} has the files it adds or replaces, at
 * the same relative paths (a link stays a link), and {@code input.removed} lists, one relative
 * path a line, what it takes away from the base (a folder takes all under it). Before the tests
 * run, every case is put together (base, less what is removed, then {@code input/} over it) under
 * {@code target/golden/<case>/input}, the relative path the expected files print; a relative link
 * resolves there as it does in the source tree. The base case itself runs in place, from {@code
 * src/test/resources/golden/ok-minimal/input}. {@code scripts/golden-case.py} turns a complete
 * seeds folder into a case.
 *
 * <p>Run with {@code -Dsourcebook.regenerate=true} to rewrite the expected files from what the
 * compiler now says (then read the diff before committing it).
 */
class GoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden");
  /** The seeds folder every case starts from. */
  static final Path BASE = ROOT.resolve("ok-minimal/input");
  /** Where the cases' seeds folders are put together, relative like {@link #ROOT}. */
  static final Path MERGED = Path.of("target/golden");
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
    List<Path> cases;
    try (Stream<Path> list = Files.list(ROOT)) {
      cases = list.filter(Files::isDirectory).sorted().toList();
    }
    // All at once, before any case runs: a case's link may lead into another case's folder.
    TestFiles.deleteTree(MERGED);
    for (Path c : cases) merge(c, MERGED.resolve(c.getFileName().toString()).resolve("input"));
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  /**
   * Writes the seeds folder of {@code caseDir} to {@code to}: the base less what {@code
   * input.removed} lists, then the case's {@code input/} over it. Links are copied as links.
   */
  static void merge(Path caseDir, Path to) throws IOException {
    Set<String> removed = new TreeSet<>();
    Path listing = caseDir.resolve("input.removed");
    if (Files.exists(listing)) {
      for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
        if (line.isBlank()) continue;
        Path rel = Path.of(line.strip()).normalize();
        if (rel.isAbsolute() || rel.startsWith("..") || !Files.exists(BASE.resolve(rel), NOFOLLOW_LINKS)) {
          throw new IllegalArgumentException(listing + ": '" + line + "' is not a path in " + BASE);
        }
        removed.add(rel.toString());
      }
    }
    Files.createDirectories(to);
    copyOver(BASE, to, rel -> removed.stream().anyMatch(r -> rel.startsWith(Path.of(r))));
    Path overlay = caseDir.resolve("input");
    if (Files.isDirectory(overlay) && !overlay.equals(BASE)) copyOver(overlay, to, rel -> false);
  }

  /** Copies the files and links under {@code from} to {@code to}, replacing what is there. */
  private static void copyOver(Path from, Path to, Predicate<Path> skip) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path rel = from.relativize(p);
        if (rel.toString().isEmpty() || skip.test(rel)) continue;
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(p, NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          if (Files.isDirectory(target, NOFOLLOW_LINKS)) TestFiles.deleteTree(target);
          Files.copy(p, target, NOFOLLOW_LINKS, REPLACE_EXISTING);
        }
      }
    }
  }

  private void check(Path dir) throws IOException {
    if (Files.exists(dir.resolve("tamper.json"))) {
      checkTampered(dir);
      return;
    }
    // The base case runs where it is, the path CliTest and LimitsTest use too.
    Path seeds = dir.resolve("input").equals(BASE) ? BASE : MERGED.resolve(dir.getFileName().toString()).resolve("input");
    String input = seeds.toString();
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
      if (build.exit() == 0) {
        TestFiles.copyTree(earlier, dir.resolve("expected"));
        // The database is pinned by the SHA256SUMS beside it, and read by SqliteTest: not kept here.
        Files.deleteIfExists(dir.resolve("expected").resolve(Sqlite.FILE));
        if (!SITE_CASES.contains(dir.getFileName().toString())) TestFiles.deleteTree(dir.resolve("expected").resolve("site"));
      }
    }

    assertEquals(read(dir.resolve("expected.exit")).strip(), String.valueOf(validate.exit()), "exit code of validate");
    assertEquals(read(dir.resolve("expected.stderr")), validate.err(), "stderr of validate");
    assertEquals(read(dir.resolve("expected.stdout")), validate.out(), "stdout of validate");
    assertEquals(validate.exit(), build.exit(), "build and validate agree on the exit code");

    if (build.exit() == 0) {
      assertEquals(tree(dir.resolve("expected")), withoutSite(tree(earlier), dir.getFileName().toString()), "the built dataset");
      Path again = temp.resolve("again");
      assertEquals(0, run("build", "--seeds", input, "--out", again.toString()).exit());
      assertEquals(tree(earlier), tree(again.resolve("test-dataset/1.0.0")), "a second build gives the same bytes");
      Run readBack = run("validate", earlier.toString());
      // The advice runs on both paths: the same warnings (at the records' places in the JSON).
      assertEquals(codes(validate.err()), codes(readBack.err()), "the dataset reads back with the warnings of its seeds, and nothing else");
      assertEquals(0, readBack.exit(), "exit code of validate on the built dataset");
      assertEquals(
          validate.out().replace(input + ": ", earlier + ": "), readBack.out(),
          "the built dataset reads back valid, with the counts of its seeds");
    } else {
      assertEquals(validate.err() + "nothing written\n", build.err(), "build reports what validate reports");
      assertEquals(before, tree(earlier), "a failed build leaves the earlier output as it was");
      assertTrue(validate.err().contains("error["), "a failing case reports an error");
      assertTrue(Files.notExists(dir.resolve("expected")), "a failing case has no expected dataset (left from when it passed?)");
    }
  }

  /**
   * A tampered built dataset: the base compiled, its records edited as {@code tamper.json} says,
   * and every file written again from them, so that it is consistent (checksums, manifest, CSV) and
   * only the rule that the edit breaks can refuse it. {@code tamper.json} holds:
   * {@code records}: by JSON file, by record id, the fields to set ({@code "$copy": "id"} makes a
   * new record from a copy of another); {@code info}: fields of the dataset's name, version, ...;
   * {@code replace}: by file, [from, to] pairs of text replaced after writing; {@code files}: files
   * added after writing. The checksums and the manifest are then made to match again, unless
   * {@code "stale_sums": true}.
   */
  private void checkTampered(Path dir) throws IOException {
    JsonNode tamper = Json.MAPPER.readTree(dir.resolve("tamper.json").toFile());
    Dataset base = SeedsCompiler.compile(BASE).dataset().orElseThrow();
    Path folder = MERGED.resolve(dir.getFileName().toString()).resolve("dataset");
    TestFiles.deleteTree(folder);
    Files.createDirectories(folder);
    Dataset edited =
        new Dataset(
            edit(Json.MAPPER.valueToTree(base.info()), tamper.path("info"), DatasetInfo.class),
            edit(base.articles(), tamper.path("records").path("articles.json"), Article.class),
            edit(base.actors(), tamper.path("records").path("actors.json"), Actor.class),
            edit(base.incidents(), tamper.path("records").path("incidents.json"), Incident.class),
            edit(base.statements(), tamper.path("records").path("statements.json"), Statement.class),
            edit(base.outcomes(), tamper.path("records").path("outcomes.json"), Outcome.class));
    try {
      DatasetFiles.write(edited, new Schemas(), Versions.COMPILER, Versions.SCHEMA, Provenance.NONE, new dev.sourcebook.site.Site(), path -> {
        Files.createDirectories(folder.resolve(path).getParent());
        return Files.newOutputStream(folder.resolve(path));
      });
    } catch (DatasetFiles.SchemaViolation e) {
      // A record its schema refuses: the files are written, but not yet the manifest.
      Map<String, String> sums = new TreeMap<>();
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) sums.put(folder.relativize(p).toString(), Sha256.hex(p));
      }
      Files.write(folder.resolve("manifest.json"), DatasetFiles.manifest(edited, Versions.SCHEMA, Versions.COMPILER, null, sums));
    }
    tamper.path("replace").fields().forEachRemaining(e -> {
      Path f = folder.resolve(e.getKey());
      String text = read(f);
      assertTrue(text.contains(e.getValue().get(0).asText()), e.getKey() + " holds " + e.getValue().get(0));
      write(f, text.replace(e.getValue().get(0).asText(), e.getValue().get(1).asText()));
    });
    tamper.path("files").fields().forEachRemaining(e -> write(folder.resolve(e.getKey()), e.getValue().asText()));
    if (!tamper.path("stale_sums").asBoolean()) resum(folder);

    Run validate = run("validate", folder.toString());
    if (REGENERATE) {
      Files.writeString(dir.resolve("expected.exit"), validate.exit() + "\n");
      Files.writeString(dir.resolve("expected.stderr"), validate.err());
      Files.writeString(dir.resolve("expected.stdout"), validate.out());
    }
    assertEquals(read(dir.resolve("expected.exit")).strip(), String.valueOf(validate.exit()), "exit code of validate");
    assertEquals(read(dir.resolve("expected.stderr")), validate.err(), "stderr of validate");
    assertEquals(read(dir.resolve("expected.stdout")), validate.out(), "stdout of validate");
    assertTrue(validate.err().contains("error[") && !validate.err().contains("E-CSV-MISMATCH"), "refused by a rule, not by a CSV mismatch");
  }

  private static <T> T edit(JsonNode record, JsonNode changes, Class<T> type) throws IOException {
    ObjectNode copy = ((ObjectNode) record).deepCopy();
    changes.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getValue()));
    return Json.MAPPER.treeToValue(copy, type);
  }

  private static <T extends DatasetRecord> List<T> edit(List<T> records, JsonNode changes, Class<T> type) throws IOException {
    Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
    for (T r : records) byId.put(r.id(), Json.MAPPER.valueToTree(r));
    for (var it = changes.fields(); it.hasNext(); ) {
      var e = it.next();
      ObjectNode change = ((ObjectNode) e.getValue()).deepCopy();
      JsonNode from = change.has("$copy") ? byId.get(change.remove("$copy").asText()) : byId.get(e.getKey());
      assertTrue(from != null, "tamper.json names record " + e.getKey());
      ObjectNode node = ((ObjectNode) from).deepCopy();
      node.put("id", e.getKey());
      node.setAll(change);
      byId.put(e.getKey(), node);
    }
    List<T> out = new java.util.ArrayList<>();
    for (JsonNode n : byId.values()) out.add(Json.MAPPER.treeToValue(n, type));
    return out;
  }

  /** The manifest's file hashes and SHA256SUMS made to match the files as they now are. */
  static void resum(Path folder) throws IOException {
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(folder.resolve("manifest.json").toFile());
    ObjectNode files = (ObjectNode) manifest.get("files");
    for (var it = files.fieldNames(); it.hasNext(); ) {
      String rel = it.next();
      files.put(rel, Sha256.hex(folder.resolve(rel)));
    }
    Files.write(folder.resolve("manifest.json"), Json.bytes(manifest));
    StringBuilder sums = new StringBuilder();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = folder.relativize(p).toString();
        if (!rel.equals("SHA256SUMS")) sums.append(Sha256.hex(p)).append("  ").append(rel).append('\n');
      }
    }
    Files.writeString(folder.resolve("SHA256SUMS"), sums.toString(), StandardCharsets.UTF_8);
  }

  private static void write(Path p, String text) {
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code dir} by relative path, with its content. */
  /** Builds the golden case {@code name} into {@code temp} and gives the dataset's folder. */
  static Path build(String name, Path temp) throws IOException {
    Path seeds = temp.resolve("seeds");
    merge(ROOT.resolve(name), seeds);
    Run r = run("build", "--seeds", seeds.toString(), "--out", temp.resolve("dist").toString());
    assertEquals(0, r.exit(), r.err());
    return temp.resolve("dist/test-dataset/1.0.0");
  }

  /** The codes of the diagnostics a run printed, sorted: "warning[W-X]" for each. */
  static List<String> codes(String stderr) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(": ((error|warning)\\[[A-Z0-9-]+\\]):").matcher(stderr);
    while (m.find()) out.add(m.group(1));
    out.sort(null);
    return out;
  }

  /**
   * The cases whose expected folder keeps the report site's pages; in the others SHA256SUMS pins
   * them (a page that changes changes it), so that every case need not hold some forty pages.
   */
  static final Set<String> SITE_CASES = Set.of("ok-minimal", "ok-site-hostile-text");

  static Map<String, String> withoutSite(Map<String, String> tree, String caseName) {
    if (SITE_CASES.contains(caseName)) return tree;
    Map<String, String> out = new TreeMap<>(tree);
    out.keySet().removeIf(p -> p.startsWith("site/"));
    return out;
  }

  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) return files;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(Sqlite.FILE)) // binary: SHA256SUMS pins it
          .forEach(p -> files.put(dir.relativize(p).toString(), read(p)));
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
