package dev.sourcebook;

import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.release.Change;
import dev.sourcebook.release.RecordDigests;
import dev.sourcebook.release.ReleaseRecord;
import dev.sourcebook.release.Releases;
import dev.sourcebook.release.SemVer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

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
    SeedsCompiler.Compiled compiled = SeedsCompiler.compileLocated(seeds, validators, progress);
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
    if (!again && releases.latest().isPresent()) {
      SemVer latest = releases.latest().get();
      Change change = Change.between(releases.of(latest).orElseThrow().records(), now);
      SemVer.Bump needed = change.required();
      if (version.compareTo(latest) < 0) {
        diagnostics.add(
            Diagnostic.error(at, "E-VERSION-RULE", "version " + version + " goes backwards: " + latest + " is released; the next is " + latest.next(needed)));
      } else if (version.stepFrom(latest).compareTo(needed) < 0) {
        diagnostics.add(
            Diagnostic.error(
                at, "E-VERSION-RULE",
                "since " + latest + ": " + change.summary() + "; that is a " + needed.word() + " change, so the version is "
                    + latest.next(needed) + " or later, not " + version));
      }
      if (!diagnostics.isEmpty()) return refused(diagnostics);
    }

    DatasetWriter.Result written = DatasetWriter.write(out, d, validators, progress);
    if (written.folder().isEmpty()) return refused(written.diagnostics());
    Path folder = written.folder().get();
    Map<String, String> files = sums(folder);
    if (again) {
      ReleaseRecord pinned = releases.of(version).orElseThrow();
      if (!pinned.files().equals(files)) {
        diagnostics.add(
            Diagnostic.error(
                at, "E-RELEASED-CHANGED",
                "version " + version + " is released, and its records are the same, but the files differ (another compiler or schema"
                    + " version?): build it with the compiler that released it, or release a new version"));
        return refused(diagnostics);
      }
      return new Result(Optional.of(folder), Optional.of(seeds.resolve(Releases.DIR).resolve(version + ".json")), true, diagnostics);
    }
    ReleaseRecord record =
        new ReleaseRecord(d.info().name(), version.toString(), Versions.SCHEMA, Versions.COMPILER, inputsSha256(seeds), now, files);
    // The dataset first, then its record: a killed release never leaves a record without its dataset.
    Path recordFile = Releases.write(seeds, record);
    return new Result(Optional.of(folder), Optional.of(recordFile), false, diagnostics);
  }

  private static Result refused(List<Diagnostic> diagnostics) {
    return new Result(Optional.empty(), Optional.empty(), false, diagnostics);
  }

  /** The files of a written dataset with their sha256, from its SHA256SUMS (which it checked as it wrote). */
  private static Map<String, String> sums(Path folder) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(folder.resolve("SHA256SUMS"), StandardCharsets.UTF_8)) {
      if (line.length() > 66) out.put(line.substring(66), line.substring(0, 64));
    }
    out.put("SHA256SUMS", Sha256.hex(folder.resolve("SHA256SUMS")));
    return out;
  }

  /** A digest of the inputs: every file of the seeds but the release records, by path and sha256. */
  private static String inputsSha256(Path seeds) throws IOException {
    StringBuilder listing = new StringBuilder();
    try (Stream<Path> walk = Files.walk(seeds)) {
      for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String rel = seeds.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith(Releases.DIR + "/")) continue;
        listing.append(Sha256.hex(p)).append("  ").append(rel).append('\n');
      }
    }
    return Sha256.hex(listing.toString().getBytes(StandardCharsets.UTF_8));
  }
}
