package dev.sourcebook;

import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.check.Records;
import dev.sourcebook.check.RuleMemo;
import dev.sourcebook.check.Sha256;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Provenance;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.release.Changelog;
import dev.sourcebook.release.Inputs;
import dev.sourcebook.release.ReleaseCheck;
import dev.sourcebook.release.Releases;
import dev.sourcebook.release.SemVer;
import dev.sourcebook.site.Site;
import dev.sourcebook.source.AnnotationBinder;
import dev.sourcebook.source.AnnotationFile;
import dev.sourcebook.source.ArticleText;
import dev.sourcebook.source.SeedsMemo;
import dev.sourcebook.source.SeedsReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a seeds folder into a {@link Dataset}: read and bind the seeds into records, then run
 * every rule of validity on them. Every stage reports problems as diagnostics and the dataset
 * exists only when there are no errors.
 */
public final class SeedsCompiler {
  private SeedsCompiler() {}

  /** Compiles with validators of its own: for one compilation. To compile often, keep a {@link Validators}. */
  public static DatasetResult compile(Path seeds) {
    return compile(seeds, Validators.load(), Progress.NONE);
  }

  public static DatasetResult compile(Path seeds, Validators validators, Progress progress) {
    return compileLocated(seeds, validators, progress, false).result();
  }

  /**
   * The records of the seeds without the annotation files {@code skip} (extract's own output
   * file), and without holding a released version to its record: a draft being written changes
   * the seeds' files, and only the records are wanted.
   */
  public static DatasetResult compileWithout(Path seeds, Set<Path> skip) {
    return compileLocated(seeds, Validators.loadRules(), Progress.NONE, false, skip, false, null).result();
  }

  /**
   * A compilation, where the dataset's name and version were read (null when they were not), the
   * seeds' release records, and what the build publishes of the seeds beside the records.
   */
  record Compiled(DatasetResult result, Located<DatasetInfo> info, Releases releases, Provenance provenance) {}

  /**
   * @param toWrite true when the dataset will be written, so that its provenance is needed and a
   *     released version's bytes are compared as they are written; else the provenance is taken
   *     only for a released version, whose bytes are made here to be compared
   */
  static Compiled compileLocated(Path seeds, Validators validators, Progress progress, boolean toWrite) {
    return compileLocated(seeds, validators, progress, toWrite, Set.of(), true, null);
  }

  /**
   * What a compilation takes from the last one ({@link IncrementalCompiler}): what the files gave
   * while unchanged, and the record rules' findings on records that are the same.
   */
  record Memos(SeedsMemo files, RuleMemo rules) {}

  static Compiled compileLocated(
      Path seeds, Validators validators, Progress progress, boolean toWrite, Set<Path> skip, boolean checkReleases, Memos memos) {
    progress.stage("reading seeds");
    SeedsReader.Seeds read =
        memos != null ? SeedsReader.read(seeds, memos.files()) : skip.isEmpty() ? SeedsReader.read(seeds) : SeedsReader.read(seeds, skip);
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());

    Map<String, ArticleText> captured = new LinkedHashMap<>();
    for (SeedsReader.Source s : read.sources()) {
      captured.putIfAbsent(s.id(), new ArticleText(s.id(), s.text(), s.text(), s.finder()));
    }
    progress.stage("binding annotations and finding quotes");
    // Each annotation file is read and parsed only when the binder comes to it.
    List<Diagnostic> readingAnnotations = new ArrayList<>();
    int[] unread = {0};
    AnnotationBinder.Result bound;
    if (memos == null) {
      Iterable<AnnotationFile> files =
          () ->
              read.annotationFiles().stream()
                  .map(p -> SeedsReader.readAnnotation(seeds, p, readingAnnotations))
                  .peek(f -> unread[0] += f == null ? 1 : 0)
                  .filter(Objects::nonNull)
                  .iterator();
      bound = AnnotationBinder.bind(files, captured, read.unreadable(), read.indexComplete());
    } else {
      Iterable<AnnotationBinder.Input> files =
          () ->
              read.annotationFiles().stream()
                  .map(p -> SeedsReader.readAnnotation(seeds, p, readingAnnotations, memos.files()))
                  .peek(f -> unread[0] += f == null ? 1 : 0)
                  .filter(Objects::nonNull)
                  .iterator();
      bound = AnnotationBinder.bind(files, captured, read.unreadable(), read.indexComplete(), memos.files().binding());
      memos.files().dropTrees();
    }
    diagnostics.addAll(readingAnnotations);
    diagnostics.addAll(bound.diagnostics());

    List<Located<Article>> articles = new ArrayList<>();
    Map<String, QuoteFinder> finders = new HashMap<>();
    for (SeedsReader.Source s : read.sources()) {
      List<dev.sourcebook.model.Redaction> redactions = bound.redactions().getOrDefault(s.id(), List.of());
      String published = bound.articles().get(s.id()).published();
      // A redacted text is published with its own hash: the capture's would confirm a guess at
      // the hidden words.
      String sha256 = redactions.isEmpty() ? s.sha256() : Sha256.hex(published.getBytes(StandardCharsets.UTF_8));
      Article article =
          new Article(s.id(), s.file(), sha256, s.outlet(), s.title(), s.published(), s.url(), s.language(), published, redactions);
      articles.add(new Located<>(article, s.origin()));
      // The captured text's finder serves the published text too, when nothing is redacted.
      if (redactions.isEmpty()) finders.putIfAbsent(s.id(), s.finder());
    }
    Located<DatasetInfo> info = read.info() == null ? null : new Located<>(read.info(), read.infoOrigin());
    // A YAML file that could not be read may hold the records that others name.
    boolean complete = read.indexComplete() && read.annotationsComplete() && unread[0] == 0;
    Records records =
        new Records(
            info, articles, bound.actors(), bound.incidents(), bound.statements(), bound.outcomes(),
            bound.unboundIds(), complete, read.unreadable().isEmpty(), finders, bound.redactedWords());

    progress.stage("checking the rules");
    diagnostics.addAll(memos == null ? validators.rules().check(records) : validators.rules().check(records, memos.rules()));
    if (!Diagnostics.hasErrors(diagnostics)) {
      diagnostics.addAll(memos == null ? validators.rules().advise(records) : validators.rules().advise(records, memos.rules()));
    }

    if (Diagnostics.hasErrors(diagnostics) || read.info() == null) {
      return new Compiled(new DatasetResult(Optional.empty(), diagnostics), info, null, Provenance.NONE);
    }
    Dataset dataset =
        new Dataset(
            read.info(),
            Located.values(articles),
            Located.values(records.actors()),
            Located.values(records.incidents()),
            Located.values(records.statements()),
            Located.values(records.outcomes()));
    if (!checkReleases) {
      validators.passed(dataset);
      return new Compiled(new DatasetResult(Optional.of(dataset), diagnostics), info, null, Provenance.NONE);
    }
    progress.stage("checking the release records");
    Releases releases = Releases.read(seeds, relative -> SeedsReader.display(seeds, relative), diagnostics);
    SemVer version = SemVer.parse(dataset.info().version());
    boolean released = version != null && releases.of(version).isPresent();
    // Hashing every file of the seeds is for a build; validate skips it unless the version is released.
    Provenance provenance = toWrite || released ? provenance(seeds, version, diagnostics) : Provenance.NONE;
    // A released version's bytes: compared as they are written when there is writing to do
    // (DatasetWriter), else made here and hashed without being kept.
    // The same inputs and the same compiler give the same bytes (every build is reproducible):
    // then the files need not be made to know that they are the released ones.
    boolean sameMaking =
        provenance != null && released
            && releases.of(version).map(r -> Objects.equals(r.inputsSha256(), provenance.inputsSha256())
                && Versions.COMPILER.equals(r.compilerVersion()) && Versions.SCHEMA.equals(r.schemaVersion())).orElse(false);
    // The same making gives the same records too: their digests need not be taken to know it.
    boolean recordsHold = sameMaking || provenance != null && released && ReleaseCheck.checkRecords(releases, dataset, info, diagnostics);
    if (provenance != null && released && recordsHold && !toWrite && !sameMaking) {
      Map<String, String> sums = DatasetFiles.sums(dataset, validators.schemas(), Versions.COMPILER, Versions.SCHEMA, provenance, new Site());
      ReleaseCheck.checkFiles(releases, dataset, info, provenance, sums, diagnostics);
    }
    if (Diagnostics.hasErrors(diagnostics)) return new Compiled(new DatasetResult(Optional.empty(), diagnostics), info, releases, Provenance.NONE);
    validators.passed(dataset);
    return new Compiled(new DatasetResult(Optional.of(dataset), diagnostics), info, releases, provenance);
  }

  /** The digest of the seeds and the version's changelog entry; null when they cannot be read (reported). */
  private static Provenance provenance(Path seeds, SemVer version, List<Diagnostic> diagnostics) {
    try {
      String changes = version == null ? null : Changelog.entry(seeds, version).orElse(null);
      return new Provenance(Inputs.sha256(seeds), changes);
    } catch (IOException | UncheckedIOException e) {
      diagnostics.add(Diagnostic.error(Location.of(seeds.toString()), "E-READ", "cannot read the seeds folder to take its digest: " + Diagnostics.message(e.getMessage())));
      return null;
    }
  }
}
