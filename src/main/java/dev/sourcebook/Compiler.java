package dev.sourcebook;

import dev.sourcebook.check.ActorCheck;
import dev.sourcebook.check.ConstraintCheck;
import dev.sourcebook.check.IdCheck;
import dev.sourcebook.check.Records;
import dev.sourcebook.check.ReferenceCheck;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.model.Article;
import dev.sourcebook.source.AnnotationBinder;
import dev.sourcebook.source.AnnotationFile;
import dev.sourcebook.source.ArticleText;
import dev.sourcebook.source.Located;
import dev.sourcebook.source.QuoteFinder;
import dev.sourcebook.source.SeedsReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Compiles a seeds folder into a {@link Dataset}: read, bind, check. Every stage reports problems
 * as diagnostics and the dataset exists only when there are no errors.
 */
public final class Compiler {
  private Compiler() {}

  public static DatasetResult compile(Path seeds) {
    return compile(seeds, Progress.NONE);
  }

  public static DatasetResult compile(Path seeds, Progress progress) {
    // Hibernate Validator takes a third of a second to start: let it start on the other core
    // while the seeds are read and bound (if a caller has not started it already).
    CompletableFuture<ConstraintCheck> starting = ConstraintCheck.starting();
    progress.stage("reading seeds");
    SeedsReader.Seeds read = SeedsReader.read(seeds);
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());

    Map<String, ArticleText> captured = new LinkedHashMap<>();
    for (SeedsReader.Source s : read.sources()) {
      captured.putIfAbsent(s.id(), new ArticleText(s.id(), s.text(), s.text(), s.finder()));
    }
    progress.stage("binding annotations and finding quotes");
    // Each annotation file is read and parsed only when the binder comes to it.
    List<Diagnostic> readingAnnotations = new ArrayList<>();
    Iterable<AnnotationFile> files =
        () ->
            read.annotationFiles().stream()
                .map(p -> SeedsReader.readAnnotation(seeds, p, readingAnnotations))
                .filter(java.util.Objects::nonNull)
                .iterator();
    AnnotationBinder.Result bound = AnnotationBinder.bind(files, captured, read.unreadable(), read.indexComplete());
    diagnostics.addAll(readingAnnotations);
    diagnostics.addAll(bound.diagnostics());

    List<Located<Article>> articles = new ArrayList<>();
    for (SeedsReader.Source s : read.sources()) {
      Article article =
          new Article(
              s.id(),
              s.file(),
              s.sha256(),
              s.outlet(),
              s.title(),
              s.published(),
              s.url(),
              s.language(),
              bound.articles().get(s.id()).published(),
              bound.redactions().getOrDefault(s.id(), List.of()));
      articles.add(new Located<>(article, s.origin()));
    }
    Records records =
        new Records(articles, bound.actors(), bound.incidents(), bound.statements(), bound.outcomes(), bound.unboundIds());

    progress.stage("checking constraints");
    ConstraintCheck constraints = starting.join();
    diagnostics.addAll(constraints.check(records.all()));
    if (read.info() != null) {
      diagnostics.addAll(constraints.check(List.of(new Located<>(read.info(), read.infoOrigin()))));
    }
    progress.stage("checking ids, references and actors");
    diagnostics.addAll(IdCheck.check(records));
    diagnostics.addAll(ReferenceCheck.check(records));
    Map<String, QuoteFinder> finders = new LinkedHashMap<>();
    captured.forEach((id, text) -> finders.put(id, text.finder()));
    diagnostics.addAll(ActorCheck.check(records, finders));

    if (Diagnostics.hasErrors(diagnostics) || read.info() == null) {
      return new DatasetResult(Optional.empty(), diagnostics);
    }
    Dataset dataset =
        new Dataset(
            read.info(),
            Located.values(articles),
            Located.values(records.actors()),
            Located.values(records.incidents()),
            Located.values(records.statements()),
            Located.values(records.outcomes()));
    return new DatasetResult(Optional.of(dataset), diagnostics);
  }
}
