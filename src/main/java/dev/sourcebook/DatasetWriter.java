package dev.sourcebook;

import dev.sourcebook.emit.DatasetFiles;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
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

  /**
   * Writes the dataset, every record checked against its schema, and returns its folder. The
   * files are written as they are made, never held whole in memory.
   */
  public static Path write(Path out, Dataset d) throws IOException {
    String name = d.info().name();
    String version = d.info().version();
    Path parent = out.resolve(name);
    Files.createDirectories(parent);
    Path target = parent.resolve(version);
    recover(parent, version, target);

    long pid = ProcessHandle.current().pid();
    Path staging = parent.resolve("." + version + ".tmp-" + pid);
    deleteTree(staging);
    Files.createDirectory(staging);
    try {
      DatasetFiles.write(d, Schemas.starting().join(), Versions.COMPILER, Versions.SCHEMA, path -> synced(staging, path));
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(staging);
      throw e;
    }

    Path old = parent.resolve("." + version + ".old-" + pid);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
    return target;
  }

  /** A new file under {@code folder} that is flushed to disk when closed. */
  private static OutputStream synced(Path folder, String path) throws IOException {
    Path file = folder.resolve(path);
    Files.createDirectories(file.getParent()); // safe when another thread makes it at the same time
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new FilterOutputStream(Channels.newOutputStream(channel)) {
      private boolean closed;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len); // FilterOutputStream would write byte by byte
      }

      @Override
      public void close() throws IOException {
        if (closed) return;
        closed = true;
        try (channel) {
          out.flush();
          channel.force(true);
        }
      }
    };
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
    return DatasetFiles.of(d, Schemas.starting().join(), Versions.COMPILER, Versions.SCHEMA);
  }
}
