package dev.sourcebook.emit;

import dev.sourcebook.check.Sha256;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Schemas.RecordType;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.model.Dataset;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of a built dataset by relative path, written to a folder or kept in memory: the same
 * dataset always gives the same bytes. Every JSON record is checked against its schema as it is
 * written; one that fails is a bug of the compiler, not of the data.
 */
public final class DatasetFiles {
  private DatasetFiles() {}

  public static final String MANIFEST = "manifest.json";
  public static final String SUMS = "SHA256SUMS";
  public static final String DATAPACKAGE = "datapackage.json";
  /** The changelog entry of a released version: in the folder of every version released with one. */
  public static final String CHANGES = "CHANGES.md";
  /** The folder of the report site's pages, which the manifest and SHA256SUMS list too. */
  public static final String SITE = "site/";

  /**
   * Every data file a built dataset must hold, by relative path, sorted; {@link #CHANGES} may be
   * there too, and the pages of its report site (under {@link #SITE}), and nothing else.
   */
  public static java.util.SortedSet<String> names() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>(List.of(MANIFEST, SUMS, DATAPACKAGE, Sqlite.FILE));
    for (RecordType type : RecordType.values()) {
      names.add(type.file());
      names.add("schema/" + Schemas.path(type));
    }
    for (Table t : Tables.ALL) names.add(t.file());
    return names;
  }

  private static SchemaViolation schemaViolation(List<String> violations) {
    return new SchemaViolation(
        "the compiler made records that fail their own JSON Schema (a bug in sourcebook):\n  "
            + String.join("\n  ", violations.stream().sorted().toList()));
  }

  /** A record the compiler emitted that its own schema refuses. */
  public static final class SchemaViolation extends IllegalStateException {
    public SchemaViolation(String message) {
      super(message);
    }
  }

  /**
   * Where the files go, one stream per file: a folder, or memory. Several files may be open at
   * once, each on its own thread; the stream is closed by the caller.
   */
  @FunctionalInterface
  public interface Sink {
    OutputStream create(String path) throws IOException;
  }

  /** The files as bytes by relative path. */
  public static SortedMap<String, byte[]> of(
      Dataset d, Schemas schemas, String compilerVersion, String schemaVersion, Provenance provenance, Pages pages) {
    Map<String, ByteArrayOutputStream> made = new ConcurrentHashMap<>();
    try {
      write(d, schemas, compilerVersion, schemaVersion, provenance, pages, path -> made.computeIfAbsent(path, p -> new ByteArrayOutputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    made.forEach((path, bytes) -> files.put(path, bytes.toByteArray()));
    return files;
  }

  /**
   * The sha256 of every file the dataset would have, by relative path, the files made and hashed
   * as they go and never kept: what a release record pins, without the memory of {@link #of}.
   */
  public static SortedMap<String, String> sums(
      Dataset d, Schemas schemas, String compilerVersion, String schemaVersion, Provenance provenance, Pages pages) {
    try {
      return write(d, schemas, compilerVersion, schemaVersion, provenance, pages, path -> OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("hashing the files", e);
    }
  }

  /**
   * Writes every file of the dataset to {@code sink}, the records as they are made, so that no
   * file is ever held whole, and gives the sha256 of every file by path. Throws {@link
   * SchemaViolation} after the files, if a record failed its schema: the caller then discards
   * what was written.
   */
  public static SortedMap<String, String> write(
      Dataset d, Schemas schemas, String compilerVersion, String schemaVersion, Provenance provenance, Pages pages, Sink sink)
      throws IOException {
    Map<RecordType, List<?>> records = new LinkedHashMap<>();
    records.put(RecordType.ARTICLE, d.articles());
    records.put(RecordType.ACTOR, d.actors());
    records.put(RecordType.INCIDENT, d.incidents());
    records.put(RecordType.STATEMENT, d.statements());
    records.put(RecordType.OUTCOME, d.outcomes());
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    Map<String, Writing> tasks = new LinkedHashMap<>();
    records.forEach(
        (type, list) ->
            tasks.put(
                type.file(),
                out ->
                    Json.writeArray(
                        list,
                        (node, i) -> {
                          for (String v : schemas.validate(type, node)) {
                            violations.add(type.file() + " /" + i + " (" + node.path("id").asText() + "): " + v);
                          }
                        },
                        out)));
    tasks.putAll(derived(d, schemas, compilerVersion, violations));
    // The pages that follow from the records alone are made while the data files are, on the
    // cores that the longest of those (the database) leaves idle.
    List<Map<String, Written>> made;
    try {
      made = Parallel.run(List.of(() -> writeAll(tasks, sink), () -> sitePages(sink, out -> pages.writeFromRecords(d, compilerVersion, out))), 2, "sourcebook-write");
    } catch (IOException | RuntimeException e) {
      // A record that fails its schema is what to say first, whatever failed beside it (a page of it).
      if (violations.isEmpty()) throw e;
      SchemaViolation v = schemaViolation(violations);
      v.addSuppressed(e);
      throw v;
    }
    Map<String, Written> files = made.get(0);
    // datapackage.json names the tables' sizes and hashes: written after them.
    files.put(DATAPACKAGE, written(sink, DATAPACKAGE, datapackage(d, compilerVersion, files)));
    SortedMap<String, String> sums = new TreeMap<>();
    files.forEach((path, w) -> sums.put(path, w.sha256()));
    if (!violations.isEmpty()) throw schemaViolation(violations);

    if (provenance.changes() != null) {
      byte[] changes = provenance.changes().getBytes(StandardCharsets.UTF_8);
      sums.put(CHANGES, written(sink, CHANGES, changes).sha256());
    }
    SortedMap<String, String> dataFiles = Collections.unmodifiableSortedMap(new TreeMap<>(sums));
    made.get(1).forEach((path, w) -> sums.put(path, w.sha256()));
    sitePages(sink, out -> pages.writeIndex(d, dataFiles, provenance.changes(), compilerVersion, out)).forEach((path, w) -> sums.put(path, w.sha256()));
    byte[] manifest = manifest(d, schemaVersion, compilerVersion, provenance.inputsSha256(), sums);
    sums.put(MANIFEST, written(sink, MANIFEST, manifest).sha256());

    StringBuilder lines = new StringBuilder();
    sums.forEach((name, sum) -> lines.append(sum).append("  ").append(name).append('\n'));
    sums.put(SUMS, written(sink, SUMS, lines.toString().getBytes(StandardCharsets.UTF_8)).sha256());
    return sums;
  }

  /**
   * {@code manifest.json}: the dataset's name, version and licence, the versions of the schemas
   * and the compiler, the digest of the seeds it came from (when known), the record counts and the
   * sha256 of every other file ({@code sums}, which holds neither the manifest nor SHA256SUMS).
   */
  public static byte[] manifest(Dataset d, String schemaVersion, String compilerVersion, String inputsSha256, Map<String, String> sums) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", d.info().name());
    manifest.put("title", d.info().title());
    manifest.put("version", d.info().version());
    manifest.put("licence", d.info().licence());
    manifest.put("schema_version", schemaVersion);
    manifest.put("compiler_version", compilerVersion);
    if (inputsSha256 != null) manifest.put("inputs_sha256", inputsSha256);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("articles", d.articles().size());
    counts.put("actors", d.actors().size());
    counts.put("incidents", d.incidents().size());
    counts.put("statements", d.statements().size());
    counts.put("outcomes", d.outcomes().size());
    manifest.put("records", counts);
    manifest.put("files", new TreeMap<>(sums));
    return Json.bytes(manifest);
  }

  /**
   * Writes the files that follow from the records alone (the CSV tables, the schemas and
   * datapackage.json) to {@code sink}: what a reader of a built dataset compares with the files
   * it was given.
   */
  public static void writeDerived(Dataset d, Schemas schemas, String compilerVersion, Sink sink) throws IOException {
    // What is wrong with records read back is the rules' to say; here only the bytes matter.
    Map<String, Written> files = writeAll(derived(d, schemas, compilerVersion, Collections.synchronizedList(new ArrayList<>())), sink);
    written(sink, DATAPACKAGE, datapackage(d, compilerVersion, files));
  }

  /**
   * Writes the report site's pages to {@code sink}, as {@link #write} makes them from the data
   * files' sha256 ({@code files}: every file but the pages, the manifest and SHA256SUMS) and the
   * changelog entry: what a reader of a built dataset compares with the pages it was given.
   */
  public static SortedMap<String, String> writePages(
      Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, Pages pages, Sink sink) throws IOException {
    SortedMap<String, String> sums = new TreeMap<>();
    sitePages(sink, out -> pages.write(d, files, changes, compilerVersion, out)).forEach((path, w) -> sums.put(path, w.sha256()));
    return sums;
  }

  /** Writes the pages that {@code making} makes (each under {@link #SITE}) and gives each one's sha256 and size by path. */
  private static Map<String, Written> sitePages(Sink sink, PageMaking making) throws IOException {
    Map<String, Written> made = new ConcurrentHashMap<>();
    try {
      making.to((path, bytes) -> made.put(SITE + path, written(sink, SITE + path, bytes)));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return made;
  }

  /** Makes pages of the report site. */
  @FunctionalInterface
  private interface PageMaking {
    void to(Pages.Out out) throws IOException;
  }

  /** The files that follow from the records; what the database's constraints refuse goes to {@code violations}. */
  private static Map<String, Writing> derived(Dataset d, Schemas schemas, String compilerVersion, List<String> violations) {
    Map<String, Writing> tasks = new LinkedHashMap<>();
    for (Table t : Tables.ALL) tasks.put(t.file(), out -> Csv.write(t, d, out));
    for (RecordType type : RecordType.values()) {
      tasks.put("schema/" + Schemas.path(type), out -> out.write(schemas.bytes(type)));
    }
    tasks.put(Sqlite.FILE, out -> Sqlite.write(d, violations, out));
    return tasks;
  }

  /** A file written: its sha256 and its size in bytes. */
  record Written(String sha256, long bytes) {}

  /** datapackage.json, made whole like the other small files written after the tables. */
  private static byte[] datapackage(Dataset d, String compilerVersion, Map<String, Written> files) {
    return Json.bytes(DataPackage.descriptor(d.info(), compilerVersion, files));
  }

  /**
   * Makes each file on a pool of one thread per core, so that the files are made on all cores,
   * and gives their sha256 by path. What the files hold does not depend on the order.
   */
  private static Map<String, Written> writeAll(Map<String, Writing> tasks, Sink sink) throws IOException {
    List<String> paths = new ArrayList<>(tasks.keySet());
    paths.sort(Comparator.comparingInt(DatasetFiles::startRank));
    List<Parallel.Task<Written>> writes = new ArrayList<>();
    for (String path : paths) writes.add(() -> written(sink, path, tasks.get(path)));
    List<Written> done = Parallel.run(writes, Runtime.getRuntime().availableProcessors(), "sourcebook-files");
    Map<String, Written> sums = new TreeMap<>();
    for (int i = 0; i < paths.size(); i++) sums.put(paths.get(i), done.get(i));
    return sums;
  }

  /**
   * The files that take longest to make, longest first: the pool starts them first, so that none
   * is left to run alone at the end (at 10k articles: the database 3 s, statements.json 1.5 s,
   * articles.json and incidents.json 0.8 s, a table at most 0.5 s).
   */
  private static final List<String> LONGEST = List.of(Sqlite.FILE, RecordType.STATEMENT.file(), RecordType.ARTICLE.file(), RecordType.INCIDENT.file());

  private static int startRank(String path) {
    int rank = LONGEST.indexOf(path);
    return rank < 0 ? LONGEST.size() : rank;
  }

  /** Writes one file's bytes to a stream. */
  @FunctionalInterface
  private interface Writing {
    void to(OutputStream out) throws IOException;
  }

  /**
   * Writes one file made already to the sink and gives its sha256 and size: no buffer of its own
   * (20,000 pages took as many buffers of 64 KB).
   */
  private static Written written(Sink sink, String path, byte[] bytes) {
    try (OutputStream out = sink.create(path)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Written(Sha256.hex(bytes), bytes.length);
  }

  /** Writes one file to the sink and gives its sha256 and size. */
  private static Written written(Sink sink, String path, Writing writing) {
    MessageDigest sha = Sha256.digest();
    long[] size = {0};
    OutputStream target;
    try {
      target = sink.create(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OutputStream counted =
        new java.io.FilterOutputStream(new DigestOutputStream(target, sha)) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            size[0] += len;
          }

          @Override
          public void write(int b) throws IOException {
            out.write(b);
            size[0]++;
          }
        };
    try (OutputStream out = new BufferedOutputStream(counted, 1 << 16)) {
      writing.to(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Written(Sha256.hex(sha), size[0]);
  }
}
