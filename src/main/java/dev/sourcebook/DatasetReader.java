package dev.sourcebook;

import dev.sourcebook.check.Records;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.reader.DatasetFolderReader;
import dev.sourcebook.reader.DerivedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    if (!Diagnostics.hasErrors(diagnostics)) {
      diagnostics.addAll(DerivedFiles.compareManifest(dir, dataset, read.sums(), compilerVersion));
    }
    if (Diagnostics.hasErrors(diagnostics)) return new DatasetResult(Optional.empty(), diagnostics);
    validators.passed(dataset);
    return new DatasetResult(Optional.of(dataset), diagnostics);
  }
}
