package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.diag.Progress;
import dev.sourcebook.model.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compilation that reuses what unchanged files gave ({@code validate --watch}) gives what a full
 * compilation of the same files gives: after every one of many random edits to the project's
 * seeds (lines of annotations deleted, doubled, changed or moved; source texts, the INDEX and
 * dataset.yaml changed; annotation files made and removed; files put back as they were), the
 * diagnostics and the dataset are the same, in the same order.
 */
class IncrementalCompilerTest {
  private static final Validators VALIDATORS = Validators.loadRules();

  @TempDir Path dir;

  /** The project's seeds without their release records: the byte check of a release is not what changes here. */
  private Path seeds() throws IOException {
    Path seeds = dir.resolve("seeds");
    TestFiles.copyTree(Path.of("seeds"), seeds);
    TestFiles.deleteTree(seeds.resolve("releases"));
    return seeds;
  }

  @Test
  void randomEditsGiveWhatAFullCompilationGives() throws IOException {
    Path seeds = seeds();
    Map<Path, byte[]> original = new HashMap<>();
    try (Stream<Path> walk = Files.walk(seeds)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) original.put(p, Files.readAllBytes(p));
    }
    IncrementalCompiler incremental = new IncrementalCompiler(seeds, VALIDATORS);
    assertSame(SeedsCompiler.compile(seeds, VALIDATORS, Progress.NONE), incremental.compile(Progress.NONE), "the first run");

    Random random = new Random(20261122);
    int reusedFiles = 0;
    int reusedRecords = 0;
    int withErrors = 0;
    int steps = 300;
    for (int step = 0; step < steps; step++) {
      Edit edit = edit(random, seeds, original);
      DatasetResult full = SeedsCompiler.compile(seeds, VALIDATORS, Progress.NONE);
      DatasetResult again = incremental.compile(edit.changed(), Progress.NONE);
      assertSame(full, again, "step " + step + ": " + edit.what());
      reusedFiles += incremental.reusedFiles();
      reusedRecords += incremental.reusedRecords();
      if (!full.ok()) withErrors++;
    }
    // The edits reach both valid and broken seeds, and the runs did reuse what they could.
    assertTrue(withErrors > steps / 4 && withErrors < steps * 9 / 10, withErrors + " of " + steps + " steps with errors");
    System.out.printf("%d steps, %d with errors; reused %d files, %d records%n", steps, withErrors, reusedFiles, reusedRecords);
    assertTrue(reusedFiles > steps * 3, "annotation files reused: " + reusedFiles);
    assertTrue(reusedRecords > steps * 50, "records reused: " + reusedRecords);
  }

  @Test
  void aSaveOfOneAnnotationFileBindsThatFileAgainOnly() throws IOException {
    Path seeds = seeds();
    IncrementalCompiler incremental = new IncrementalCompiler(seeds, VALIDATORS);
    DatasetResult first = incremental.compile(Progress.NONE);
    Path file = seeds.resolve("annotations/articles/bbc-2023-05-01-creasy-troll.yaml");
    String yaml = Files.readString(file);
    Files.writeString(file, yaml.replaceFirst("(?m)^(\\s*kind: )\\S+", "$1threat"));
    DatasetResult again = incremental.compile(Set.of(file), Progress.NONE);

    assertSame(SeedsCompiler.compile(seeds, VALIDATORS, Progress.NONE), again, "after the save");
    // Every other file but one that redacts (what it hides depends on the files before it).
    long others;
    try (Stream<Path> walk = Files.walk(seeds.resolve("annotations"))) {
      others = walk.filter(p -> p.toString().endsWith(".yaml") && !p.equals(file)).filter(p -> !read(p).contains("redactions:")).count();
    }
    assertEquals(others, incremental.reusedFiles());
    int records = first.dataset().orElseThrow().statements().size();
    assertTrue(incremental.reusedRecords() > records / 2, incremental.reusedRecords() + " records reused");
  }

  /**
   * Only the first 20 quotes not found are given the closest passage: when a file before another
   * finds more or fewer, the later file's messages change though the file did not.
   */
  @Test
  void closestPassagesFollowTheFilesBefore() throws IOException {
    Path seeds = seeds();
    Path bbc = seeds.resolve("annotations/articles/bbc-2023-05-01-creasy-troll.yaml");
    Path indy = seeds.resolve("annotations/articles/indy100-2023-04-creasy-referral.yaml");
    Path london = seeds.resolve("annotations/articles/london-2024-creasy-council-misogyny.yaml");
    String bbcText = Files.readString(bbc);
    for (Path p : List.of(bbc, indy, london)) Files.writeString(p, unfindable(Files.readString(p), Integer.MAX_VALUE));
    IncrementalCompiler incremental = new IncrementalCompiler(seeds, VALIDATORS);
    DatasetResult first = incremental.compile(Progress.NONE);
    long notFound = first.diagnostics().stream().filter(d -> d.code().equals("E-QUOTE-NOT-FOUND")).count();
    assertTrue(notFound > 25, notFound + " quotes not found: more than the bound of 20 that are given the closest passage");

    Files.writeString(bbc, unfindable(bbcText, 9)); // 9 not found there instead of 14
    DatasetResult again = incremental.compile(Set.of(bbc), Progress.NONE);
    assertSame(SeedsCompiler.compile(seeds, VALIDATORS, Progress.NONE), again, "after the earlier file found more");
  }

  /** The text with the first {@code n} plain one-line quotes made words no article has. */
  private static String unfindable(String yaml, int n) {
    StringBuilder out = new StringBuilder();
    int changed = 0;
    for (String line : yaml.split("\n", -1)) {
      if (changed < n && line.matches("\\s+quote: [^>|\"' ].*")) {
        line = line + " xyzzy";
        changed++;
      }
      out.append(line).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** The same diagnostics in the same order, and the same records (a Dataset has no equals of its own). */
  private static void assertSame(DatasetResult expected, DatasetResult actual, String when) {
    assertEquals(expected.diagnostics(), actual.diagnostics(), when);
    assertEquals(expected.dataset().map(IncrementalCompilerTest::records), actual.dataset().map(IncrementalCompilerTest::records), when);
  }

  private static List<Object> records(Dataset d) {
    return List.of(d.info(), d.articles(), d.actors(), d.incidents(), d.statements(), d.outcomes());
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private record Edit(String what, Set<Path> changed) {}

  private static Edit edit(Random random, Path seeds, Map<Path, byte[]> original) throws IOException {
    List<Path> annotations;
    try (Stream<Path> walk = Files.walk(seeds.resolve("annotations"))) {
      annotations = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<Path> texts;
    try (Stream<Path> walk = Files.walk(seeds.resolve("sources"))) {
      texts = walk.filter(Files::isRegularFile).sorted().toList();
    }
    int kind = random.nextInt(100);
    if (kind < 36 && !annotations.isEmpty()) {
      Path file = annotations.get(random.nextInt(annotations.size()));
      return new Edit(changeLine(random, file, annotations) + " in " + file.getFileName(), Set.of(file));
    }
    if (kind < 43) {
      Path file = texts.get(random.nextInt(texts.size()));
      return new Edit(changeLine(random, file, texts) + " in text " + file.getFileName(), Set.of(file));
    }
    if (kind < 50) {
      Path index = seeds.resolve("INDEX.tsv");
      return new Edit(changeLine(random, index, List.of(index)) + " in the INDEX", Set.of(index));
    }
    if (kind < 53) {
      Path info = seeds.resolve("dataset.yaml");
      return new Edit(changeLine(random, info, List.of(info)) + " in dataset.yaml", Set.of(info));
    }
    if (kind < 60) {
      // A new file with some lines of another: new records, or ids that clash.
      Path from = new ArrayList<>(original.keySet()).stream().filter(p -> p.toString().endsWith(".yaml")).sorted().toList()
          .get(random.nextInt(4));
      Path made = seeds.resolve("annotations/new-" + random.nextInt(5) + ".yaml");
      List<String> lines = new String(original.get(from), StandardCharsets.UTF_8).lines().toList();
      int cut = random.nextInt(lines.size() + 1);
      Files.write(made, (random.nextBoolean() ? lines.subList(0, cut) : lines.subList(cut, lines.size())));
      return new Edit("wrote " + made.getFileName() + " from " + from.getFileName(), Set.of(made));
    }
    if (kind < 64 && !annotations.isEmpty()) {
      Path gone = annotations.get(random.nextInt(annotations.size()));
      Files.delete(gone);
      return new Edit("removed " + gone.getFileName(), Set.of(gone));
    }
    if (kind < 67 && !texts.isEmpty()) {
      Path gone = texts.get(random.nextInt(texts.size()));
      Files.delete(gone);
      return new Edit("removed text " + gone.getFileName(), Set.of(gone));
    }
    if (kind < 70) {
      // An editor's file that is not an annotation (sed -i writes one and renames it).
      Path stray = seeds.resolve("annotations/sed" + random.nextInt(3));
      if (Files.exists(stray)) Files.delete(stray);
      else Files.writeString(stray, "statements: [\n");
      return new Edit("made or removed " + stray.getFileName(), Set.of(stray));
    }
    if (kind < 73) {
      // A folder with an annotation file in it, told as the folder.
      Path folder = seeds.resolve("annotations/more-" + random.nextInt(2));
      Path from = original.keySet().stream().filter(p -> p.toString().endsWith(".yaml")).sorted().toList().get(random.nextInt(4));
      if (Files.exists(folder)) {
        TestFiles.deleteTree(folder);
      } else {
        Files.createDirectories(folder);
        Files.write(folder.resolve("copy.yaml"), original.get(from));
      }
      return new Edit("made or removed folder " + folder.getFileName() + " (a copy of " + from.getFileName() + ")", Set.of(folder));
    }
    if (kind < 76) {
      // Events lost: the watcher names the folder.
      Path file = annotations.isEmpty() ? seeds.resolve("annotations/x.yaml") : annotations.get(random.nextInt(annotations.size()));
      if (Files.exists(file)) changeLine(random, file, annotations);
      return new Edit("changed " + file.getFileName() + ", told as its folder", Set.of(file.getParent()));
    }
    if (kind < 86) {
      // Put every file back as it was, and remove the files made: the seeds are valid again.
      Set<Path> changed = new java.util.HashSet<>();
      for (var e : original.entrySet()) {
        if (Files.exists(e.getKey()) && java.util.Arrays.equals(Files.readAllBytes(e.getKey()), e.getValue())) continue;
        Files.createDirectories(e.getKey().getParent());
        Files.write(e.getKey(), e.getValue());
        changed.add(e.getKey());
      }
      try (Stream<Path> walk = Files.list(seeds.resolve("annotations"))) {
        for (Path made : walk.filter(p -> p.getFileName().toString().matches("(new-|sed|more-).*")).toList()) {
          TestFiles.deleteTree(made);
          changed.add(made);
        }
      }
      return new Edit("put every file back", changed);
    }
    // Put a file back as it was.
    List<Path> all = new ArrayList<>(original.keySet());
    all.sort(null);
    Path back = all.get(random.nextInt(all.size()));
    Files.createDirectories(back.getParent());
    Files.write(back, original.get(back));
    Set<Path> changed = new java.util.HashSet<>(Set.of(back));
    if (random.nextInt(3) == 0) {
      // and remove a file that was made
      try (Stream<Path> walk = Files.list(seeds.resolve("annotations"))) {
        for (Path made : walk.filter(p -> p.getFileName().toString().startsWith("new-")).toList()) {
          Files.delete(made);
          changed.add(made);
        }
      }
    }
    return new Edit("put back " + back.getFileName(), changed);
  }

  /** Deletes, doubles, changes or swaps a line of {@code file}, or puts in a line of another file; says which. */
  private static String changeLine(Random random, Path file, List<Path> others) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    if (lines.isEmpty()) lines.add("");
    int i = random.nextInt(lines.size());
    String what;
    switch (random.nextInt(5)) {
      case 0 -> {
        lines.remove(i);
        what = "deleted line " + (i + 1);
      }
      case 1 -> {
        lines.add(i, lines.get(i));
        what = "doubled line " + (i + 1);
      }
      case 2 -> {
        String line = lines.get(i);
        if (line.isEmpty()) {
          lines.set(i, "x");
        } else {
          int at = random.nextInt(line.length());
          char c = "aeiou -:'\"".charAt(random.nextInt(10));
          lines.set(i, line.substring(0, at) + c + line.substring(at + 1));
        }
        what = "changed a character of line " + (i + 1);
      }
      case 3 -> {
        int j = Math.min(lines.size() - 1, i + 1);
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        what = "swapped lines " + (i + 1) + " and " + (j + 1);
      }
      default -> {
        Path other = others.get(random.nextInt(others.size()));
        List<String> theirs = Files.exists(other) ? Files.readAllLines(other, StandardCharsets.UTF_8) : List.of();
        String line = theirs.isEmpty() ? "" : theirs.get(random.nextInt(theirs.size()));
        lines.set(i, line);
        what = "replaced line " + (i + 1) + " with a line of " + other.getFileName();
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return what;
  }
}
