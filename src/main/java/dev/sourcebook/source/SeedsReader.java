package dev.sourcebook.source;

import dev.sourcebook.check.DateParser;
import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.PartialDate;
import dev.sourcebook.source.Node.MapNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /**
   * True when {@code dir} holds anything of a seeds folder (a broken INDEX, a link or a FIFO too):
   * then it is meant as one, and the compiler says what is wrong with it.
   */
  public static boolean looksLikeSeeds(Path dir) {
    return Stream.of(INDEX_FILE, DATASET_FILE, ANNOTATIONS_DIR)
        .anyMatch(f -> Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS));
  }

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
      QuoteFinder finder,
      Origin origin) {}

  /**
   * What the folder holds; parts that could not be read are absent and reported.
   *
   * @param unreadable ids of INDEX rows whose text could not be read: annotations that cite them
   *     are not checked (and not reported a second time)
   * @param indexComplete false when the INDEX itself could not be read whole: then an article id
   *     it does not list may be one of its unread rows, and is not reported
   * @param annotationsComplete false when some annotations could not be listed (a linked folder):
   *     then an id no record has may be in them, and is not reported
   * @param annotationFiles the annotation files, in order; each is parsed when it is bound
   *     ({@link #readAnnotation}), so that no more than one YAML tree is held at a time
   */
  public record Seeds(
      DatasetInfo info,
      Origin infoOrigin,
      List<Source> sources,
      Set<String> unreadable,
      boolean indexComplete,
      boolean annotationsComplete,
      List<Path> annotationFiles,
      List<Diagnostic> diagnostics) {}

  private final Path root;
  private final String shown;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Set<String> unreadable = new TreeSet<>();
  private boolean indexComplete = true;
  private boolean annotationsComplete = true;

  /** Annotation files to leave out, by real path. */
  private Set<Path> skipped = Set.of();

  /** What the files gave last time, while unchanged; null to read every file. */
  private SeedsMemo memo;

  /** The files the INDEX names, for the memo: a change to one reads the sources again. */
  private final Set<Path> named = new java.util.HashSet<>();

  /** The seeds folder, absolute (so that a folder named "." still contains its files) and normalised. */
  private final Path base;
  /**
   * The folder's name has a ".." in it, which opening a file follows through links but normalize()
   * does not: its files are then judged by their real paths.
   */
  private final boolean baseNamedThroughParent;
  /** The seeds folder's real path, taken once one of its files is a link. */
  private Path realRoot;

  private SeedsReader(Path root) {
    this.root = root;
    this.shown = root.toString();
    this.base = root.toAbsolutePath().normalize();
    boolean parent = false;
    for (Path name : root.toAbsolutePath()) parent |= name.toString().equals("..");
    this.baseNamedThroughParent = parent;
  }

  public static Seeds read(Path root) {
    return new SeedsReader(root).run();
  }

  /** Reads the seeds, taking from {@code memo} what files unchanged since it was filled gave, and filling it. */
  public static Seeds read(Path root, SeedsMemo memo) {
    SeedsReader reader = new SeedsReader(root);
    reader.memo = memo;
    return reader.run();
  }

  /**
   * Reads the seeds but the annotation files {@code skip} (any path to them): the file that
   * {@code extract} is writing its draft to, which is empty while the seeds are read.
   */
  public static Seeds read(Path root, Set<Path> skip) {
    SeedsReader reader = new SeedsReader(root);
    Set<Path> real = new java.util.HashSet<>();
    for (Path p : skip) {
      try {
        real.add(p.toRealPath());
      } catch (IOException e) {
        // not there: nothing to leave out
      }
    }
    reader.skipped = Set.copyOf(real);
    return reader.run();
  }

  private Seeds run() {
    if (!Files.isDirectory(root)) {
      diagnostics.add(Diagnostic.error(Location.of(shown), "E-SEEDS-NOT-FOUND", "no seeds folder at " + shown));
      return new Seeds(null, null, List.of(), Set.of(), false, false, List.of(), diagnostics);
    }
    Map<String, Location> infoPaths = new HashMap<>();
    DatasetInfo info = readInfo(infoPaths);
    Origin infoOrigin = new Origin(Location.of(display(DATASET_FILE)), infoPaths);
    List<Source> sources = memo == null ? readSources() : memoSources();
    List<Path> annotations = listAnnotations();
    return new Seeds(info, infoOrigin, sources, unreadable, indexComplete, annotationsComplete, annotations, diagnostics);
  }

  private String display(String relative) {
    return display(root, relative);
  }

  /** A file of the seeds folder {@code root} as diagnostics name it: {@code seeds/INDEX.tsv}, or {@code INDEX.tsv} inside it. */
  public static String display(Path root, String relative) {
    String shown = root.toString();
    return shown.isEmpty() || shown.equals(".") ? relative : shown + "/" + relative;
  }

  private DatasetInfo readInfo(Map<String, Location> paths) {
    String file = display(DATASET_FILE);
    Path path = regularInside(root.resolve(DATASET_FILE), file, Location.of(file));
    String content = path == null ? null : readText(path, file, Limits.YAML_BYTES);
    if (content == null) return null;
    YamlReader.Result parsed = YamlReader.read(file, content);
    diagnostics.addAll(parsed.diagnostics());
    if (parsed.root() == null) return null;
    if (!(parsed.root() instanceof MapNode map)) {
      diagnostics.add(Diagnostic.error(parsed.root().location(), "E-WRONG-TYPE", "dataset.yaml must be a map with the keys " + String.join(", ", AnnotationFormat.DATASET.keys())));
      return null;
    }
    int before = diagnostics.size();
    Fields f = new Fields(map, AnnotationFormat.DATASET, "", paths, diagnostics);
    DatasetInfo info =
        new DatasetInfo(
            f.string("name"), f.string("title"), f.string("version"), f.string("licence"), f.string("description"));
    return diagnostics.size() == before ? info : null;
  }

  /** The INDEX and its texts as last read, while neither changed; else read now and kept. */
  private List<Source> memoSources() {
    SeedsMemo.Sources kept = memo.sources;
    if (kept == null) {
      int before = diagnostics.size();
      List<Source> sources = readSources();
      Set<Path> files = new java.util.HashSet<>(named);
      files.add(SeedsMemo.key(root.resolve(INDEX_FILE)));
      memo.sources = new SeedsMemo.Sources(sources, since(before), Set.copyOf(unreadable), indexComplete, SeedsMemo.PathSet.of(files));
      return sources;
    }
    diagnostics.addAll(kept.diagnostics());
    unreadable.addAll(kept.unreadable());
    indexComplete &= kept.indexComplete();
    return kept.sources();
  }

  private List<Source> readSources() {
    String file = display(INDEX_FILE);
    Path path = regularInside(root.resolve(INDEX_FILE), file, Location.of(file));
    String content = path == null ? null : readText(path, file, Limits.INDEX_BYTES);
    if (content == null) {
      indexComplete = false;
      return List.of();
    }
    IndexReader.Result index = IndexReader.read(file, content);
    diagnostics.addAll(index.diagnostics());
    unreadable.addAll(index.skippedIds());
    if (!index.complete()) {
      indexComplete = false;
      return List.of();
    }
    return index.entries().stream()
        .map(
            e -> {
              Source s = readSource(e);
              if (s == null) unreadable.add(e.get("id"));
              return s;
            })
        .filter(Objects::nonNull)
        .toList();
  }

  /** The Article property each INDEX column becomes (only the headline changes its name). */
  private static final Map<String, String> PROPERTY_OF_COLUMN =
      Map.of(
          "id", "id", "file", "file", "sha256", "sha256", "outlet", "outlet", "headline", "title",
          "published", "published", "url", "url", "language", "language");

  private Source readSource(IndexEntry e) {
    Map<String, Location> paths = new HashMap<>();
    PROPERTY_OF_COLUMN.forEach((column, name) -> paths.put(name, e.at(column)));
    Origin origin = new Origin(e.row(), paths);

    PartialDate published = null;
    DateParser.Result date = DateParser.parse(e.get("published").isEmpty() ? "unknown" : e.get("published"));
    if (date instanceof DateParser.Invalid bad) {
      diagnostics.add(Diagnostic.error(e.at("published"), bad.code(), bad.message()));
    } else {
      published = ((DateParser.Ok) date).date();
    }

    String relative = e.get("file");
    Path path = nameInsideSeeds(relative, e.at("file"));
    if (path == null) return null;
    if (memo != null) named.add(SeedsMemo.key(path));
    SeedsMemo.Text read = memo == null ? null : memo.texts.get(SeedsMemo.key(path));
    List<Diagnostic> decoding = List.of();
    if (read == null) {
      if (regularInside(path, display(relative), e.at("file")) == null) return null;
      byte[] bytes = readBytes(path, display(relative), e.at("file"), Limits.SOURCE_BYTES);
      if (bytes == null) return null;
      decoding = new ArrayList<>();
      String text = TextDecoder.decode(bytes, display(relative), false, decoding);
      read = new SeedsMemo.Text(memo == null ? null : SeedsMemo.real(path), Sha256.hex(bytes), text, text == null ? null : new QuoteFinder(text));
      if (memo != null && text != null && decoding.isEmpty()) memo.texts.put(SeedsMemo.key(path), read);
    }
    String sha = read.sha256();
    String given = e.get("sha256");
    if (given == null || given.isBlank()) {
      // A new source: the curator has not hashed it yet. Say what to put there.
      diagnostics.add(
          Diagnostic.error(
              e.at("sha256"), "E-MISSING-FIELD",
              "the INDEX gives no sha256 for " + relative + "; its sha256 is " + sha + ": put that in the sha256 column"));
    } else if (!sha.equalsIgnoreCase(given)) { // an upper-case hash of the right bytes is the same hash
      diagnostics.add(
          Diagnostic.error(
              e.at("sha256"),
              "E-SHA-MISMATCH",
              "sha256 of " + relative + " is " + sha + ", not the one in the INDEX; a source text is never edited"
                  + " (if the capture was replaced on purpose, put the new sha256 in the INDEX)"));
    }
    diagnostics.addAll(decoding);
    if (read.text() == null) return null;
    String text = read.text();
    String headline = e.orNull("headline");
    QuoteFinder finder = read.finder();
    // A wrong sha256 is reported, but the text is still read so that the quotes citing it are
    // checked in the same run.
    if (published == null) return null;
    return new Source(
        e.get("id"), relative, sha, e.orNull("outlet"), headline, published, e.orNull("url"), e.get("language"), text, finder, origin);
  }

  /**
   * The path of a file named in the seeds, or null (reported) when its name leads outside them;
   * whether a link does is for {@link #regularInside}.
   */
  private Path nameInsideSeeds(String relative, Location at) {
    if (relative.isEmpty()) {
      diagnostics.add(Diagnostic.error(at, "E-MISSING-FIELD", "the INDEX row names no file"));
      return null;
    }
    Path p = base.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !p.startsWith(base)) {
      diagnostics.add(Diagnostic.error(at, "E-PATH-OUTSIDE-SEEDS", "file '" + relative + "' is outside the seeds folder; name it relative to the seeds folder"));
      return null;
    }
    return p;
  }

  /**
   * {@code p} when it is a regular file inside the seeds folder, links followed; else null,
   * reported at {@code at}. A link out of the folder could read any file of the machine; a FIFO or
   * a device would never end.
   */
  private Path regularInside(Path p, String shownPath, Location at) {
    if (!insideRoot(p)) {
      diagnostics.add(Diagnostic.error(at, "E-PATH-OUTSIDE-SEEDS", shownPath + " is a link, or in a folder that is one, that leads outside the seeds folder: copy the file into the seeds folder"));
      return null;
    }
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      diagnostics.add(
          Diagnostic.error(
              at, "E-NOT-A-FILE", shownPath + " is not a regular file (a folder, a FIFO or a device); the seeds hold only files"));
      return null;
    }
    return p;
  }

  /** False when the file exists and, links followed, is not inside the seeds folder. */
  private boolean insideRoot(Path p) {
    // A file inside the folder by name leads out of it only through a link below the folder: one
    // lstat for each name below it, rather than the real paths of both (a readlink for each name
    // of the whole path, twelve system calls a file).
    Path at = p.toAbsolutePath().normalize();
    boolean linked = baseNamedThroughParent || !at.startsWith(base);
    for (; !linked && at != null && !at.equals(base); at = at.getParent()) linked = Files.isSymbolicLink(at);
    if (!linked) return true;
    try {
      if (realRoot == null) realRoot = root.toRealPath();
      return !Files.exists(p) || p.toRealPath().startsWith(realRoot);
    } catch (IOException ex) {
      return true; // reported when the file is read
    }
  }

  private List<Path> listAnnotations() {
    if (memo == null || !skipped.isEmpty()) return listAnnotationsNow();
    SeedsMemo.Listing listing = memo.listing;
    if (listing == null) {
      // Only listing sets annotationsComplete: what it is now is what listing found.
      int before = diagnostics.size();
      List<Path> files = listAnnotationsNow();
      Set<Path> keys = new java.util.HashSet<>();
      for (Path f : files) keys.add(SeedsMemo.key(f));
      memo.listing =
          new SeedsMemo.Listing(
              SeedsMemo.key(root.resolve(ANNOTATIONS_DIR)), files, SeedsMemo.PathSet.of(keys), since(before), annotationsComplete);
      return files;
    }
    diagnostics.addAll(listing.diagnostics());
    annotationsComplete &= listing.complete();
    return listing.files();
  }

  /** What was said since there were {@code before} diagnostics: to keep with what gave it. */
  private List<Diagnostic> since(int before) {
    return List.copyOf(diagnostics.subList(before, diagnostics.size()));
  }

  private List<Path> listAnnotationsNow() {
    Path dir = root.resolve(ANNOTATIONS_DIR);
    if (Files.isSymbolicLink(dir)) {
      diagnostics.add(linkedFolder(dir));
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      diagnostics.add(Diagnostic.error(Location.of(display(ANNOTATIONS_DIR)), "E-SEEDS-NOT-FOUND", "no annotations folder; annotations are YAML files under " + display(ANNOTATIONS_DIR)));
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = walk.sorted().toList();
      // A walk does not follow a link to a folder: say so rather than leave its files out.
      all.stream().filter(p -> Files.isSymbolicLink(p) && Files.isDirectory(p)).forEach(p -> diagnostics.add(linkedFolder(p)));
      files =
          all.stream()
              .filter(p -> !Files.isDirectory(p))
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .filter(p -> skipped.isEmpty() || !skipped.contains(realPath(p)))
              .toList();
    } catch (IOException | java.io.UncheckedIOException ex) {
      annotationsComplete = false;
      diagnostics.add(Diagnostic.error(Location.of(display(ANNOTATIONS_DIR)), "E-READ", "cannot list annotations: " + ex.getMessage()));
      return List.of();
    }
    return files;
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }

  private Diagnostic linkedFolder(Path p) {
    annotationsComplete = false;
    String shownPath = display(root.relativize(p).toString().replace('\\', '/'));
    return Diagnostic.error(
        Location.of(shownPath),
        "E-NOT-A-FILE",
        shownPath + " is a link to a folder; annotations are read from real folders only, so that none is"
            + " read from outside the seeds or left out: move the files here");
  }

  /**
   * Reads and parses one annotation file of the seeds folder {@code root}; null (with the
   * diagnostics added to {@code out}) when it cannot be read.
   */
  public static AnnotationFile readAnnotation(Path root, Path file, List<Diagnostic> out) {
    SeedsReader reader = new SeedsReader(root);
    AnnotationFile parsed = reader.readAnnotation(file);
    out.addAll(reader.diagnostics);
    return parsed;
  }

  /**
   * As {@link #readAnnotation(Path, Path, List)}, for binding with a memo: the file as {@code memo}
   * has it while it is unchanged (its tree parsed only when the binder asks for it); null (with the
   * diagnostics added to {@code out}) when it cannot be read.
   */
  public static AnnotationBinder.Input readAnnotation(Path root, Path file, List<Diagnostic> out, SeedsMemo memo) {
    Path key = SeedsMemo.key(file);
    SeedsMemo.Annotation read = memo.annotations.get(key);
    if (read == null) {
      List<Diagnostic> said = new ArrayList<>();
      AnnotationFile parsed = readAnnotation(root, file, said);
      read = new SeedsMemo.Annotation(root, file, SeedsMemo.real(file), parsed, List.copyOf(said));
      memo.annotations.put(key, read);
    }
    out.addAll(read.diagnostics);
    return read.readable ? new AnnotationBinder.Input(read, read::tree) : null;
  }

  private AnnotationFile readAnnotation(Path p) {
    String shownPath = display(root.relativize(p).toString().replace('\\', '/'));
    if (regularInside(p, shownPath, Location.of(shownPath)) == null) return null;
    String content = readText(p, shownPath, Limits.YAML_BYTES);
    if (content == null) return null;
    YamlReader.Result parsed = YamlReader.read(shownPath, content);
    diagnostics.addAll(parsed.diagnostics());
    return parsed.root() == null ? null : new AnnotationFile(shownPath, parsed.root());
  }

  private String readText(Path path, String shownPath, long limit) {
    byte[] bytes = readBytes(path, shownPath, Location.of(shownPath), limit);
    return bytes == null ? null : TextDecoder.decode(bytes, shownPath, true, diagnostics);
  }

  private byte[] readBytes(Path path, String shownPath, Location at, long limit) {
    try {
      long size = Files.size(path);
      if (size > limit) {
        diagnostics.add(
            Diagnostic.error(
                at, "E-FILE-TOO-LARGE", shownPath + " is " + size + " bytes; the limit is " + limit + " (see Limits in the README)"));
        return null;
      }
      return Files.readAllBytes(path);
    } catch (java.nio.file.NoSuchFileException ex) {
      diagnostics.add(Diagnostic.error(at, "E-FILE-NOT-FOUND", "no file " + shownPath));
    } catch (IOException ex) {
      diagnostics.add(Diagnostic.error(at, "E-READ", "cannot read " + shownPath + ": " + ex.getMessage()));
    }
    return null;
  }
}
