package dev.sourcebook.release;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import java.util.List;
import java.util.Map;

/**
 * A released version never changes: when the seeds' version has a release record, the records
 * compiled now must be the ones it pinned, or the build says what changed and which version to
 * give it instead.
 */
public final class ReleaseCheck {
  private ReleaseCheck() {}

  public static void check(Releases releases, Dataset dataset, Located<DatasetInfo> info, List<Diagnostic> out) {
    SemVer version = SemVer.parse(dataset.info().version());
    if (version == null || version.isPreRelease()) return;
    releases.of(version).ifPresent(
        record -> {
          Map<String, Map<String, String>> now = RecordDigests.of(dataset);
          Change change = Change.between(record.records(), now);
          if (change.isEmpty()) return;
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
}
