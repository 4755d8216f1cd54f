package dev.sourcebook.release;

import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A released version never changes: when the seeds' version has a release record, the records
 * compiled now, and the bytes they give, must be the ones it pinned, or the build says what
 * changed (records, the seeds' files, the compiler) and which version to give it instead.
 */
public final class ReleaseCheck {
  private ReleaseCheck() {}

  public static void check(
      Releases releases, Dataset dataset, Located<DatasetInfo> info, Provenance provenance, Schemas schemas, List<Diagnostic> out) {
    SemVer version = SemVer.parse(dataset.info().version());
    if (version == null || version.isPreRelease()) return;
    releases.of(version).ifPresent(
        record -> {
          Map<String, Map<String, String>> now = RecordDigests.of(dataset);
          Change change = Change.between(record.records(), now);
          if (change.isEmpty()) {
            checkFiles(record, version, releases.latest().orElse(version).next(SemVer.Bump.PATCH), dataset, info, provenance, schemas, out);
            return;
          }
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
        });
  }

  /**
   * The same records must give the same bytes too: a compiler whose formats changed since the
   * release would publish other files under the same version.
   */
  private static void checkFiles(
      ReleaseRecord record, SemVer version, SemVer next, Dataset dataset, Located<DatasetInfo> info, Provenance provenance, Schemas schemas, List<Diagnostic> out) {
    List<String> differ = new ArrayList<>();
    Map<String, byte[]> built = DatasetFiles.of(dataset, schemas, Versions.COMPILER, Versions.SCHEMA, provenance);
    Set<String> paths = new TreeSet<>(built.keySet());
    paths.addAll(record.files().keySet());
    for (String path : paths) {
      byte[] bytes = built.get(path);
      if (bytes == null || !Sha256.hex(bytes).equals(record.files().get(path))) differ.add(path);
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
