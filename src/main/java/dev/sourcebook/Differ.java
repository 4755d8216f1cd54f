package dev.sourcebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DataPackage;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Characters;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.reader.PublishedJson;
import dev.sourcebook.release.DatasetDiff;
import dev.sourcebook.release.SchemaShape;
import dev.sourcebook.site.Site;
import dev.sourcebook.source.Limits;
import dev.sourcebook.source.SeedsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares two versions of a dataset, each a built dataset folder or a seeds folder: both are read
 * and checked in full first (a diff of data that is not valid would show changes nobody can
 * trust), and they must be versions of the same dataset.
 */
public final class Differ {
  private Differ() {}

  /** The diff, or the diagnostics that say why there is none. */
  public record Result(Optional<DatasetDiff> diff, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted().toList();
    }
  }

  public static Result diff(Path before, Path after, Validators validators, Progress progress) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<DatasetDiff.Version> b = version(before, validators, progress, diagnostics);
    Optional<DatasetDiff.Version> a = version(after, validators, progress, diagnostics);
    if (b.isEmpty() || a.isEmpty()) return new Result(Optional.empty(), diagnostics);
    String nameBefore = b.get().name();
    String nameAfter = a.get().name();
    if (!nameBefore.equals(nameAfter)) {
      diagnostics.add(
          Diagnostic.error(
              Location.of(describedBy(after).toString()), "E-DIFF-NAMES",
              "these are two different datasets, '" + nameBefore + "' (" + before + ") and '" + nameAfter
                  + "'; compare two versions of one dataset"));
      return new Result(Optional.empty(), diagnostics);
    }
    progress.stage("comparing the records");
    return new Result(Optional.of(DatasetDiff.between(b.get(), a.get())), diagnostics);
  }

  /** True when {@code dir} is (or is meant to be) a seeds folder rather than a built dataset. */
  public static boolean isSeeds(Path dir) {
    return SeedsReader.looksLikeSeeds(dir);
  }

  private static Path describedBy(Path dir) {
    return isSeeds(dir) ? dir.resolve(SeedsReader.DATASET_FILE) : dir.resolve(DatasetFiles.MANIFEST);
  }

  /** One side of a diff, read and checked; empty, with diagnostics in {@code out}, when it cannot be. */
  static Optional<DatasetDiff.Version> version(Path dir, Validators validators, Progress progress, List<Diagnostic> out) {
    try {
      return isSeeds(dir) ? compiled(dir, validators, progress, out) : built(dir, validators, progress, out);
    } catch (IOException e) {
      out.add(Diagnostic.error(Location.of(dir.toString()), "E-NOT-A-DATASET", "cannot read its manifest or schemas: " + Diagnostics.message(e.getMessage())));
      return Optional.empty();
    }
  }

  private static Optional<DatasetDiff.Version> compiled(Path dir, Validators validators, Progress progress, List<Diagnostic> out)
      throws IOException {
    DatasetResult r = SeedsCompiler.compile(dir, validators, progress);
    out.addAll(r.diagnostics());
    if (!r.ok()) return Optional.empty();
    return Optional.of(compiledVersion(r.dataset().orElseThrow(), validators));
  }

  /** A dataset compiled just now as a side of a diff: the files this compiler gives it. */
  static DatasetDiff.Version compiledVersion(Dataset d, Validators validators) throws IOException {
    Map<String, String> files = DatasetFiles.sums(d, validators.schemas(), Versions.COMPILER, Versions.SCHEMA, Provenance.NONE, new Site());
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    for (Schemas.RecordType t : Schemas.RecordType.values()) schemas.put(typeName(t), Json.MAPPER.readTree(validators.schemas().bytes(t)));
    JsonNode datapackage = Json.MAPPER.valueToTree(DataPackage.descriptor(d.info(), Versions.COMPILER));
    return DatasetDiff.Version.of(d, Versions.SCHEMA, Versions.COMPILER, SchemaShape.of(schemas, datapackage), files);
  }

  private static Optional<DatasetDiff.Version> built(Path dir, Validators validators, Progress progress, List<Diagnostic> out)
      throws IOException {
    if (!Files.isRegularFile(dir.resolve(DatasetFiles.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      out.add(
          Diagnostic.error(
              Location.of(dir.toString()), "E-NOT-A-DATASET",
              "neither a seeds folder (no " + SeedsReader.INDEX_FILE + ") nor a built dataset (no " + DatasetFiles.MANIFEST
                  + "); name a folder such as dist/<name>/<version>"));
      return Optional.empty();
    }
    String theirs = schemaVersionOf(dir);
    if (theirs != null && !theirs.equals(Versions.SCHEMA)) {
      // Another schema version: compared as the JSON it published, checked against its own schemas.
      progress.stage("reading " + dir + " as published JSON (schema version " + Characters.escape(theirs) + ")");
      PublishedJson.Result p = PublishedJson.read(dir);
      out.addAll(p.diagnostics());
      if (Diagnostics.hasErrors(p.diagnostics())) return Optional.empty();
      return Optional.of(
          new DatasetDiff.Version(
              p.info().name(), p.info().version(), p.schemaVersion(), p.compilerVersion(), p.records(), SchemaShape.of(p.schemas(), p.datapackage()), p.files()));
    }
    DatasetResult r = DatasetReader.read(dir, validators, progress);
    out.addAll(r.diagnostics());
    if (!r.ok()) return Optional.empty();
    // Read and checked by the reader just now: its manifest and schemas are the dataset's.
    JsonNode manifest = Json.MAPPER.readTree(dir.resolve(DatasetFiles.MANIFEST).toFile());
    String schemaVersion = manifest.path("schema_version").asText();
    Map<String, String> files = new TreeMap<>();
    manifest.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
    Map<String, JsonNode> schemas = new LinkedHashMap<>();
    for (Schemas.RecordType t : Schemas.RecordType.values()) {
      Path schema = dir.resolve("schema").resolve(schemaVersion).resolve(t.slug() + ".schema.json");
      schemas.put(typeName(t), Json.MAPPER.readTree(schema.toFile()));
    }
    String compilerVersion = manifest.path("compiler_version").asText();
    JsonNode datapackage = Json.MAPPER.readTree(dir.resolve(DatasetFiles.DATAPACKAGE).toFile());
    return Optional.of(
        DatasetDiff.Version.of(r.dataset().orElseThrow(), schemaVersion, compilerVersion, SchemaShape.of(schemas, datapackage), files));
  }

  /** The schema version a built dataset's manifest names; null when it cannot be read (the reader then says why). */
  private static String schemaVersionOf(Path dir) {
    Path manifest = dir.resolve(DatasetFiles.MANIFEST);
    try {
      if (Files.size(manifest) > Limits.YAML_BYTES) return null;
      JsonNode v = Json.MAPPER.readTree(manifest.toFile()).path("schema_version");
      return v.isTextual() ? v.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** "statements", as the record types are named in files and diffs. */
  private static String typeName(Schemas.RecordType t) {
    return t.file().substring(0, t.file().length() - ".json".length());
  }
}
