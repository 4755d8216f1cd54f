package dev.sourcebook.extract;

import dev.sourcebook.SeedsCompiler;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.Statement;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the extractor against the curated statements of a seeds folder: quote precision and
 * recall, exact (the same span) and overlapping (a one-to-one pairing of spans that overlap), and
 * speaker accuracy over the overlapping pairs.
 */
public final class Evaluation {
  private Evaluation() {}

  public record Score(int gold, int proposed, int exact, int overlapping, int rightSpeaker) {
    double precisionExact() {
      return ratio(exact, proposed);
    }

    double recallExact() {
      return ratio(exact, gold);
    }

    double precisionOverlap() {
      return ratio(overlapping, proposed);
    }

    double recallOverlap() {
      return ratio(overlapping, gold);
    }

    double speakerAccuracy() {
      return ratio(rightSpeaker, overlapping);
    }

    Score plus(Score o) {
      return new Score(gold + o.gold, proposed + o.proposed, exact + o.exact, overlapping + o.overlapping, rightSpeaker + o.rightSpeaker);
    }

    static double ratio(int a, int b) {
      return b == 0 ? 0 : (double) a / b;
    }
  }

  public static Score score(Article article, List<Statement> gold, Extractor.KnownActors known) {
    String text = article.text();
    List<Extractor.Proposal> proposed = Extractor.extract(text, known).statements();
    int exact = 0;
    int overlapping = 0;
    int rightSpeaker = 0;
    Set<Statement> used = new HashSet<>();
    for (Extractor.Proposal p : proposed) {
      int start = text.codePointCount(0, p.start());
      int end = text.codePointCount(0, p.end());
      Statement best = null;
      for (Statement g : gold) {
        if (used.contains(g) || g.end() <= start || end <= g.start()) continue;
        if (best == null || (g.start() == start && g.end() == end)) best = g;
      }
      if (best == null) continue;
      used.add(best);
      overlapping++;
      if (best.start() == start && best.end() == end) exact++;
      if (sameSpeaker(best.speaker(), p, known)) rightSpeaker++;
    }
    return new Score(gold.size(), proposed.size(), exact, overlapping, rightSpeaker);
  }

  /**
   * The right speaker: the same actor, or, where the curated speaker is an actor the sources do
   * not name, a new actor proposed for the curator to name (nothing could be matched).
   */
  private static boolean sameSpeaker(String gold, Extractor.Proposal p, Extractor.KnownActors known) {
    if (gold.equals(p.speaker())) return true;
    List<String> names = known.namesById().getOrDefault(gold, List.of());
    return names.isEmpty() && !p.knownSpeaker();
  }

  /**
   * Outcomes: the curated outcomes with evidence in the article, how many of them a proposed
   * outcome of the same type overlaps, and how many proposals overlap a curated one of their type.
   */
  public record OutcomeScore(int gold, int proposed, int found, int right) {
    OutcomeScore plus(OutcomeScore o) {
      return new OutcomeScore(gold + o.gold, proposed + o.proposed, found + o.found, right + o.right);
    }
  }

  public static OutcomeScore outcomes(Article article, List<dev.sourcebook.model.Outcome> curated, Extractor.KnownActors known) {
    String text = article.text();
    List<Extractor.ProposedOutcome> proposed = Extractor.extract(text, known).outcomes();
    List<dev.sourcebook.model.Outcome> here =
        curated.stream().filter(o -> o.evidence().stream().anyMatch(e -> e.article().equals(article.id()))).toList();
    int found = 0;
    for (var o : here) {
      boolean hit =
          proposed.stream().anyMatch(p -> p.type() == o.type() && o.evidence().stream().anyMatch(e -> e.article().equals(article.id()) && overlaps(text, p, e)));
      if (hit) found++;
    }
    int right = 0;
    for (var p : proposed) {
      boolean hit = here.stream().anyMatch(o -> p.type() == o.type() && o.evidence().stream().anyMatch(e -> e.article().equals(article.id()) && overlaps(text, p, e)));
      if (hit) right++;
    }
    return new OutcomeScore(here.size(), proposed.size(), found, right);
  }

  private static boolean overlaps(String text, Extractor.ProposedOutcome p, dev.sourcebook.model.Evidence e) {
    int start = text.codePointCount(0, p.start());
    int end = text.codePointCount(0, p.end());
    return e.start() < end && start < e.end();
  }

  /** Prints the table for every article of the seeds folder. */
  public static Score report(Path seeds, PrintWriter out) {
    Dataset d = SeedsCompiler.compile(seeds).dataset().orElseThrow(() -> new IllegalStateException(seeds + " does not compile"));
    Extractor.KnownActors known = Extractor.KnownActors.of(d);
    out.printf("%-38s %5s %5s %7s %7s %7s %7s %8s%n", "article", "gold", "drafts", "P exact", "R exact", "P over", "R over", "speaker");
    Score total = new Score(0, 0, 0, 0, 0);
    OutcomeScore outcomes = new OutcomeScore(0, 0, 0, 0);
    for (Article a : d.articles()) {
      Score s = score(a, d.statementsIn(a.id()), known);
      line(out, a.id(), s);
      total = total.plus(s);
      outcomes = outcomes.plus(outcomes(a, d.outcomes(), known));
    }
    line(out, "all", total);
    out.printf(
        Locale.ROOT,
        "outcomes: %d curated (counted once per article that backs them), %d of them proposed with their type (recall %.2f);"
            + " %d of %d proposals match a curated one (precision %.2f)%n",
        outcomes.gold(), outcomes.found(), Score.ratio(outcomes.found(), outcomes.gold()), outcomes.right(), outcomes.proposed(),
        Score.ratio(outcomes.right(), outcomes.proposed()));
    return total;
  }

  private static void line(PrintWriter out, String name, Score s) {
    out.printf(
        Locale.ROOT,
        "%-38s %5d %5d %7.2f %7.2f %7.2f %7.2f %8.2f%n",
        name, s.gold(), s.proposed(), s.precisionExact(), s.recallExact(), s.precisionOverlap(), s.recallOverlap(), s.speakerAccuracy());
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    report(Path.of(args.length > 0 ? args[0] : "seeds"), out);
    out.flush();
  }
}
