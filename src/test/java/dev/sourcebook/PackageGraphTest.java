package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline is visible in the packages and dependencies run one way, down this list: a
 * package may use the ones before it, never one after it (so no cycle can form).
 */
class PackageGraphTest {
  /** Bottom first. The reader of a built dataset makes the derived files again to compare them, so it sits above emit. */
  static final List<String> LAYERS =
      List.of("model", "diag", "check", "json", "source", "emit", "site", "reader", "release", "", "extract", "cli");

  @Test
  void dependenciesRunDownThePipeline() throws IOException {
    Map<String, Set<String>> uses = graph();
    List<String> upward = new ArrayList<>();
    uses.forEach(
        (from, tos) -> {
          for (String to : tos) {
            if (rank(to) > rank(from)) upward.add(name(from) + " -> " + name(to));
          }
        });
    assertEquals(List.of(), upward, "dependencies that run up the pipeline (or form a cycle)");
    assertEquals(new TreeSet<>(LAYERS), new TreeSet<>(uses.keySet()), "every package has its place in LAYERS");
  }

  private static String name(String p) {
    return p.isEmpty() ? "dev.sourcebook" : "dev.sourcebook." + p;
  }

  private static int rank(String p) {
    int i = LAYERS.indexOf(p);
    if (i < 0) throw new AssertionError("package " + name(p) + " is not in PackageGraphTest.LAYERS");
    return i;
  }

  /** For each package under dev.sourcebook (by its name below it), the packages its code names. */
  static Map<String, Set<String>> graph() throws IOException {
    // A class named by its package (in an import or in code), or a whole package imported.
    Pattern ref = Pattern.compile("\\bdev\\.sourcebook((?:\\.[a-z][a-z0-9]*)*)\\.(?:[A-Z]|\\*)");
    Path root = Path.of("src/main/java/dev/sourcebook");
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
        Set<String> out = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = ref.matcher(Files.readString(f));
        while (m.find()) {
          String to = m.group(1).isEmpty() ? "" : m.group(1).substring(1);
          if (!to.equals(pkg)) out.add(to);
        }
      }
    }
    return uses;
  }
}
