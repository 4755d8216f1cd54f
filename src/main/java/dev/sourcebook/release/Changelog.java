package dev.sourcebook.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cumulative changelog kept with the seeds, {@code CHANGELOG.md}: one entry per release,
 * newest first, each written by {@code release} from the diff with the release before it. An entry
 * is a level-two heading of its version and what follows it up to the next one.
 */
public final class Changelog {
  public static final String FILE = "CHANGELOG.md";

  private Changelog() {}

  /** {@code existing} (null when there is none) with {@code entry} as the entry of {@code version}, replacing an earlier one. */
  public static String withEntry(String existing, String name, SemVer version, String entry) {
    Map<SemVer, String> entries = new TreeMap<>(Comparator.reverseOrder());
    if (existing != null) entries.putAll(entries(existing));
    entries.put(version, normal(entry));
    StringBuilder out = new StringBuilder();
    out.append("# Changelog: ").append(name).append("\n\n");
    out.append("Written by `sourcebook release`: one entry per release, newest first, each what `sourcebook diff`\n");
    out.append("shows between that release and the one before it.\n");
    entries.values().forEach(e -> out.append('\n').append(e));
    return out.toString();
  }

  /** An entry as the changelog keeps it, and as a dataset folder publishes it (CHANGES.md). */
  public static String normal(String entry) {
    return entry.strip() + "\n";
  }

  /** The entries of a changelog by version. */
  static Map<SemVer, String> entries(String changelog) {
    Map<SemVer, String> entries = new TreeMap<>();
    List<String> current = new ArrayList<>();
    SemVer at = null;
    for (String line : changelog.split("\n", -1)) {
      // A heading of a version starts an entry; any other line belongs to the entry above it.
      SemVer heading = line.startsWith("## ") ? SemVer.parse(line.substring(3).strip()) : null;
      if (heading != null) {
        if (at != null) entries.put(at, normal(String.join("\n", current)));
        at = heading;
        current = new ArrayList<>();
      }
      current.add(line);
    }
    if (at != null) entries.put(at, normal(String.join("\n", current)));
    return entries;
  }

  /** The entry of {@code version} in {@code seeds}/CHANGELOG.md, if it has one. */
  public static Optional<String> entry(Path seeds, SemVer version) throws IOException {
    Path file = seeds.resolve(FILE);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    return Optional.ofNullable(entries(Files.readString(file, StandardCharsets.UTF_8)).get(version));
  }

  /** Writes the entry of {@code version} into {@code seeds}/CHANGELOG.md, atomically. */
  public static Path write(Path seeds, String name, SemVer version, String entry) throws IOException {
    Path file = seeds.resolve(FILE);
    String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    Path temp = seeds.resolve("." + FILE + ".tmp-" + ProcessHandle.current().pid());
    Files.writeString(temp, withEntry(existing, name, version, entry), StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }
}
