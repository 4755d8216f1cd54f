package dev.sourcebook.release;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A released version never changes: when the seeds' version has a release record, the records
 * compiled now, and the bytes they give, must be the ones it pinned, or the build says what
 * changed (records, the seeds' files, the compiler) and which version to give it instead.
 */
public final class ReleaseCheck {
  private ReleaseCheck() {}

  /**
   * The records of a released version must be the ones its record pinned. True when the version
   * is released and they are: then the bytes are to be compared too ({@link #checkFiles}), on the
   * files as they are written or, with nothing to write, as {@code DatasetFiles.sums} gives them.
   */
  public static boolean checkRecords(Releases releases, Dataset dataset, Located<DatasetInfo> info, List<Diagnostic> out) {
    SemVer version = SemVer.parse(dataset.info().version());
    if (version == null || version.isPreRelease()) return false;
    ReleaseRecord record = releases.of(version).orElse(null);
    if (record == null) return false;
    Map<String, Map<String, String>> now = RecordDigests.of(dataset);
    Change change = Change.between(record.records(), now);
    if (change.isEmpty()) return true;
    // The next version is measured from the latest release, which may be later than this one.
    SemVer latest = releases.latest().orElse(version);
    Change fromLatest = Change.between(releases.of(latest).map(ReleaseRecord::records).orElse(Map.of()), now);
    SemVer next = latest.next(fromLatest.required());
    out.add(
        Diagnostic.error(
            info.origin().at("version"),
            "E-RELEASED-CHANGED",
            "version " + version + " is released and never changes, but these records differ from it: "
                + change.summary() + "; give the data a new version: " + next + " (a " + fromLatest.required().word()
                + " change), or " + next + "-draft while you work"));
    return false;
  }

  /**
   * The same records must give the same bytes too ({@code built}: the sha256 of every file by
   * path): a compiler whose formats changed since the release, or seeds edited since, would
   * publish other files under the same version.
   */
  public static void checkFiles(
      Releases releases, Dataset dataset, Located<DatasetInfo> info, Provenance provenance, Map<String, String> built, List<Diagnostic> out) {
    SemVer version = SemVer.parse(dataset.info().version());
    ReleaseRecord record = version == null ? null : releases.of(version).orElse(null);
    if (record == null) return;
    SemVer next = releases.latest().orElse(version).next(SemVer.Bump.PATCH);
    List<String> differ = new ArrayList<>();
    Set<String> paths = new TreeSet<>(built.keySet());
    paths.addAll(record.files().keySet());
    for (String path : paths) {
      if (!Objects.equals(built.get(path), record.files().get(path))) differ.add(path);
    }
    if (differ.isEmpty()) return;
    String files =
        differ.size() + (differ.size() == 1 ? " file (" : " files (") + String.join(", ", differ.subList(0, Math.min(3, differ.size())))
            + (differ.size() > 3 ? ", ...)" : ")");
    String why;
    if (!Versions.COMPILER.equals(record.compilerVersion()) || !Versions.SCHEMA.equals(record.schemaVersion())) {
      why = "this compiler (" + Versions.COMPILER + ", schema " + Versions.SCHEMA + ") writes other bytes than the release did (compiler "
          + record.compilerVersion() + ", schema " + record.schemaVersion() + ") in " + files + "; build it with the compiler that released it, or";
    } else if (record.inputsSha256() != null && !record.inputsSha256().equals(provenance.inputsSha256())) {
      // The manifest records the seeds' digest: a comment edited is a change of what was published.
      why = "the seeds' files are not the ones it was released from (their digest is in its manifest.json): undo the edit, or";
    } else {
      why = "the build differs from the release in " + files + ":";
    }
    out.add(
        Diagnostic.error(
            info.origin().at("version"),
            "E-RELEASED-CHANGED",
            "version " + version + " is released and never changes; its records are the same, but " + why + " give the data a new version: "
                + next + " (a patch change), or " + next + "-draft while you work"));
  }
}
