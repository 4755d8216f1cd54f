package dev.sourcebook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.Schemas.RecordType;
import dev.sourcebook.check.ConstraintCheck;
import dev.sourcebook.check.IdCheck;
import dev.sourcebook.check.RecordIds;
import dev.sourcebook.check.Records;
import dev.sourcebook.check.ReferenceCheck;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Json;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import dev.sourcebook.source.Located;
import dev.sourcebook.source.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a built dataset back into the records, after verifying it: checksums, every record against
 * its JSON Schema and the model's constraints, ids and references, quotes at their offsets, and
 * the CSV tables and datapackage.json against what the JSON records give.
 */
public final class DatasetReader {
  private final Path dir;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private DatasetReader(Path dir) {
    this.dir = dir;
  }

  public static DatasetResult read(Path dir) {
    return new DatasetReader(dir).run();
  }

  private String shown(String file) {
    return dir + "/" + file;
  }

  private DatasetResult run() {
    JsonNode manifest = readManifest();
    if (manifest == null) return new DatasetResult(Optional.empty(), diagnostics);
    checkSums();
    Schemas schemas = new Schemas();
    List<Located<Article>> articles = records(RecordType.ARTICLE, Article.class, schemas);
    List<Located<Actor>> actors = records(RecordType.ACTOR, Actor.class, schemas);
    List<Located<Incident>> incidents = records(RecordType.INCIDENT, Incident.class, schemas);
    List<Located<Statement>> statements = records(RecordType.STATEMENT, Statement.class, schemas);
    List<Located<Outcome>> outcomes = records(RecordType.OUTCOME, Outcome.class, schemas);
    if (!diagnostics.isEmpty()) return new DatasetResult(Optional.empty(), diagnostics);

    Records records = new Records(articles, actors, incidents, statements, outcomes, Set.of());
    try (ConstraintCheck constraints = new ConstraintCheck()) {
      diagnostics.addAll(constraints.check(records.all()));
    }
    diagnostics.addAll(IdCheck.check(records));
    diagnostics.addAll(ReferenceCheck.check(records));
    checkOffsets(records);
    DatasetInfo info =
        new DatasetInfo(
            manifest.path("name").asText(),
            manifest.path("title").asText(),
            manifest.path("version").asText(),
            manifest.path("licence").asText(),
            readDescription());
    if (!diagnostics.isEmpty()) return new DatasetResult(Optional.empty(), diagnostics);

    Dataset dataset =
        new Dataset(
            info,
            Located.values(articles),
            Located.values(actors),
            Located.values(incidents),
            Located.values(statements),
            Located.values(outcomes));
    checkDerivedFiles(dataset, schemas, manifest);
    return new DatasetResult(diagnostics.isEmpty() ? Optional.of(dataset) : Optional.empty(), diagnostics);
  }

  private JsonNode readManifest() {
    try {
      return Json.MAPPER.readTree(Files.readAllBytes(dir.resolve(DatasetFiles.MANIFEST)));
    } catch (JsonProcessingException e) {
      diagnostics.add(Diagnostic.error(at(DatasetFiles.MANIFEST, e.getLocation()), "E-JSON-SYNTAX", e.getOriginalMessage()));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(DatasetFiles.MANIFEST)), "E-FILE-NOT-FOUND", "no manifest.json: " + dir + " is not a built dataset"));
    }
    return null;
  }

  private String readDescription() {
    try {
      JsonNode p = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve(DatasetFiles.DATAPACKAGE)));
      return p.hasNonNull("description") ? p.get("description").asText() : null;
    } catch (IOException e) {
      return null; // reported by the checksum and derived-file checks
    }
  }

  /** Every file is listed in SHA256SUMS with its hash, and nothing else is in the folder. */
  private void checkSums() {
    String sums;
    try {
      sums = Files.readString(dir.resolve(DatasetFiles.SUMS), StandardCharsets.UTF_8);
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(DatasetFiles.SUMS)), "E-FILE-NOT-FOUND", "no SHA256SUMS in " + dir));
      return;
    }
    Set<String> listed = new TreeSet<>();
    String[] lines = sums.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Location at = new Location(shown(DatasetFiles.SUMS), i + 1, 1);
      if (line.length() < 67 || !line.substring(64, 66).equals("  ")) {
        diagnostics.add(Diagnostic.error(at, "E-CHECKSUM", "not a line of sha256sum: '" + line + "'"));
        continue;
      }
      String file = line.substring(66);
      listed.add(file);
      Path p = dir.resolve(file).normalize();
      if (!p.startsWith(dir.normalize())) {
        diagnostics.add(Diagnostic.error(at, "E-PATH-OUTSIDE-SEEDS", "file '" + file + "' is outside the dataset folder"));
        continue;
      }
      try {
        String actual = Sha256.hex(Files.readAllBytes(p));
        if (!actual.equals(line.substring(0, 64))) {
          diagnostics.add(Diagnostic.error(at, "E-CHECKSUM", file + " has sha256 " + actual + ", not the one listed: the file was changed after the build"));
        }
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(at, "E-FILE-NOT-FOUND", "no file " + file));
      }
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals(DatasetFiles.SUMS) && !listed.contains(rel)) {
          diagnostics.add(Diagnostic.error(Location.of(shown(rel)), "E-CHECKSUM", rel + " is not listed in SHA256SUMS"));
        }
      }
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot list " + dir + ": " + e.getMessage()));
    }
  }

  /** The records of one JSON file, each checked against its schema and located at its line. */
  private <T> List<Located<T>> records(RecordType type, Class<T> cls, Schemas schemas) {
    List<Located<T>> out = new ArrayList<>();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(dir.resolve(type.file()));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(type.file())), "E-FILE-NOT-FOUND", "no " + type.file()));
      return out;
    }
    try (JsonParser p = Json.MAPPER.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        diagnostics.add(Diagnostic.error(Location.of(shown(type.file())), "E-WRONG-TYPE", type.file() + " must be an array of records"));
        return out;
      }
      for (int i = 0; p.nextToken() == JsonToken.START_OBJECT; i++) {
        Location at = at(type.file(), p.currentTokenLocation());
        JsonNode node = Json.MAPPER.readTree(p);
        List<String> errors = schemas.validate(type, node);
        for (String e : errors) {
          diagnostics.add(Diagnostic.error(at, "E-SCHEMA", "record /" + i + " fails " + Schemas.path(type) + ": " + e));
        }
        if (!errors.isEmpty()) continue;
        try {
          out.add(new Located<>(Json.MAPPER.treeToValue(node, cls), new Origin(at, Map.of())));
        } catch (JsonProcessingException e) {
          diagnostics.add(Diagnostic.error(at, "E-SCHEMA", "record /" + i + ": " + e.getOriginalMessage()));
        }
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(Diagnostic.error(at(type.file(), e.getLocation()), "E-JSON-SYNTAX", e.getOriginalMessage()));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(type.file())), "E-READ", e.getMessage()));
    }
    return out;
  }

  private Location at(String file, JsonLocation l) {
    return l == null || l.getLineNr() < 1
        ? Location.of(shown(file))
        : new Location(shown(file), l.getLineNr(), Math.max(1, l.getColumnNr()));
  }

  /** Every quote is the article text at its offsets. */
  private void checkOffsets(Records records) {
    Map<String, String> texts = new java.util.HashMap<>();
    records.articles().forEach(a -> texts.put(a.value().id(), a.value().text()));
    for (Located<Statement> s : records.statements()) {
      Statement st = s.value();
      checkSpan(s.origin().location(), st.id(), new Evidence(st.article(), st.quote(), st.start(), st.end()), texts);
    }
    Stream.of(records.actors(), records.incidents(), records.outcomes())
        .flatMap(List::stream)
        .forEach(
            r ->
                RecordIds.evidenceOf(r.value())
                    .forEach(e -> checkSpan(r.origin().location(), RecordIds.idOf(r.value()), e, texts)));
  }

  private void checkSpan(Location at, String id, Evidence e, Map<String, String> texts) {
    String text = texts.get(e.article());
    if (text == null) {
      diagnostics.add(Diagnostic.error(at, "E-UNKNOWN-ARTICLE", id + " cites unknown article '" + e.article() + "'"));
      return;
    }
    int length = text.codePointCount(0, text.length());
    if (e.start() > e.end() || e.end() > length) {
      diagnostics.add(Diagnostic.error(at, "E-QUOTE-OFFSET", id + ": offsets " + e.start() + ".." + e.end() + " are outside article " + e.article()));
      return;
    }
    int from = text.offsetByCodePoints(0, e.start());
    String words = text.substring(from, text.offsetByCodePoints(from, e.end() - e.start()));
    if (!words.equals(e.quote())) {
      diagnostics.add(
          Diagnostic.error(at, "E-QUOTE-OFFSET", id + ": the text of " + e.article() + " at " + e.start() + ".." + e.end() + " is not the quote"));
    }
  }

  /** The CSV tables and datapackage.json are what the JSON records give, byte for byte. */
  private void checkDerivedFiles(Dataset dataset, Schemas schemas, JsonNode manifest) {
    SortedMap<String, byte[]> expected =
        DatasetFiles.of(dataset, schemas, manifest.path("compiler_version").asText(), manifest.path("schema_version").asText());
    for (var e : expected.entrySet()) {
      String name = e.getKey();
      // The JSON records were read and checked above; SHA256SUMS and the manifest hold hashes.
      // Everything else (CSV, datapackage.json, the schemas) must be what the records give.
      boolean records = java.util.Arrays.stream(RecordType.values()).anyMatch(t -> t.file().equals(name));
      if (records || name.equals(DatasetFiles.SUMS) || name.equals(DatasetFiles.MANIFEST)) {
        continue;
      }
      byte[] actual;
      try {
        actual = Files.readAllBytes(dir.resolve(name));
      } catch (IOException ex) {
        diagnostics.add(Diagnostic.error(Location.of(shown(name)), "E-FILE-NOT-FOUND", "no " + name));
        continue;
      }
      if (!java.util.Arrays.equals(actual, e.getValue())) {
        int line = firstDifferentLine(actual, e.getValue());
        diagnostics.add(
            Diagnostic.error(
                new Location(shown(name), line, 1),
                "E-CSV-MISMATCH",
                name + " is not what the JSON records (and this compiler's schemas) give, from this line on"));
      }
    }
  }

  private static int firstDifferentLine(byte[] a, byte[] b) {
    int line = 1;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] != b[i]) return line;
      if (a[i] == '\n') line++;
    }
    return line;
  }
}
