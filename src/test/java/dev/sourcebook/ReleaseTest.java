package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.GoldenTest.Run;
import dev.sourcebook.json.Versions;
import dev.sourcebook.release.SemVer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A released version never changes, and the version rule is enforced: the session a curator has. */
class ReleaseTest {
  @TempDir Path temp;

  private Path seeds() throws IOException {
    Path to = temp.resolve("seeds");
    TestFiles.copyTree(Path.of("src/test/resources/golden/ok-minimal/input"), to);
    return to;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    assertTrue(s.contains(from), from);
    Files.writeString(file, s.replace(from, to));
  }

  private Run release(Path seeds) {
    return GoldenTest.run("release", "--seeds", seeds.toString(), "--out", temp.resolve("dist").toString());
  }

  @Test
  void aReleasedVersionNeverChangesAndTheVersionRuleHolds() throws IOException {
    Path seeds = seeds();
    Path dist = temp.resolve("dist");
    Run first = release(seeds);
    assertEquals(0, first.exit(), first.err());
    assertTrue(Files.isRegularFile(seeds.resolve("releases/1.0.0.json")));
    assertEquals(0, release(seeds).exit(), "releasing the same bytes again is fine");

    // A statement's kind changes, the version does not: build refuses and writes nothing.
    edit(seeds.resolve("annotations/records.yaml"), "  - id: example-police\n    speaker: testshire-police\n    kind: direct",
        "  - id: example-police\n    speaker: testshire-police\n    kind: partial");
    Map<String, String> before = GoldenTest.tree(dist);
    Run changed = GoldenTest.run("build", "--seeds", seeds.toString(), "--out", dist.toString());
    assertEquals(1, changed.exit());
    assertTrue(changed.err().contains("dataset.yaml:3:10: error[E-RELEASED-CHANGED]: version 1.0.0 is released and never changes,"
        + " but these records differ from it: statements: 1 changed (example-police); give the data a new version: 1.0.1 (a patch change)"), changed.err());
    assertEquals(before, GoldenTest.tree(dist), "nothing written");
    assertEquals(1, release(seeds).exit(), "and release refuses too");

    edit(seeds.resolve("dataset.yaml"), "version: 1.0.0", "version: 1.0.1");
    assertEquals(0, release(seeds).exit());
    assertEquals(
        """
        # Changelog: test-dataset

        Written by `sourcebook release`: one entry per release, newest first, each what `sourcebook diff`
        shows between that release and the one before it.

        ## 1.0.1

        From 1.0.0: a patch change, so a version of 1.0.1 or later.

        ### statements: 1 changed

        - changed example-police
          - kind: "direct" → "partial"

        ## 1.0.0

        The first release: 1 article, 4 actors, 1 incident, 2 statements, 1 outcome.
        """,
        Files.readString(seeds.resolve("CHANGELOG.md")));

    // A statement removed needs a major version.
    String yaml = Files.readString(seeds.resolve("annotations/records.yaml"));
    Files.writeString(
        seeds.resolve("annotations/records.yaml"),
        yaml.substring(0, yaml.indexOf("  - id: example-police")) + yaml.substring(yaml.indexOf("outcomes:")));
    edit(seeds.resolve("dataset.yaml"), "version: 1.0.1", "version: 1.1.0");
    Run minor = release(seeds);
    assertEquals(1, minor.exit());
    assertTrue(minor.err().contains("error[E-VERSION-RULE]: since 1.0.1: statements: 1 removed (example-police); that is a major"
        + " change, so the version is 2.0.0 or later, not 1.1.0"), minor.err());

    edit(seeds.resolve("dataset.yaml"), "version: 1.1.0", "version: 2.0.0-draft");
    assertEquals(0, GoldenTest.run("build", "--seeds", seeds.toString(), "--out", dist.toString()).exit(), "a pre-release builds");
    assertTrue(release(seeds).err().contains("error[E-VERSION-RULE]: '2.0.0-draft' is a pre-release"));

    edit(seeds.resolve("dataset.yaml"), "version: 2.0.0-draft", "version: 2.0.0");
    // Without 1.0.1's folder, release still holds the rule, by the record's digests.
    TestFiles.deleteTree(dist.resolve("test-dataset/1.0.1"));
    assertEquals(0, release(seeds).exit());
    assertTrue(Files.isRegularFile(seeds.resolve("releases/2.0.0.json")));
    String changelog = Files.readString(seeds.resolve("CHANGELOG.md"));
    assertTrue(
        changelog.contains("## 2.0.0\n\nFrom 1.0.1: a major change. statements: 1 removed (example-police).\n\n"
            + "(By the release records' digests: the folder of 1.0.1 was not at hand to show each field; `sourcebook diff` of the"
            + " two versions' folders shows them.)\n"),
        changelog);
    assertEquals(0, GoldenTest.run("validate", dist.resolve("test-dataset/1.0.0").toString()).exit(), "earlier versions stay");
  }

  @Test
  void theSameRecordsInOtherBytesAreAChangeToo() throws IOException {
    Path seeds = seeds();
    assertEquals(0, release(seeds).exit());
    // As if another compiler had released it: one file's bytes differ, no record does.
    Path record = seeds.resolve("releases/1.0.0.json");
    edit(record, "\"actors.csv\": \"", "\"actors.csv\": \"0");
    Run r = GoldenTest.run("build", "--seeds", seeds.toString(), "--out", temp.resolve("dist").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("error[E-RELEASED-CHANGED]: version 1.0.0 is released and never changes; its records are the same,"
        + " but the build differs from the release in 1 file (actors.csv): give the data a new version: 1.0.1 (a patch change)"), r.err());

    edit(record, "\"compiler_version\": \"" + Versions.COMPILER + "\"", "\"compiler_version\": \"0.0.1\"");
    r = GoldenTest.run("build", "--seeds", seeds.toString(), "--out", temp.resolve("dist").toString());
    assertTrue(r.err().contains("but this compiler (" + Versions.COMPILER + ", schema " + Versions.SCHEMA + ") writes other bytes than the"
        + " release did (compiler 0.0.1, schema " + Versions.SCHEMA + ") in 1 file (actors.csv); build it with the compiler that released it,"
        + " or give the data a new version: 1.0.1"), r.err());
  }

  @Test
  void aReleaseIsRebuiltByteForByteWithItsChangelogEntryAndItsInputsDigest() throws IOException {
    Path seeds = seeds();
    Path dist = temp.resolve("dist");
    assertEquals(0, release(seeds).exit());
    edit(seeds.resolve("annotations/records.yaml"), "kind: direct\n    venue: press-statement", "kind: partial\n    venue: press-statement");
    edit(seeds.resolve("dataset.yaml"), "version: 1.0.0", "version: 1.0.1");
    assertEquals(0, release(seeds).exit());

    Path folder = dist.resolve("test-dataset/1.0.1");
    String entry = Files.readString(folder.resolve("CHANGES.md"));
    assertTrue(entry.startsWith("## 1.0.1\n\nFrom 1.0.0: a patch change"), entry);
    assertTrue(Files.readString(seeds.resolve("CHANGELOG.md")).contains(entry), "the entry is the changelog's");
    var record = dev.sourcebook.json.Json.MAPPER.readTree(seeds.resolve("releases/1.0.1.json").toFile());
    var manifest = dev.sourcebook.json.Json.MAPPER.readTree(folder.resolve("manifest.json").toFile());
    assertEquals(record.path("inputs_sha256"), manifest.path("inputs_sha256"));
    assertEquals(64, manifest.path("inputs_sha256").asText().length());

    // build gives exactly the released bytes; an editor's swap file changes nothing.
    Map<String, String> released = GoldenTest.tree(folder);
    Files.writeString(seeds.resolve("annotations/.records.yaml.swp"), "an editor's");
    assertEquals(0, GoldenTest.run("build", "--seeds", seeds.toString(), "--out", dist.toString()).exit());
    assertEquals(released, GoldenTest.tree(folder));

    // A comment is not a record, but the seeds are what the manifest names: a new version.
    edit(seeds.resolve("annotations/records.yaml"), "article: test-article", "# a comment\narticle: test-article");
    Run r = GoldenTest.run("build", "--seeds", seeds.toString(), "--out", dist.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("its records are the same, but the seeds' files are not the ones it was released from"
        + " (their digest is in its manifest.json): undo the edit, or give the data a new version: 1.0.2 (a patch change)"), r.err());
    assertEquals(released, GoldenTest.tree(folder), "nothing written");

    // The versions side by side, with an index, each read on its own.
    String index = Files.readString(dist.resolve("test-dataset/versions.json"));
    assertTrue(index.indexOf("\"version\": \"1.0.0\"") < index.indexOf("\"version\": \"1.0.1\""), index);
    assertTrue(index.contains("\"manifest_sha256\": \"" + dev.sourcebook.check.Sha256.hex(folder.resolve("manifest.json")) + "\""), index);
    Run all = GoldenTest.run("validate", dist.resolve("test-dataset").toString());
    assertEquals(0, all.exit(), all.err());
    assertTrue(all.out().endsWith("2 versions: 2 valid\n"), all.out());

    // A version of another schema is refused as records, and checked as the JSON it published.
    Path old = dist.resolve("test-dataset/1.0.0");
    edit(old.resolve("manifest.json"), "\"schema_version\": \"" + Versions.SCHEMA + "\"", "\"schema_version\": \"9\"");
    GoldenTest.resum(old);
    Run single = GoldenTest.run("validate", old.toString());
    assertEquals(1, single.exit());
    assertTrue(single.err().contains("1.0.0/manifest.json:1:1: error[E-SCHEMA-VERSION]: this dataset's records follow schema version \"9\""), single.err());
    Run broken = GoldenTest.run("validate", dist.resolve("test-dataset").toString());
    assertEquals(1, broken.exit(), "its schemas are not in schema/9: " + broken.err());
    assertTrue(broken.err().contains("error[E-FILE-NOT-FOUND]: no schema/9/"), broken.err());
    assertTrue(broken.out().contains("1.0.1: valid,") && broken.out().endsWith("2 versions: 1 valid, 1 not valid\n"), broken.out());
    Files.move(old.resolve("schema/" + Versions.SCHEMA), old.resolve("schema/9"));
    Files.writeString(old.resolve("manifest.json"), Files.readString(old.resolve("manifest.json")).replace("schema/" + Versions.SCHEMA + "/", "schema/9/"));
    GoldenTest.resum(old);
    Run intact = GoldenTest.run("validate", dist.resolve("test-dataset").toString());
    assertEquals(0, intact.exit(), intact.err());
    assertTrue(intact.out().contains("1.0.0: intact (its checksums and its schema version 9 hold; this sourcebook's rules are for schema version " + Versions.SCHEMA + ")"), intact.out());
    assertTrue(intact.out().endsWith("2 versions: 1 valid, 1 intact of another schema version\n"), intact.out());
  }

  @Test
  void theChangelogKeepsOneEntryPerVersionNewestFirst() {
    String one = dev.sourcebook.release.Changelog.withEntry(null, "d", SemVer.parse("1.0.0"), "## 1.0.0\n\nfirst\n");
    String two = dev.sourcebook.release.Changelog.withEntry(one, "d", SemVer.parse("1.1.0"), "## 1.1.0\n\nsecond\n\n### statements\n\n- x\n");
    String again = dev.sourcebook.release.Changelog.withEntry(two, "d", SemVer.parse("1.1.0"), "## 1.1.0\n\nsecond, again\n");
    assertTrue(two.indexOf("## 1.1.0") < two.indexOf("## 1.0.0"), two);
    assertTrue(two.contains("### statements\n\n- x\n\n## 1.0.0\n\nfirst\n"), two);
    assertEquals(two.replace("second\n\n### statements\n\n- x\n", "second, again\n"), again);
  }

  @Test
  void aMalformedReleaseRecordIsADiagnostic() throws IOException {
    Path seeds = seeds();
    Files.createDirectories(seeds.resolve("releases"));
    Files.writeString(seeds.resolve("releases/1.0.0.json"), "{ \"version\": \"1.0.0\", \"version\": \"2.0.0\" }");
    Run r = GoldenTest.run("validate", seeds.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("releases/1.0.0.json:1:1: error[E-RELEASE-RECORD]"), r.err());
  }
}
