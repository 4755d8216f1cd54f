package dev.sourcebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.check.Records;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.json.Versions;
import dev.sourcebook.reader.DatasetFolderReader;
import dev.sourcebook.reader.DerivedFiles;
import dev.sourcebook.release.SemVer;
import dev.sourcebook.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * Reads a built dataset back into the records, after verifying it: the folder (exactly the files
 * of a dataset, checksums, the manifest), every record against its JSON Schema, every rule of
 * validity the compiler runs, and the CSV tables and datapackage.json against the JSON records.
 */
public final class DatasetReader {
  private DatasetReader() {}

  /** Reads with validators of its own: for one read. To read often, keep a {@link Validators}. */
  public static DatasetResult read(Path dir) {
    return read(dir, Validators.load(), Progress.NONE);
  }

  /** One version of a dataset's folder {@code <out>/<name>/}, read and checked. */
  public record VersionRead(String version, Path folder, DatasetResult result) {}

  /**
   * Reads every version in {@code <out>/<name>/} (each folder named by a semantic version), oldest
   * first. A version this sourcebook cannot read (another schema version: E-SCHEMA-VERSION) or
   * that fails a check is there with its diagnostics, and the others are read all the same.
   */
  public static List<VersionRead> readVersions(Path datasetFolder, Validators validators, Progress progress) throws IOException {
    TreeMap<SemVer, Path> versions = new TreeMap<>();
    try (Stream<Path> folders = Files.list(datasetFolder)) {
      for (Path f : folders.toList()) {
        SemVer v = SemVer.parse(f.getFileName().toString());
        if (v != null && Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) versions.put(v, f);
      }
    }
    List<VersionRead> out = new ArrayList<>();
    versions.forEach((v, folder) -> out.add(new VersionRead(v.toString(), folder, read(folder, validators, progress))));
    return out;
  }

  public static DatasetResult read(Path dir, Validators validators, Progress progress) {
    DatasetFolderReader.Result read = DatasetFolderReader.read(dir, validators.schemas(), progress);
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    if (read.records() == null) return new DatasetResult(Optional.empty(), diagnostics);
    Records records = read.records();
    progress.stage("checking the rules");
    List<Diagnostic> rules = validators.rules().check(records);
    diagnostics.addAll(rules);
    // A schema says some of what a rule says (a malformed id, a missing value): once is enough.
    Set<String> said = rules.stream().map(d -> d.location() + " " + d.code()).collect(Collectors.toSet());
    read.schemaDiagnostics().stream().filter(d -> !said.contains(d.location() + " " + d.code())).forEach(diagnostics::add);
    if (Diagnostics.hasErrors(diagnostics)) return new DatasetResult(Optional.empty(), diagnostics);

    Dataset dataset =
        new Dataset(
            records.info().value(),
            Located.values(records.articles()),
            Located.values(records.actors()),
            Located.values(records.incidents()),
            Located.values(records.statements()),
            Located.values(records.outcomes()));
    progress.stage("checking the CSV tables, schemas and datapackage.json against the records");
    String compilerVersion = read.manifest().path("compiler_version").asText();
    diagnostics.addAll(DerivedFiles.compare(dir, dataset, validators.schemas(), compilerVersion));
    // The site's pages change with the compiler that makes them: made again only by the same one,
    // and from data files found right (the index lists their sha256).
    if (compilerVersion.equals(Versions.COMPILER) && !Diagnostics.hasErrors(diagnostics)) {
      diagnostics.addAll(DerivedFiles.compareSite(dir, dataset, read.sums(), compilerVersion, new Site()));
    }
    if (!Diagnostics.hasErrors(diagnostics)) {
      JsonNode inputs = read.manifest().path("inputs_sha256");
      diagnostics.addAll(DerivedFiles.compareManifest(dir, dataset, read.sums(), compilerVersion, inputs.isTextual() ? inputs.asText() : null));
    }
    if (Diagnostics.hasErrors(diagnostics)) return new DatasetResult(Optional.empty(), diagnostics);
    diagnostics.addAll(validators.rules().advise(records));
    validators.passed(dataset);
    return new DatasetResult(Optional.of(dataset), diagnostics);
  }
}
