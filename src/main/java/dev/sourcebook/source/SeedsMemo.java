package dev.sourcebook.source;

import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the files of one seeds folder gave when they were last read, kept from one compilation to
 * the next while they do not change ({@code validate --watch}): each source text read whole
 * (sha256, decoded text, quote finder), the sources the INDEX lists (while neither it nor a text
 * changed), each annotation file's YAML tree or why it could not be read, the list of annotation
 * files, and what binding each annotation file gave. The caller says which paths changed ({@link
 * #changed}); whatever came from them, through a link to them or from under a folder among them,
 * is read again. dataset.yaml is small and always read again. Not for two compilations at once.
 */
public final class SeedsMemo {
  /** A source text read without a problem, and the file it was read from, links followed. */
  record Text(Path real, String sha256, String text, QuoteFinder finder) {}

  /**
   * An annotation file as read: what reading it said, whether it could be read, and its tree while
   * it may be needed (dropped after each compilation, and parsed again only for a file bound again:
   * 10,000 trees are a few hundred megabytes). The object stands for this version of the file.
   */
  static final class Annotation {
    final Path root;
    final Path path;
    final Path real;
    final List<Diagnostic> diagnostics;
    final boolean readable;
    private AnnotationFile tree;

    Annotation(Path root, Path path, Path real, AnnotationFile tree, List<Diagnostic> diagnostics) {
      this.root = root;
      this.path = path;
      this.real = real;
      this.tree = tree;
      this.readable = tree != null;
      this.diagnostics = diagnostics;
    }

    /** The tree, parsed again if it was dropped (the file is unchanged: the same tree, the same diagnostics). */
    synchronized AnnotationFile tree() {
      if (tree == null && readable) tree = SeedsReader.readAnnotation(root, path, new java.util.ArrayList<>());
      return tree;
    }

    synchronized void drop() {
      tree = null;
    }
  }

  /** The annotation files listed, and what listing them said. */
  record Listing(Path dir, List<Path> files, PathSet keys, List<Diagnostic> diagnostics, boolean complete) {}

  /**
   * What the INDEX gave with its texts: the sources, what reading them said, the rows that could
   * not be read, and the files it was read from (the INDEX and every file it names).
   */
  record Sources(
      List<SeedsReader.Source> sources, List<Diagnostic> diagnostics, Set<String> unreadable, boolean indexComplete, PathSet files) {}

  final Map<Path, Text> texts = new HashMap<>();
  /** Kept while neither the INDEX nor a file it names changed (one that could not be read may be there now). */
  Sources sources;
  final Map<Path, Annotation> annotations = new HashMap<>();
  Listing listing;
  private final AnnotationBinder.Memo binding = new AnnotationBinder.Memo();

  /** What binding each annotation file gave: for {@link AnnotationBinder#bind} with a memo. */
  public AnnotationBinder.Memo binding() {
    return binding;
  }

  /**
   * The files at {@code paths} (any form of path; folders too) may have changed, been made or
   * removed since the last compilation: what was read from them is forgotten.
   */
  public void changed(Collection<Path> paths) {
    Set<Path> keys = new HashSet<>();
    for (Path p : paths) keys.add(key(p));
    int textsBefore = texts.size();
    texts.entrySet().removeIf(e -> under(e.getKey(), keys) || under(e.getValue().real(), keys));
    annotations.entrySet().removeIf(e -> under(e.getKey(), keys) || under(e.getValue().real, keys));
    // The sources stand unless a change reaches the INDEX or a file it names (one that could not
    // be read may be there now), or a text read through a link.
    if (sources != null && (texts.size() != textsBefore || keys.stream().anyMatch(k -> under(sources.files(), k)))) sources = null;
    if (listing != null && keys.stream().anyMatch(this::relists)) listing = null;
  }

  /** True when some of {@code files} is {@code changed} or under it. */
  private static boolean under(PathSet files, Path changed) {
    return files.files().contains(changed) || files.folders().contains(changed);
  }

  /** Files, and every folder above them: which files a change to a path reaches, without a walk through them all. */
  record PathSet(Set<Path> files, Set<Path> folders) {
    static PathSet of(Set<Path> files) {
      Set<Path> folders = new HashSet<>();
      for (Path f : files) {
        for (Path p = f.getParent(); p != null && folders.add(p); p = p.getParent()) {}
      }
      return new PathSet(Set.copyOf(files), folders);
    }
  }

  /**
   * True when the change to {@code p} may add or remove an annotation file: a folder, a YAML file
   * the list does not hold, or one it holds that is gone. An editor's other files (sed's
   * temporary one) do not.
   */
  private boolean relists(Path p) {
    Path dir = listing.dir();
    if (!p.startsWith(dir) && !dir.startsWith(p)) return false;
    if (listing.keys().files().contains(p)) return !Files.isRegularFile(p);
    if (Files.isDirectory(p) || under(listing.keys(), p)) return true;
    String name = p.getFileName().toString();
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  /** True when {@code p} is one of {@code changed} or under one of them. */
  private static boolean under(Path p, Set<Path> changed) {
    for (Path c : changed) if (p.startsWith(c)) return true;
    return false;
  }

  /** Drops the annotation files' trees: the bindings kept stand for them. */
  public void dropTrees() {
    for (Annotation a : annotations.values()) a.drop();
  }

  /** Forgets everything: the next compilation reads every file. */
  public void clear() {
    texts.clear();
    annotations.clear();
    listing = null;
    sources = null;
  }

  static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /** The real path of {@code p}, or {@code p} when there is none (the file went meanwhile). */
  static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (java.io.IOException e) {
      return key(p);
    }
  }
}
