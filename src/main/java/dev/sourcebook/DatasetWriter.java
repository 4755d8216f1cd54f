package dev.sourcebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.check.Records;
import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetRecord;
import dev.sourcebook.release.SemVer;
import dev.sourcebook.site.Site;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a dataset to {@code <out>/<name>/<version>/} so that a reader never sees half of it, and
 * only a valid one: the rules of validity run first (unless the dataset came from a compiler or
 * reader with the same {@link Validators}, which ran them), and an invalid dataset, its name and
 * version included, is refused with diagnostics and nothing written. The files go to a hidden
 * folder beside the target, are flushed to disk, and replace the earlier output by renames. A
 * build that fails or is killed leaves the earlier output as it was; its hidden leftovers are
 * cleared by the next build. Two builds of the same dataset take turns (a lock beside it).
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  /**
   * The folder written and the sha256 of each of its files by path, or the diagnostics that say
   * why nothing was.
   */
  public record Result(Optional<Path> folder, Map<String, String> files, List<Diagnostic> diagnostics) {
    public Result {
      files = Map.copyOf(files);
      diagnostics = diagnostics.stream().sorted().toList();
    }

    static Result refused(List<Diagnostic> diagnostics) {
      return new Result(Optional.empty(), Map.of(), diagnostics);
    }
  }

  /**
   * What must hold of the files before they replace the earlier output, given the sha256 of each
   * by path: a released version's bytes are the ones its record pinned.
   */
  @FunctionalInterface
  public interface Check {
    Check NONE = files -> List.of();

    List<Diagnostic> check(Map<String, String> files);
  }

  /** Writes with validators of its own. */
  public static Result write(Path out, Dataset d) throws IOException {
    return write(out, d, Validators.load(), Progress.NONE);
  }

  /**
   * Checks the dataset, then writes it, every record checked against its schema, and gives its
   * folder. The files are written as they are made, never held whole in memory. An
   * {@link IOException} is the machine's refusal (no space, no permission); the earlier output is
   * then as it was.
   */
  public static Result write(Path out, Dataset d, Validators validators, Progress progress) throws IOException {
    return write(out, d, Provenance.NONE, Check.NONE, validators, progress);
  }

  /**
   * Writes as {@link #write(Path, Dataset, Validators, Progress)} does, with what the build knows of
   * the dataset's seeds: their digest in manifest.json, the changelog entry as CHANGES.md; and
   * {@code check} held to the files written before they replace anything (nothing is written when
   * it fails).
   */
  public static Result write(Path out, Dataset d, Provenance provenance, Check check, Validators validators, Progress progress)
      throws IOException {
    if (d.info() == null) {
      return Result.refused(
          List.of(Diagnostic.error(Location.of("(dataset name, version and licence)"), "E-MISSING-FIELD", "the dataset has no name, version and licence")));
    }
    if (!validators.hasPassed(d)) {
      progress.stage("checking the rules");
      List<Diagnostic> diagnostics = validators.rules().check(records(d));
      if (Diagnostics.hasErrors(diagnostics)) return Result.refused(diagnostics);
    }
    String name = d.info().name();
    String version = d.info().version();
    Path parent = out.resolve(name);
    Files.createDirectories(parent);
    Path target = parent.resolve(version);
    try (FileChannel lockFile = FileChannel.open(parent.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(lockFile, name, out, progress)) {
      progress.stage("writing the files, checking every record against its schema");
      return replace(parent, version, target, d, provenance, check, validators);
    }
  }

  /**
   * Takes the lock beside the dataset's versions, waiting while another build holds it: another
   * process (the file lock) or another thread of this one (which the file lock cannot tell from
   * this one, so it is asked again until it is free). Only its holder recovers, stages and
   * renames, so one build never removes another's staging folder.
   */
  private static FileLock lock(FileChannel channel, String name, Path out, Progress progress) throws IOException {
    boolean told = false;
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) return lock;
      } catch (OverlappingFileLockException e) {
        // held by another thread of this process
      }
      if (!told) {
        progress.waiting("waiting for another build of " + name + " into " + out + " to finish");
        progress.stage("waiting for another build");
        told = true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for another build of " + name);
      }
    }
  }

  private static Result replace(
      Path parent, String version, Path target, Dataset d, Provenance provenance, Check check, Validators validators) throws IOException {
    recover(parent, version, target);
    long pid = ProcessHandle.current().pid();
    Path staging = parent.resolve("." + version + ".tmp-" + pid);
    deleteTree(staging);
    Files.createDirectory(staging);
    Map<String, String> files;
    // Closing the folder waits for its flushes, so that no file is still open when it is removed.
    try (SyncedFolder folder = new SyncedFolder(staging)) {
      files = DatasetFiles.write(d, validators.schemas(), Versions.COMPILER, Versions.SCHEMA, provenance, new Site(), folder);
      folder.awaitSynced();
    } catch (IOException | RuntimeException | Error e) {
      deleteTree(staging);
      throw e;
    }
    List<Diagnostic> refused = check.check(files);
    if (Diagnostics.hasErrors(refused)) {
      deleteTree(staging);
      return Result.refused(refused);
    }

    Path old = parent.resolve("." + version + ".old-" + pid);
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
    writeIndex(parent, d.info().name());
    return new Result(Optional.of(target), files, List.of());
  }

  /** The index of the versions beside each other in {@code <out>/<name>/}. */
  public static final String INDEX = "versions.json";

  /**
   * Writes {@code <out>/<name>/versions.json}: every version in the folder, oldest first, with the
   * versions of its schemas and compiler and the sha256 of its manifest (which holds the sha256 of
   * every other file), so that a user can pin a version by one digest.
   */
  private static void writeIndex(Path parent, String name) throws IOException {
    TreeMap<SemVer, Map<String, String>> versions = new TreeMap<>();
    try (Stream<Path> folders = Files.list(parent)) {
      for (Path folder : folders.toList()) {
        SemVer v = SemVer.parse(folder.getFileName().toString());
        Path manifest = folder.resolve(DatasetFiles.MANIFEST);
        if (v == null || !Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) continue;
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("version", v.toString());
        try {
          JsonNode m = Json.MAPPER.readTree(manifest.toFile());
          entry.put("schema_version", m.path("schema_version").asText(null));
          entry.put("compiler_version", m.path("compiler_version").asText(null));
        } catch (IOException e) {
          continue; // not a manifest sourcebook wrote: not a version to list
        }
        entry.put("manifest_sha256", Sha256.hex(manifest));
        versions.put(v, entry);
      }
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("name", name);
    index.put("versions", List.copyOf(versions.values()));
    Path temp = parent.resolve("." + INDEX + ".tmp-" + ProcessHandle.current().pid());
    Files.write(temp, Json.bytes(index));
    Files.move(temp, parent.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The records of a dataset made in memory, each located by its file and index, for the rules. */
  private static Records records(Dataset d) {
    return new Records(
        new Located<>(d.info(), new Origin(Location.of("(dataset name, version and licence)"), Map.of())),
        located(d.articles(), "articles.json"),
        located(d.actors(), "actors.json"),
        located(d.incidents(), "incidents.json"),
        located(d.statements(), "statements.json"),
        located(d.outcomes(), "outcomes.json"),
        Set.of(),
        true,
        true,
        Map.of(),
        Set.of());
  }

  private static <T extends DatasetRecord> List<Located<T>> located(List<T> records, String file) {
    List<Located<T>> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      out.add(new Located<>(records.get(i), new Origin(Location.of(file + "#/" + i), Map.of())));
    }
    return out;
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

  /** Deletes {@code p} and all under it, if it is there; a link is deleted, not followed. */
  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}
