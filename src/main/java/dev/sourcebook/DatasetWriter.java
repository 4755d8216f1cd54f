package dev.sourcebook;

import dev.sourcebook.emit.DatasetFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a dataset to {@code <out>/<name>/<version>/} so that a reader never sees half of it: the
 * files go to a hidden folder beside the target, are flushed to disk, and replace the earlier
 * output by renames. A build that fails or is killed leaves the earlier output as it was; its
 * hidden leftovers are cleared by the next build.
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  /** Writes the files and returns the dataset folder. */
  public static Path write(Path out, String name, String version, Map<String, byte[]> files) throws IOException {
    Path parent = out.resolve(name);
    Files.createDirectories(parent);
    Path target = parent.resolve(version);
    recover(parent, version, target);

    long pid = ProcessHandle.current().pid();
    Path staging = parent.resolve("." + version + ".tmp-" + pid);
    deleteTree(staging);
    Files.createDirectory(staging);
    for (var e : files.entrySet()) {
      Path file = staging.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
      try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
        c.force(true);
      }
    }

    Path old = parent.resolve("." + version + ".old-" + pid);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
    return target;
  }

  /** Undoes what a killed build left: puts back an output it had moved aside, drops its staging. */
  private static void recover(Path parent, String version, Path target) throws IOException {
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.sorted().toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith("." + version + ".old-") && !Files.exists(target)) {
          Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
        } else if (n.startsWith("." + version + ".tmp-") || n.startsWith("." + version + ".old-")) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }

  /** The files of a dataset as this compiler writes them, every record checked against its schema. */
  public static Map<String, byte[]> files(Dataset d) {
    return DatasetFiles.of(d, new Schemas(), Versions.COMPILER, Versions.SCHEMA);
  }
}
