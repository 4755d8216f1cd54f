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
import dev.sourcebook.source.ArticleText;
import dev.sourcebook.source.Located;
import dev.sourcebook.source.Origin;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
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
    return read(dir, Progress.NONE);
  }

  public static DatasetResult read(Path dir, Progress progress) {
    return new DatasetReader(dir).run(progress);
  }

  private String shown(String file) {
    return dir + "/" + file;
  }

  private DatasetResult run(Progress progress) {
    JsonNode manifest = readManifest();
    if (manifest == null) return new DatasetResult(Optional.empty(), diagnostics);
    // Hibernate Validator and the schemas take a third of a second each to load: let them load
    // on the other core while the files are hashed.
    CompletableFuture<ConstraintCheck> starting = ConstraintCheck.starting();
    CompletableFuture<Schemas> loading = Schemas.starting();
    progress.stage("checking checksums");
    checkSums();
    progress.stage("reading the records, checking each against its schema");
    Schemas schemas = loading.join();
    List<Located<Article>> articles = records(RecordType.ARTICLE, Article.class, schemas);
    List<Located<Actor>> actors = records(RecordType.ACTOR, Actor.class, schemas);
    List<Located<Incident>> incidents = records(RecordType.INCIDENT, Incident.class, schemas);
    List<Located<Statement>> statements = records(RecordType.STATEMENT, Statement.class, schemas);
    List<Located<Outcome>> outcomes = records(RecordType.OUTCOME, Outcome.class, schemas);
    if (!diagnostics.isEmpty()) return new DatasetResult(Optional.empty(), diagnostics);

    Records records = new Records(articles, actors, incidents, statements, outcomes, Set.of());
    progress.stage("checking constraints");
    diagnostics.addAll(starting.join().check(records.all()));
    progress.stage("checking ids, references and quotes");
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
    progress.stage("checking the CSV tables, schemas and datapackage.json against the records");
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
        String actual = Sha256.hex(p);
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
    Path file = dir.resolve(type.file());
    if (!Files.isRegularFile(file)) {
      diagnostics.add(Diagnostic.error(Location.of(shown(type.file())), "E-FILE-NOT-FOUND", "no " + type.file()));
      return out;
    }
    try (JsonParser p = Json.MAPPER.createParser(file.toFile())) {
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
    Map<String, ArticleSpans> texts = new java.util.HashMap<>();
    records.articles().forEach(a -> texts.put(a.value().id(), new ArticleSpans(a.value().text())));
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

  /** An article's text, with its length in code points (the unit of offsets) counted once. */
  private record ArticleSpans(String text, int codePoints) {
    ArticleSpans(String text) {
      this(text, text.codePointCount(0, text.length()));
    }

    /** The text at code points {@code [start, end)}, which must lie within it. */
    String at(int start, int end) {
      return ArticleText.slice(text, codePoints, start, end);
    }
  }

  private void checkSpan(Location at, String id, Evidence e, Map<String, ArticleSpans> texts) {
    ArticleSpans text = texts.get(e.article());
    if (text == null) {
      diagnostics.add(Diagnostic.error(at, "E-UNKNOWN-ARTICLE", id + " cites unknown article '" + e.article() + "'"));
      return;
    }
    if (e.start() < 0 || e.start() > e.end() || e.end() > text.codePoints()) {
      diagnostics.add(Diagnostic.error(at, "E-QUOTE-OFFSET", id + ": offsets " + e.start() + ".." + e.end() + " are outside article " + e.article()));
      return;
    }
    if (!text.at(e.start(), e.end()).equals(e.quote())) {
      diagnostics.add(
          Diagnostic.error(at, "E-QUOTE-OFFSET", id + ": the text of " + e.article() + " at " + e.start() + ".." + e.end() + " is not the quote"));
    }
  }

  /**
   * The CSV tables, the schemas and datapackage.json are what the JSON records give, byte for
   * byte: each is made again and compared with the file as it is made, never held whole.
   */
  private void checkDerivedFiles(Dataset dataset, Schemas schemas, JsonNode manifest) {
    Map<String, Diagnostic> differences = new ConcurrentSkipListMap<>();
    try {
      DatasetFiles.writeDerived(
          dataset, schemas, manifest.path("compiler_version").asText(), name -> new Comparison(name, differences));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot read " + dir + ": " + e.getMessage()));
    }
    diagnostics.addAll(differences.values());
  }

  /**
   * Takes the bytes a file should hold and compares them with the file as they come; on close,
   * records where the file first differs (at most one diagnostic per file).
   */
  private final class Comparison extends OutputStream {
    private final String name;
    private final Map<String, Diagnostic> differences;
    private final InputStream actual;
    private final byte[] buffer = new byte[1 << 16];
    private int line = 1;
    private boolean differs;

    Comparison(String name, Map<String, Diagnostic> differences) throws IOException {
      this.name = name;
      this.differences = differences;
      InputStream in;
      try {
        in = new BufferedInputStream(Files.newInputStream(dir.resolve(name)), 1 << 16);
      } catch (NoSuchFileException e) {
        differences.put(name, Diagnostic.error(Location.of(shown(name)), "E-FILE-NOT-FOUND", "no " + name));
        in = null;
      }
      this.actual = in;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] expected, int off, int len) throws IOException {
      while (actual != null && !differs && len > 0) {
        int n = actual.readNBytes(buffer, 0, Math.min(len, buffer.length));
        for (int i = 0; i < n; i++) {
          if (buffer[i] != expected[off + i]) {
            different();
            return;
          }
          if (buffer[i] == '\n') line++;
        }
        if (n < Math.min(len, buffer.length)) {
          different(); // the file ends early
          return;
        }
        off += n;
        len -= n;
      }
    }

    @Override
    public void close() throws IOException {
      if (actual == null) return;
      if (!differs && actual.read() != -1) different(); // the file goes on
      actual.close();
    }

    private void different() {
      differs = true;
      differences.put(
          name,
          Diagnostic.error(
              new Location(shown(name), line, 1),
              "E-CSV-MISMATCH",
              name + " is not what the JSON records (and this compiler's schemas) give, from this line on"));
    }
  }
}
