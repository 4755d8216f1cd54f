package dev.sourcebook.reader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.check.Records;
import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Versions;
import dev.sourcebook.json.Schemas.RecordType;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Characters;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.Ids;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import dev.sourcebook.source.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The front end for a built dataset: checks the folder as a whole (exactly the files of a dataset,
 * each a regular file with the sha256 that SHA256SUMS and the manifest give, the record counts the
 * manifest gives) and reads its JSON records, each checked against its schema and located at its
 * values. The rules of validity run on what it gives, as on what the seeds give.
 */
public final class DatasetFolderReader {
  /**
   * What the folder gave: the records (null when they could not be read), the manifest, the
   * sha256 of each file but the manifest and SHA256SUMS, as hashed, and the diagnostics: those
   * of the folder, and apart those of the JSON Schemas, of which the caller drops what a rule
   * reports too (same place, same code), so that one mistake is said once.
   */
  public record Result(
      Records records, JsonNode manifest, Map<String, String> sums, List<Diagnostic> diagnostics, List<Diagnostic> schemaDiagnostics) {}

  private final Path dir;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Diagnostic> schemaDiagnostics = new ArrayList<>();
  /** The files a built dataset must hold. */
  private final SortedSet<String> expected = DatasetFiles.names();
  /** Those and the files it may hold, and nothing else. */
  private final SortedSet<String> allowed = allowed();

  private static SortedSet<String> allowed() {
    SortedSet<String> names = DatasetFiles.names();
    names.add(DatasetFiles.CHANGES);
    return names;
  }

  /**
   * A page of the report site, by the names the site gives its pages (ids are slugs): which pages
   * a dataset has is checked against its records when this compiler made it (DerivedFiles).
   */
  private static final java.util.regex.Pattern SITE_PAGE =
      java.util.regex.Pattern.compile("site/((articles|actors|incidents)/[a-z0-9]+(-[a-z0-9]+)*\\.html|[a-z]+(-[a-z]+)*\\.(html|css|js))");

  private boolean allowed(String file) {
    return allowed.contains(file) || SITE_PAGE.matcher(file).matches();
  }

  /** The site's pages the folder holds. */
  private final SortedSet<String> sitePages = new TreeSet<>();
  /** sha256 of each file, as hashed while checking SHA256SUMS. */
  private final Map<String, String> hashed = new TreeMap<>();
  /** Ids of records that could not be read (reported): a reference to one is not reported again. */
  private final Set<String> unbound = new TreeSet<>();
  /** False when a records file could not be read at all: then no reference is reported as unknown. */
  private boolean complete = true;
  /** Records in each JSON file, those that fail to bind included: what the manifest counts. */
  private final Map<RecordType, Integer> counted = new java.util.EnumMap<>(RecordType.class);

  private DatasetFolderReader(Path dir) {
    this.dir = dir;
  }

  public static Result read(Path dir, Schemas schemas, Progress progress) {
    return new DatasetFolderReader(dir).run(schemas, progress);
  }

  private String shown(String file) {
    return dir + "/" + file;
  }

  private Result run(Schemas schemas, Progress progress) {
    JsonNode manifest = readManifest();
    if (manifest == null) return new Result(null, null, Map.of(), diagnostics, List.of());
    JsonNode schemaVersion = manifest.path("schema_version");
    if (!schemaVersion.isTextual() || !schemaVersion.asText().equals(Versions.SCHEMA)) {
      // Its records follow other schemas: reading them by these would report a mistake in every one.
      diagnostics.add(
          Diagnostic.error(
              Location.of(shown(DatasetFiles.MANIFEST)), "E-SCHEMA-VERSION",
              "this dataset's records follow schema version " + Characters.escape(schemaVersion.toString()) + " (compiler "
                  + Characters.escape(manifest.path("compiler_version").toString()) + "); this sourcebook (" + Versions.COMPILER
                  + ") reads schema version " + Versions.SCHEMA + " only: read it with a sourcebook of its schema version"));
      return new Result(null, manifest, Map.of(), diagnostics, List.of());
    }
    progress.stage("checking checksums");
    checkFiles();
    checkSums();
    checkManifestFiles(manifest);
    progress.stage("reading the records, checking each against its schema");
    List<Located<Article>> articles = records(RecordType.ARTICLE, Article.class, schemas);
    List<Located<Actor>> actors = records(RecordType.ACTOR, Actor.class, schemas);
    List<Located<Incident>> incidents = records(RecordType.INCIDENT, Incident.class, schemas);
    List<Located<Statement>> statements = records(RecordType.STATEMENT, Statement.class, schemas);
    List<Located<Outcome>> outcomes = records(RecordType.OUTCOME, Outcome.class, schemas);
    checkCounts(manifest);
    Records records =
        new Records(info(manifest), articles, actors, incidents, statements, outcomes, unbound, complete, true, Map.of(), Set.of());
    Map<String, String> sums = new TreeMap<>();
    hashed.forEach((file, sum) -> {
      if (sum != null && !file.equals(DatasetFiles.MANIFEST) && !file.equals(DatasetFiles.SUMS)) sums.put(file, sum);
    });
    return new Result(records, manifest, sums, diagnostics, schemaDiagnostics);
  }

  private JsonNode readManifest() {
    String name = DatasetFiles.MANIFEST;
    if (!regular(name, Location.of(shown(name))) || !small(name)) return null;
    try {
      return STRICT.readTree(Files.readAllBytes(dir.resolve(name)));
    } catch (JsonProcessingException e) {
      diagnostics.add(Diagnostic.error(LocatedJson.at(shown(name), e.getLocation()), "E-JSON-SYNTAX", Diagnostics.message(e.getOriginalMessage())));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(name)), "E-READ", "cannot read " + shown(name) + ": " + e.getMessage()));
    }
    return null;
  }

  /** A strict reader for the small JSON files: no key twice, nothing after the value. */
  private static final com.fasterxml.jackson.databind.ObjectReader STRICT =
      Json.MAPPER.reader()
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** The manifest, SHA256SUMS and datapackage.json are read whole: they may not be large. */
  private boolean small(String file) {
    try {
      long size = Files.size(dir.resolve(file));
      if (size <= Limits.LISTING_BYTES) return true;
      diagnostics.add(
          Diagnostic.error(
              Location.of(shown(file)), "E-FILE-TOO-LARGE", file + " is " + size + " bytes; the limit is " + Limits.LISTING_BYTES));
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(file)), "E-READ", "cannot read " + shown(file) + ": " + e.getMessage()));
    }
    return false;
  }

  /**
   * True when {@code file} is a regular file of the folder, not a link; else reported at {@code at}.
   * A link could lead anywhere; a FIFO or a device would never end.
   */
  private boolean regular(String file, Location at) {
    Path p = dir.resolve(file);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      diagnostics.add(Diagnostic.error(at, "E-FILE-NOT-FOUND", "no " + file + " in " + dir + (file.equals(DatasetFiles.MANIFEST) ? ": it is not a built dataset" : "")));
      return false;
    }
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      diagnostics.add(Diagnostic.error(at, "E-NOT-A-FILE", file + " is not a regular file (a link, a FIFO or a device); a built dataset holds only files"));
      return false;
    }
    return true;
  }

  /** The folder holds the files of a dataset and nothing else. */
  private void checkFiles() {
    SortedSet<String> present = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        present.add(rel);
        if (allowed(rel) && !allowed.contains(rel)) sitePages.add(rel);
        if (!allowed(rel)) {
          diagnostics.add(
              Diagnostic.error(
                  Location.of(shown(rel)), "E-UNEXPECTED-FILE", rel + " is not a file of a built dataset; a dataset folder holds only what sourcebook wrote"));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      diagnostics.add(Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot list " + dir + ": " + e.getMessage()));
    }
    for (String name : expected) {
      if (!present.contains(name) && !name.equals(DatasetFiles.MANIFEST)) {
        diagnostics.add(Diagnostic.error(Location.of(shown(name)), "E-FILE-NOT-FOUND", "no " + name + " in " + dir));
      }
    }
  }

  /** Every file of the dataset is listed in SHA256SUMS with its hash. */
  private void checkSums() {
    if (!Files.isRegularFile(dir.resolve(DatasetFiles.SUMS), LinkOption.NOFOLLOW_LINKS)) return; // reported by checkFiles
    if (!small(DatasetFiles.SUMS)) return;
    String sums;
    try {
      sums = new String(Files.readAllBytes(dir.resolve(DatasetFiles.SUMS)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(DatasetFiles.SUMS)), "E-READ", "cannot read " + shown(DatasetFiles.SUMS) + ": " + e.getMessage()));
      return;
    }
    Set<String> listed = new TreeSet<>();
    String[] lines = sums.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Location at = new Location(shown(DatasetFiles.SUMS), i + 1, 1);
      if (line.length() < 67 || !line.substring(64, 66).equals("  ")) {
        String shownLine = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        diagnostics.add(Diagnostic.error(at, "E-CHECKSUM", "not a line of sha256sum: '" + shownLine + "'"));
        continue;
      }
      String file = line.substring(66);
      if (!allowed(file) || file.equals(DatasetFiles.SUMS)) {
        diagnostics.add(
            Diagnostic.error(at, "E-UNEXPECTED-FILE", "SHA256SUMS lists '" + file + "', which is not a file of a built dataset"));
        continue;
      }
      if (!listed.add(file)) {
        diagnostics.add(Diagnostic.error(at, "E-CHECKSUM", "SHA256SUMS lists " + file + " twice"));
        continue;
      }
      String actual = hash(file, at);
      if (actual != null && !actual.equals(line.substring(0, 64))) {
        diagnostics.add(Diagnostic.error(at, "E-CHECKSUM", file + " has sha256 " + actual + ", not the one listed: the file was changed after the build"));
      }
    }
    for (String name : allowedOrPresent()) {
      if (!name.equals(DatasetFiles.SUMS) && !listed.contains(name) && Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        diagnostics.add(Diagnostic.error(Location.of(shown(name)), "E-CHECKSUM", name + " is not listed in SHA256SUMS"));
      }
    }
  }

  /** The files a dataset may hold, and the site's pages it holds. */
  private SortedSet<String> allowedOrPresent() {
    SortedSet<String> names = new TreeSet<>(allowed);
    names.addAll(sitePages);
    return names;
  }

  /** The sha256 of a regular file of the folder, hashed once; null when it is not one (reported). */
  private String hash(String file, Location at) {
    if (hashed.containsKey(file)) return hashed.get(file);
    if (!regular(file, at)) {
      hashed.put(file, null);
      return null;
    }
    try {
      String sum = Sha256.hex(dir.resolve(file));
      hashed.put(file, sum);
      return sum;
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(at, "E-READ", "cannot read " + file + ": " + e.getMessage()));
      hashed.put(file, null);
      return null;
    }
  }

  /** The manifest's "files" are the files of the dataset but itself and SHA256SUMS, with their hashes. */
  private void checkManifestFiles(JsonNode manifest) {
    Location at = Location.of(shown(DatasetFiles.MANIFEST));
    JsonNode files = manifest.path("files");
    Set<String> named = new TreeSet<>();
    for (Iterator<String> it = files.fieldNames(); it.hasNext(); ) {
      String file = it.next();
      named.add(file);
      String actual = allowed(file) ? hash(file, at) : null;
      if (!allowed(file) || file.equals(DatasetFiles.MANIFEST) || file.equals(DatasetFiles.SUMS)) {
        diagnostics.add(Diagnostic.error(at, "E-MANIFEST", "manifest.json lists '" + file + "', which it may not list"));
      } else if (actual != null && !actual.equals(files.path(file).asText())) {
        diagnostics.add(Diagnostic.error(at, "E-MANIFEST", "manifest.json gives " + file + " another sha256 than the file has"));
      }
    }
    for (String name : allowedOrPresent()) {
      boolean held = expected.contains(name) || Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS);
      if (held && !name.equals(DatasetFiles.MANIFEST) && !name.equals(DatasetFiles.SUMS) && !named.contains(name)) {
        diagnostics.add(Diagnostic.error(at, "E-MANIFEST", "manifest.json does not list " + name));
      }
    }
  }

  /** The manifest's record counts are the numbers of records read. */
  private void checkCounts(JsonNode manifest) {
    Location at = Location.of(shown(DatasetFiles.MANIFEST));
    for (RecordType type : RecordType.values()) {
      if (!counted.containsKey(type)) continue; // the file could not be read: reported
      String key = type.file().replace(".json", "");
      JsonNode given = manifest.path("records").path(key);
      if (!given.isInt() || given.intValue() != counted.get(type)) {
        diagnostics.add(
            Diagnostic.error(
                at, "E-MANIFEST", "manifest.json gives " + (given.isMissingNode() ? "no count" : given.toString()) + " " + key
                    + ", but " + type.file() + " holds " + counted.get(type)));
      }
    }
  }

  /** The dataset's name, title, version and licence from the manifest; the description from datapackage.json. */
  private Located<DatasetInfo> info(JsonNode manifest) {
    String description = null;
    if (Files.isRegularFile(dir.resolve(DatasetFiles.DATAPACKAGE), LinkOption.NOFOLLOW_LINKS) && small(DatasetFiles.DATAPACKAGE)) {
      try {
        JsonNode p = STRICT.readTree(Files.readAllBytes(dir.resolve(DatasetFiles.DATAPACKAGE)));
        description = p.hasNonNull("description") ? p.get("description").asText() : null;
      } catch (IOException e) {
        // a datapackage.json that does not parse is reported by the derived-file comparison
      }
    }
    DatasetInfo info =
        new DatasetInfo(text(manifest, "name"), text(manifest, "title"), text(manifest, "version"), text(manifest, "licence"), description);
    return new Located<>(info, new Origin(Location.of(shown(DatasetFiles.MANIFEST)), Map.of()));
  }

  private static String text(JsonNode node, String key) {
    return node.hasNonNull(key) && node.get(key).isTextual() ? node.get(key).asText() : null;
  }

  /**
   * The records of one JSON file, each checked against its schema and located at its values. The
   * JSON is read strictly: a key twice in one object, or anything after the array, is an error,
   * since another reader could take the other value or the rest.
   */
  private <T> List<Located<T>> records(RecordType type, Class<T> cls, Schemas schemas) {
    List<Located<T>> out = new ArrayList<>();
    if (!Files.isRegularFile(dir.resolve(type.file()), LinkOption.NOFOLLOW_LINKS)) { // reported by checkFiles
      complete = false;
      return out;
    }
    try (InputStream in = Files.newInputStream(dir.resolve(type.file()));
        JsonParser p = Json.MAPPER.createParser(in)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      if (p.nextToken() != JsonToken.START_ARRAY) {
        diagnostics.add(Diagnostic.error(Location.of(shown(type.file())), "E-WRONG-TYPE", type.file() + " must be an array of records"));
        complete = false;
        return out;
      }
      String shown = shown(type.file());
      LocatedJson json = new LocatedJson(shown);
      int i = 0;
      for (; p.nextToken() == JsonToken.START_OBJECT; i++) {
        Location at = LocatedJson.at(shown, p.currentTokenLocation());
        Map<String, Location> paths = new HashMap<>();
        JsonNode node = json.read(p, paths);
        Origin origin = new Origin(at, paths);
        List<Schemas.Violation> violations = schemas.violations(type, node);
        for (Schemas.Violation v : violations) {
          schemaDiagnostics.add(
              Diagnostic.error(origin.at(v.path()), code(v), "record /" + i + " fails " + Schemas.path(type) + ": " + v));
        }
        // A record that binds goes to the rules even when its schema refuses it: the rules are
        // what the seeds are held to, so each problem is reported with the code the seeds give.
        try {
          out.add(new Located<>(Json.MAPPER.treeToValue(node, cls), origin));
        } catch (JsonProcessingException | RuntimeException e) {
          if (node.path("id").isTextual()) unbound.add(node.path("id").asText());
          if (violations.isEmpty()) {
            diagnostics.add(
                Diagnostic.error(at, "E-SCHEMA", "record /" + i + " of " + type.file() + " cannot be read as a record: " + message(e)));
          }
        }
      }
      if (p.currentToken() != JsonToken.END_ARRAY) {
        diagnostics.add(
            Diagnostic.error(
                LocatedJson.at(shown(type.file()), p.currentTokenLocation()), "E-WRONG-TYPE", type.file() + " must be an array of records (objects)"));
        complete = false;
      } else if (p.nextToken() != null) {
        diagnostics.add(
            Diagnostic.error(
                LocatedJson.at(shown(type.file()), p.currentTokenLocation()), "E-JSON-SYNTAX", "more JSON after the array of records; a file holds one array"));
        complete = false;
      } else {
        counted.put(type, i);
      }
    } catch (JsonProcessingException e) {
      diagnostics.add(Diagnostic.error(LocatedJson.at(shown(type.file()), e.getLocation()), "E-JSON-SYNTAX", Diagnostics.message(e.getOriginalMessage())));
      complete = false;
    } catch (IOException e) {
      diagnostics.add(Diagnostic.error(Location.of(shown(type.file())), "E-READ", "cannot read " + shown(type.file()) + ": " + e.getMessage()));
      complete = false;
    }
    return out;
  }

  /**
   * The code a seeds folder gives for the same mistake, so that both paths say it alike: an unknown
   * code is E-UNKNOWN-VALUE, an unknown key E-UNKNOWN-FIELD, and so on; E-SCHEMA for the rest.
   */
  private static String code(Schemas.Violation v) {
    return switch (v.keyword()) {
      case "enum", "const" -> "E-UNKNOWN-VALUE";
      case "additionalProperties", "unevaluatedProperties" -> "E-UNKNOWN-FIELD";
      case "required" -> "E-MISSING-FIELD";
      case "type" -> v.nullValue() ? "E-MISSING-FIELD" : "E-WRONG-TYPE";
      case "pattern" -> Ids.PATTERN.equals(v.pattern()) ? "E-ID-FORMAT" : "E-FORMAT";
      case "minLength" -> "E-BLANK";
      case "minItems" -> "E-EMPTY-LIST";
      case "minimum", "maximum", "maxLength", "maxItems" -> "E-INVALID";
      default -> "E-SCHEMA";
    };
  }

  /** Jackson's own words where they help; never a Java exception's, which speak of code, not data. */
  private static String message(Exception e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException) {
      return "a list, or an item of a list, is null";
    }
    if (e instanceof JsonProcessingException j && j.getOriginalMessage() != null) {
      String m = j.getOriginalMessage();
      int cut = m.indexOf(" at [Source");
      return (cut > 0 ? m.substring(0, cut) : m).lines().findFirst().orElse(m);
    }
    return "it does not have the shape of the record";
  }
}
