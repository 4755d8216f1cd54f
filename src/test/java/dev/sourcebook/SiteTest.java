package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourcebook.GoldenTest.Run;
import dev.sourcebook.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report site as validate and the site command hold it (the browser check is scripts/check-site.sh). */
class SiteTest {
  @TempDir Path temp;

  @Test
  void aPageChangedAfterTheBuildIsFoundEvenWithItsChecksumsRewritten() throws IOException {
    Path folder = GoldenTest.build("ok-minimal", temp);
    Path page = folder.resolve("site/articles/test-article.html");
    Files.writeString(page, Files.readString(page).replace("<h1>", "<h1><img src=x onerror=alert(1)>"));
    GoldenTest.resum(folder);
    Run r = GoldenTest.run("validate", folder.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("site/articles/test-article.html:") && r.err().contains("error[E-SITE-MISMATCH]"), r.err());
  }

  @Test
  void aPageMissingOrAddedIsFound() throws IOException {
    Path folder = GoldenTest.build("ok-minimal", temp);
    Files.delete(folder.resolve("site/actors/the-man.html"));
    Files.writeString(folder.resolve("site/actors/somebody-else.html"), "<p>not made by sourcebook</p>\n");
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(folder.resolve("manifest.json").toFile());
    ObjectNode files = (ObjectNode) manifest.get("files");
    files.remove("site/actors/the-man.html");
    files.put("site/actors/somebody-else.html", "");
    Files.write(folder.resolve("manifest.json"), Json.bytes(manifest));
    GoldenTest.resum(folder);
    Run r = GoldenTest.run("validate", folder.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("error[E-FILE-NOT-FOUND]: no site/actors/the-man.html"), r.err());
    assertTrue(r.err().contains("error[E-UNEXPECTED-FILE]: site/actors/somebody-else.html is not a page of this dataset's report site"), r.err());
  }

  @Test
  void aPublishedFolderWithoutASiteGetsOneOnlyOutsideIt() throws IOException {
    Path folder = GoldenTest.build("ok-minimal", temp);
    // As a compiler before 0.5.0 published it: no site.
    TestFiles.deleteTree(folder.resolve("site"));
    ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(folder.resolve("manifest.json").toFile());
    ((ObjectNode) manifest.get("files")).properties().removeIf(e -> e.getKey().startsWith("site/"));
    manifest.put("compiler_version", "0.4.0");
    Files.write(folder.resolve("manifest.json"), Json.bytes(manifest));
    Path datapackage = folder.resolve("datapackage.json");
    Files.writeString(datapackage, Files.readString(datapackage).replace("sourcebook " + dev.sourcebook.json.Versions.COMPILER, "sourcebook 0.4.0"));
    GoldenTest.resum(folder);
    assertEquals(0, GoldenTest.run("validate", folder.toString()).exit(), "another compiler's folder without a site is valid");

    Run refused = GoldenTest.run("site", folder.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("error[E-SITE-OUT]"), refused.err());
    assertTrue(Files.notExists(folder.resolve("site")), "the published folder is as it was");

    Path out = temp.resolve("report");
    Run made = GoldenTest.run("site", folder.toString(), "--out", out.toString());
    assertEquals(0, made.exit(), made.err());
    assertTrue(made.out().contains("site " + out + ": "), made.out());
    String index = Files.readString(out.resolve("index.html"));
    // The downloads lead back to the dataset's folder.
    assertTrue(index.contains("href=\"../dist/test-dataset/1.0.0/articles.json\""), index);
    assertTrue(Files.readString(out.resolve("articles/test-article.html")).contains("<mark id=\"example-taken-away\" class=\"statement\""));

    Files.writeString(temp.resolve("notes.txt"), "mine\n");
    Run notASite = GoldenTest.run("site", folder.toString(), "--out", temp.toString());
    assertEquals(1, notASite.exit());
    assertTrue(notASite.err().contains("is not a report site this command wrote"), notASite.err());
  }
}
