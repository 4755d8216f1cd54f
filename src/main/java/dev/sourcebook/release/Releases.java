package dev.sourcebook.release;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Location;
import dev.sourcebook.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The release records of a seeds folder, {@code releases/<version>.json}: what every released
 * version published, so that a released version never changes.
 */
public final class Releases {
  public static final String DIR = "releases";

  private static final ObjectReader STRICT =
      Json.MAPPER.readerFor(ReleaseRecord.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final TreeMap<SemVer, ReleaseRecord> byVersion = new TreeMap<>();

  private Releases() {}

  /**
   * The records of {@code seeds}; what cannot be read is reported to {@code out} (E-RELEASE-RECORD),
   * each file named as {@code shown} names a path relative to the seeds.
   */
  public static Releases read(Path seeds, UnaryOperator<String> shown, List<Diagnostic> out) {
    Releases r = new Releases();
    Path dir = seeds.resolve(DIR);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return r;
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      out.add(Diagnostic.error(Location.of(shown.apply(DIR)), "E-RELEASE-RECORD", "cannot list the release records: " + e.getMessage()));
      return r;
    }
    for (Path p : files) {
      String file = shown.apply(DIR + "/" + p.getFileName());
      String name = p.getFileName().toString();
      try {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > 256L << 20) {
          out.add(Diagnostic.error(Location.of(file), "E-RELEASE-RECORD", "not a regular file of at most 256 MiB"));
          continue;
        }
        ReleaseRecord record = STRICT.readValue(Files.readAllBytes(p));
        SemVer v = SemVer.parse(record.version());
        if (v == null || v.isPreRelease() || !name.equals(record.version() + ".json")) {
          out.add(
              Diagnostic.error(
                  Location.of(file), "E-RELEASE-RECORD",
                  "the record's version '" + record.version() + "' is not a released semantic version named by its file; a release record is written by 'sourcebook release', never by hand"));
          continue;
        }
        r.byVersion.put(v, record);
      } catch (IOException e) {
        out.add(
            Diagnostic.error(
                Location.of(file), "E-RELEASE-RECORD",
                "cannot read the release record: " + Diagnostics.message(e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
      }
    }
    return r;
  }

  /** The record of {@code version}, if it was released. */
  public Optional<ReleaseRecord> of(SemVer version) {
    return Optional.ofNullable(byVersion.get(version));
  }

  /** The latest release before {@code version}, if any. */
  public Optional<ReleaseRecord> before(SemVer version) {
    var e = byVersion.lowerEntry(version);
    return Optional.ofNullable(e == null ? null : e.getValue());
  }

  /** The first release, if any. */
  public Optional<SemVer> first() {
    return byVersion.isEmpty() ? Optional.empty() : Optional.of(byVersion.firstKey());
  }

  /** The latest release, if any. */
  public Optional<SemVer> latest() {
    return byVersion.isEmpty() ? Optional.empty() : Optional.of(byVersion.lastKey());
  }

  /**
   * Writes {@code record} into {@code seeds}, atomically: a killed release leaves no record, or the
   * whole one.
   */
  public static Path write(Path seeds, ReleaseRecord record) throws IOException {
    Path dir = seeds.resolve(DIR);
    Files.createDirectories(dir);
    Path target = dir.resolve(record.version() + ".json");
    Path temp = dir.resolve("." + record.version() + ".json.tmp-" + ProcessHandle.current().pid());
    Files.write(temp, Json.bytes(record));
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
