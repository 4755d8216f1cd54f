package dev.sourcebook;

import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.release.Change;
import dev.sourcebook.release.Changelog;
import dev.sourcebook.release.DatasetDiff;
import dev.sourcebook.release.DiffReport;
import dev.sourcebook.release.RecordDigests;
import dev.sourcebook.release.ReleaseRecord;
import dev.sourcebook.release.Releases;
import dev.sourcebook.release.SchemaShape;
import dev.sourcebook.release.SemVer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the version in dataset.yaml: compiles the seeds, holds the version to the version
 * rule against the latest release, writes the dataset, and leaves a release record in the seeds
 * ({@code releases/<version>.json}) that pins what was published. Releasing a released version
 * again is fine when nothing changed, and refused otherwise.
 *
 * <p>The version rule: a removed record is a major change, an added record a minor one, a changed
 * record a patch; a version may be larger than its change needs, never smaller, never backwards.
 */
public final class Releaser {
  private Releaser() {}

  /**
   * What a release did: the dataset's folder and the release record, or the diagnostics that say
   * why nothing was written.
   *
   * @param again true when the version was already released, with the same bytes
   */
  public record Result(Optional<Path> folder, Optional<Path> record, boolean again, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted().toList();
    }
  }

  public static Result release(Path seeds, Path out, Validators validators, Progress progress) throws IOException {
    SeedsCompiler.Compiled compiled = SeedsCompiler.compileLocated(seeds, validators, progress, true);
    List<Diagnostic> diagnostics = new ArrayList<>(compiled.result().diagnostics());
    if (!compiled.result().ok()) return refused(diagnostics);
    Dataset d = compiled.result().dataset().orElseThrow();
    Location at = compiled.info().origin().at("version");
    SemVer version = SemVer.parse(d.info().version());
    if (version == null || version.isPreRelease()) {
      diagnostics.add(
          Diagnostic.error(
              at, "E-VERSION-RULE",
              "'" + d.info().version() + "' is a pre-release: it is built as often as you like and never released;"
                  + " release it as " + (version == null ? "a version such as 1.0.0" : new SemVer(version.major(), version.minor(), version.patch(), null))));
      return refused(diagnostics);
    }
    Releases releases = compiled.releases();
    Map<String, Map<String, String>> now = RecordDigests.of(d);
    boolean again = releases.of(version).isPresent(); // and the compiler found it unchanged
    String entry = null;
    if (!again) {
      Optional<SemVer> latest = releases.latest();
      if (latest.isEmpty()) {
        entry = firstEntry(version, now);
      } else {
        progress.stage("comparing with " + latest.get());
        Comparison c = compare(latest.get(), releases.of(latest.get()).orElseThrow(), d, out, validators);
        SemVer.Bump needed = c.needed();
        if (version.compareTo(latest.get()) < 0) {
          diagnostics.add(
              Diagnostic.error(
                  at, "E-VERSION-RULE", "version " + version + " goes backwards: " + latest.get() + " is released; the next is " + latest.get().next(needed)));
        } else if (version.stepFrom(latest.get()).compareTo(needed) < 0) {
          diagnostics.add(
              Diagnostic.error(
                  at, "E-VERSION-RULE",
                  "since " + latest.get() + ": " + c.summary() + "; that is a " + needed.word() + " change, so the version is "
                      + latest.get().next(needed) + " or later, not " + version));
        }
        if (!diagnostics.isEmpty()) return refused(diagnostics);
        entry = c.entry();
      }
    }

    Provenance provenance = again ? compiled.provenance() : new Provenance(compiled.provenance().inputsSha256(), Changelog.normal(entry));
    // Released again: the bytes as written must be the pinned ones (a new version pins them now).
    DatasetWriter.Check check = again ? Builder.releasedBytes(compiled) : DatasetWriter.Check.NONE;
    DatasetWriter.Result written = DatasetWriter.write(out, d, provenance, check, validators, progress);
    if (written.folder().isEmpty()) return refused(written.diagnostics());
    Path folder = written.folder().get();
    Map<String, String> files = written.files();
    if (again) {
      return new Result(Optional.of(folder), Optional.of(seeds.resolve(Releases.DIR).resolve(version + ".json")), true, diagnostics);
    }
    ReleaseRecord record =
        new ReleaseRecord(d.info().name(), version.toString(), Versions.SCHEMA, Versions.COMPILER, compiled.provenance().inputsSha256(), now, files);
    // The dataset first, then its changelog entry and record: a killed release never leaves a
    // record without its dataset (an entry without a record is replaced by the next release).
    Changelog.write(seeds, d.info().name(), version, entry);
    // A first release made before changelogs were written gets its entry too.
    Optional<SemVer> first = releases.first();
    if (first.isPresent() && Changelog.entry(seeds, first.get()).isEmpty()) {
      Changelog.write(seeds, d.info().name(), first.get(), firstEntry(first.get(), releases.of(first.get()).orElseThrow().records()));
    }
    Path recordFile = Releases.write(seeds, record);
    return new Result(Optional.of(folder), Optional.of(recordFile), false, diagnostics);
  }

  /** What changed since the latest release, the version step it needs, and its changelog entry. */
  private record Comparison(SemVer.Bump needed, String summary, String entry) {}

  /**
   * Compares the dataset with the latest release: field by field when that release's folder is
   * still in {@code out} with the bytes its record pinned, else by the record's digests of every
   * record and file (a schema file that differs then counts as a major change, since there is no
   * telling how it changed).
   */
  private static Comparison compare(SemVer latest, ReleaseRecord pinned, Dataset d, Path out, Validators validators) throws IOException {
    DatasetDiff.Version current = Differ.compiledVersion(d, validators);
    Path folder = out.resolve(d.info().name()).resolve(latest.toString());
    Path manifest = folder.resolve(DatasetFiles.MANIFEST);
    if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS) && Sha256.hex(manifest).equals(pinned.files().get(DatasetFiles.MANIFEST))) {
      Optional<DatasetDiff.Version> before = Differ.version(folder, validators, Progress.NONE, new ArrayList<>());
      if (before.isPresent()) {
        DatasetDiff diff = DatasetDiff.between(before.get(), current);
        return new Comparison(diff.required(), diff.summary(), DiffReport.markdown(diff));
      }
    }
    Change change = Change.between(pinned.records(), RecordDigests.of(d));
    DatasetDiff.FileChanges f = DatasetDiff.FileChanges.between(pinned.files(), current.files());
    List<String> schemas = f.schemas();
    List<String> files = f.differ();
    List<String> added = f.added();
    List<String> removed = f.removed();
    // The version rule, for what digests can tell: a schema file that differs counts as removed,
    // since how it changed cannot be told.
    SemVer.Bump needed =
        DatasetDiff.required(change, new SchemaShape.Difference(schemas, List.of()), files, added, removed, Versions.SCHEMA, Versions.SCHEMA);
    List<String> parts = new ArrayList<>();
    if (!change.isEmpty()) parts.add(change.summary());
    if (!schemas.isEmpty()) parts.add("schema files differ (" + String.join(", ", schemas) + "), and how cannot be told without the folder of " + latest);
    if (!removed.isEmpty()) parts.add("files removed (" + String.join(", ", removed) + ")");
    if (!added.isEmpty()) parts.add("files added (" + String.join(", ", added) + ")");
    if (!files.isEmpty() && change.isEmpty()) parts.add("files differ (" + String.join(", ", files) + ")");
    String summary = String.join("; ", parts);
    // No path of this machine goes into the entry: it is published.
    String entry =
        "## " + d.info().version() + "\n\nFrom " + latest + ": a " + needed.word() + " change. " + DiffReport.md(summary.isEmpty() ? "no change" : summary)
            + ".\n\n(By the release records' digests: the folder of " + latest + " was not at hand to show each field; `sourcebook diff` of the"
            + " two versions' folders shows them.)\n";
    return new Comparison(needed, summary + (schemas.isEmpty() ? "" : " (looked for it at " + folder + ")"), entry);
  }

  /** "## 1.0.0 / The first release: 5 articles, 22 actors, ...", from the digests of its records. */
  private static String firstEntry(SemVer version, Map<String, Map<String, String>> records) {
    List<String> counts = new ArrayList<>();
    for (String type : List.of("articles", "actors", "incidents", "statements", "outcomes")) {
      int n = records.getOrDefault(type, Map.of()).size();
      counts.add(n + " " + (n == 1 ? type.substring(0, type.length() - 1) : type));
    }
    return "## " + version + "\n\nThe first release: " + String.join(", ", counts) + ".\n";
  }

  private static Result refused(List<Diagnostic> diagnostics) {
    return new Result(Optional.empty(), Optional.empty(), false, diagnostics);
  }

}
