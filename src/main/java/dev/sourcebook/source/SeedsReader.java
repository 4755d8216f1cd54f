package dev.sourcebook.source;

import dev.sourcebook.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.PartialDate;
import dev.sourcebook.source.Node.MapNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a seeds folder: {@code dataset.yaml} (name, title, version, licence), the {@code
 * INDEX.tsv} catalogue, the source texts it names, and every {@code annotations/**.yaml} file.
 */
public final class SeedsReader {
  public static final String DATASET_FILE = "dataset.yaml";
  public static final String INDEX_FILE = "INDEX.tsv";
  public static final String ANNOTATIONS_DIR = "annotations";
  static final List<String> DATASET_KEYS = List.of("name", "title", "version", "licence", "description");

  /** A source text as captured, with its INDEX row. */
  public record Source(
      String id,
      String file,
      String sha256,
      String outlet,
      String title,
      PartialDate published,
      String url,
      String language,
      String text,
      Origin origin) {}

  /** What the folder holds; parts that could not be read are absent and reported. */
  /**
   * What the folder holds; parts that could not be read are absent and reported.
   *
   * @param unreadable ids of INDEX rows whose text could not be read: annotations that cite them
   *     are not checked (and not reported a second time)
   */
  public record Seeds(
      DatasetInfo info,
      Origin infoOrigin,
      List<Source> sources,
      Set<String> unreadable,
      List<AnnotationFile> annotations,
      List<Diagnostic> diagnostics) {}

  private final Path root;
  private final String shown;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> unreadable = new TreeSet<>();

  private SeedsReader(Path root) {
    this.root = root;
    this.shown = root.toString();
  }

  public static Seeds read(Path root) {
    return new SeedsReader(root).run();
  }

  private Seeds run() {
    if (!Files.isDirectory(root)) {
      diagnostics.add(Diagnostic.error(Location.of(shown), "E-SEEDS-NOT-FOUND", "no seeds folder at " + shown));
      return new Seeds(null, null, List.of(), Set.of(), List.of(), diagnostics);
    }
    Map<String, Location> infoPaths = new HashMap<>();
    DatasetInfo info = readInfo(infoPaths);
    Origin infoOrigin = new Origin(Location.of(display(DATASET_FILE)), infoPaths);
    List<Source> sources = readSources();
    List<AnnotationFile> annotations = readAnnotations();
    return new Seeds(info, infoOrigin, sources, unreadable, annotations, diagnostics);
  }

  private String display(String relative) {
    return shown.isEmpty() || shown.equals(".") ? relative : shown + "/" + relative;
  }

  private DatasetInfo readInfo(Map<String, Location> paths) {
    String file = display(DATASET_FILE);
    String content = readText(root.resolve(DATASET_FILE), file, true);
    if (content == null) return null;
    YamlReader.Result parsed = YamlReader.read(file, content);
    diagnostics.addAll(parsed.diagnostics());
    if (parsed.root() == null) return null;
    if (!(parsed.root() instanceof MapNode map)) {
      diagnostics.add(Diagnostic.error(parsed.root().location(), "E-WRONG-TYPE", "dataset.yaml must be a map with the keys " + String.join(", ", DATASET_KEYS)));
      return null;
    }
    int before = diagnostics.size();
    Fields f = new Fields(map, "dataset.yaml", "", DATASET_KEYS, paths, diagnostics);
    DatasetInfo info =
        new DatasetInfo(
            f.string("name", true), f.string("title", true), f.string("version", true), f.string("licence", true), f.string("description", false));
    return diagnostics.size() == before ? info : null;
  }

  private List<Source> readSources() {
    String file = display(INDEX_FILE);
    String content = readText(root.resolve(INDEX_FILE), file, true);
    if (content == null) return List.of();
    IndexReader.Result index = IndexReader.read(file, content);
    diagnostics.addAll(index.diagnostics());
    List<Source> sources = new ArrayList<>();
    for (IndexEntry e : index.entries()) {
      Source s = readSource(e);
      if (s != null) {
        sources.add(s);
      } else {
        unreadable.add(e.get("id"));
      }
    }
    return sources;
  }

  private Source readSource(IndexEntry e) {
    Map<String, Location> paths = new HashMap<>();
    Map<String, String> property =
        Map.of("id", "id", "file", "file", "sha256", "sha256", "outlet", "outlet", "headline", "title", "published", "published", "url", "url", "language", "language");
    property.forEach((column, name) -> paths.put(name, e.at(column)));
    Origin origin = new Origin(e.row(), paths);

    PartialDate published = null;
    DateParser.Result date = DateParser.parse(e.get("published").isEmpty() ? "unknown" : e.get("published"));
    if (date instanceof DateParser.Invalid bad) {
      diagnostics.add(Diagnostic.error(e.at("published"), bad.code(), bad.message()));
    } else {
      published = ((DateParser.Ok) date).date();
    }

    String relative = e.get("file");
    Path path = insideSeeds(relative, e.at("file"));
    if (path == null) return null;
    byte[] bytes = readBytes(path, display(relative), e.at("file"));
    if (bytes == null) return null;
    String sha = Sha256.hex(bytes);
    if (!sha.equals(e.get("sha256"))) {
      diagnostics.add(
          Diagnostic.error(
              e.at("sha256"),
              "E-SHA-MISMATCH",
              "sha256 of " + relative + " is " + sha + ", not the one in the INDEX; a source text is never edited"
                  + " (if the capture was replaced on purpose, put the new sha256 in the INDEX)"));
    }
    String text = decode(bytes, display(relative));
    if (text == null) return null;
    String headline = e.orNull("headline");
    if (headline != null && new QuoteFinder(text).find(headline).isEmpty()) {
      diagnostics.add(
          Diagnostic.error(
              e.at("headline"), "E-HEADLINE-NOT-FOUND", "headline not found in " + relative + "; copy it as the text has it, or leave the cell empty"));
    }
    // A wrong sha256 or headline is reported, but the text is still read so that the quotes
    // citing it are checked in the same run.
    if (published == null) return null;
    return new Source(
        e.get("id"), relative, sha, e.orNull("outlet"), headline, published, e.orNull("url"), e.get("language"), text, origin);
  }

  /** The path of a file named in the seeds, or null (reported) when it would lead outside them. */
  private Path insideSeeds(String relative, Location at) {
    if (relative.isEmpty()) {
      diagnostics.add(Diagnostic.error(at, "E-MISSING-FIELD", "the INDEX row names no file"));
      return null;
    }
    Path p = root.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !p.startsWith(root.normalize())) {
      diagnostics.add(Diagnostic.error(at, "E-PATH-OUTSIDE-SEEDS", "file '" + relative + "' is outside the seeds folder; name it relative to the seeds folder"));
      return null;
    }
    try {
      if (Files.exists(p) && !p.toRealPath().startsWith(root.toRealPath())) {
        diagnostics.add(Diagnostic.error(at, "E-PATH-OUTSIDE-SEEDS", "file '" + relative + "' is a link that leads outside the seeds folder"));
        return null;
      }
    } catch (IOException ex) {
      // reported when the file is read
    }
    return p;
  }

  private List<AnnotationFile> readAnnotations() {
    Path dir = root.resolve(ANNOTATIONS_DIR);
    if (!Files.isDirectory(dir)) {
      diagnostics.add(Diagnostic.error(Location.of(display(ANNOTATIONS_DIR)), "E-SEEDS-NOT-FOUND", "no annotations folder; annotations are YAML files under " + display(ANNOTATIONS_DIR)));
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException ex) {
      diagnostics.add(Diagnostic.error(Location.of(display(ANNOTATIONS_DIR)), "E-READ", "cannot list annotations: " + ex.getMessage()));
      return List.of();
    }
    List<AnnotationFile> out = new ArrayList<>();
    for (Path p : files) {
      String shownPath = display(root.relativize(p).toString().replace('\\', '/'));
      String content = readText(p, shownPath, true);
      if (content == null) continue;
      YamlReader.Result parsed = YamlReader.read(shownPath, content);
      diagnostics.addAll(parsed.diagnostics());
      if (parsed.root() != null) out.add(new AnnotationFile(shownPath, parsed.root()));
    }
    return out;
  }

  private String readText(Path path, String shownPath, boolean required) {
    byte[] bytes = readBytes(path, shownPath, Location.of(shownPath));
    return bytes == null ? null : decode(bytes, shownPath);
  }

  private byte[] readBytes(Path path, String shownPath, Location at) {
    try {
      return Files.readAllBytes(path);
    } catch (java.nio.file.NoSuchFileException ex) {
      diagnostics.add(Diagnostic.error(at, "E-FILE-NOT-FOUND", "no file " + shownPath));
    } catch (IOException ex) {
      diagnostics.add(Diagnostic.error(at, "E-READ", "cannot read " + shownPath + ": " + ex.getMessage()));
    }
    return null;
  }

  /** Strict UTF-8: a byte that is not UTF-8 is reported at its line and column. */
  private String decode(byte[] bytes, String shownPath) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException ex) {
      int bad = firstInvalid(bytes);
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      LineTable lines = new LineTable(before);
      diagnostics.add(
          Diagnostic.error(
              new Location(shownPath, lines.lineOf(before.length()), lines.columnOf(before.length())),
              "E-TEXT-ENCODING",
              "byte 0x" + String.format(java.util.Locale.ROOT, "%02x", bytes[bad] & 0xff) + " is not UTF-8; save the file as UTF-8"));
      return null;
    }
  }

  private static int firstInvalid(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length - 1;
  }
}
