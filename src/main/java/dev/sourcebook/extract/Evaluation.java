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

  /** A curated quotation: its span in code points and its speaker. */
  public record Gold(int start, int end, String speaker) {}

  public static Score score(Article article, List<Statement> gold, Extractor.KnownActors known) {
    return score(article.text(), gold.stream().map(g -> new Gold(g.start(), g.end(), g.speaker())).toList(), known);
  }

  public static Score score(String text, List<Gold> gold, Extractor.KnownActors known) {
    List<Extractor.Proposal> proposed = Extractor.extract(text, known).statements();
    int exact = 0;
    int overlapping = 0;
    int rightSpeaker = 0;
    Set<Gold> used = new HashSet<>();
    for (Extractor.Proposal p : proposed) {
      int start = text.codePointCount(0, p.start());
      int end = text.codePointCount(0, p.end());
      Gold best = null;
      for (Gold g : gold) {
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

  /**
   * The development set (a YAML file of passages, each with its quotations in order, speakers and
   * the pattern it tries, and the actors known to all; a quotation whose words stand earlier in the
   * text where they are not a statement says which occurrence it is): its table by pattern, and for each passage
   * not drafted right (a speaker wrong, a quotation missed, cut or too many), what was proposed.
   */
  public static Score reportDevelopmentSet(Path file, PrintWriter out) throws java.io.IOException {
    return reportDevelopmentSet(file, out, true);
  }

  /**
   * As {@link #reportDevelopmentSet(Path, PrintWriter)}; without the passages not drafted right
   * when {@code showPassages} is false, for a held-out set whose errors nobody should read before
   * its score is taken.
   */
  public static Score reportDevelopmentSet(Path file, PrintWriter out, boolean showPassages) throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(file.toFile());
    java.util.Map<String, List<String>> names = new java.util.TreeMap<>();
    Set<String> organisations = new HashSet<>();
    for (var a : root.path("actors")) {
      List<String> n = new java.util.ArrayList<>();
      a.path("names").forEach(x -> n.add(x.asText()));
      names.put(a.path("id").asText(), n);
      if (a.path("kind").asText().equals("organisation")) organisations.add(a.path("id").asText());
    }
    Extractor.KnownActors known = new Extractor.KnownActors(names, organisations);
    java.util.Map<String, Score> byPattern = new java.util.LinkedHashMap<>();
    java.util.Map<String, Integer> passages = new java.util.LinkedHashMap<>();
    List<String> wrong = new java.util.ArrayList<>();
    for (var p : root.path("passages")) {
      String text = p.path("text").asText();
      List<Gold> gold = new java.util.ArrayList<>();
      int from = 0; // quotations are listed in order: the same words twice are two places
      for (var q : p.path("quotes")) {
        int at = text.indexOf(q.path("quote").asText(), from);
        if (at < 0) at = text.indexOf(q.path("quote").asText());
        // "occurrence: 2": the words stand earlier too, where they are not a statement (a headline's):
        // the second place they stand in the whole text.
        if (q.has("occurrence")) {
          at = text.indexOf(q.path("quote").asText());
          for (int n = 1; n < q.path("occurrence").asInt(1) && at >= 0; n++) at = text.indexOf(q.path("quote").asText(), at + 1);
        }
        from = at + 1;
        if (at < 0) throw new IllegalArgumentException(p.path("id").asText() + ": the quote is not in the text: " + q.path("quote").asText());
        int start = text.codePointCount(0, at);
        gold.add(new Gold(start, start + q.path("quote").asText().codePointCount(0, q.path("quote").asText().length()), q.path("speaker").asText()));
      }
      Score s = score(text, gold, known);
      String pattern = p.path("pattern").asText();
      byPattern.merge(pattern, s, Score::plus);
      passages.merge(pattern, 1, Integer::sum);
      if (s.rightSpeaker() < s.overlapping() || s.overlapping() < s.gold() || s.exact() < s.proposed()) {
        List<String> said =
            Extractor.extract(text, known).statements().stream()
                .map(x -> "\"" + abbreviated(x.quote()) + "\" " + x.speaker() + " (" + x.why() + ")")
                .toList();
        wrong.add(p.path("id").asText() + " " + pattern + ": expected " + gold.stream().map(Gold::speaker).toList() + ", proposed " + said);
      }
    }
    out.printf("%-38s %5s %5s %7s %7s %7s %7s %8s%n", "development set, by pattern (passages)", "gold", "drafts", "P exact", "R exact", "P over", "R over", "speaker");
    Score total = new Score(0, 0, 0, 0, 0);
    for (var e : byPattern.entrySet()) {
      line(out, e.getKey() + " (" + passages.get(e.getKey()) + ")", e.getValue());
      total = total.plus(e.getValue());
    }
    line(out, "all (" + passages.values().stream().mapToInt(Integer::intValue).sum() + ")", total);
    if (!wrong.isEmpty() && !showPassages) {
      out.println("passages not right: " + wrong.size() + " (held out: not listed)");
    } else if (!wrong.isEmpty()) {
      out.println("passages not right (" + wrong.size() + "):");
      wrong.forEach(w -> out.println("  " + w));
    }
    return total;
  }

  private static String abbreviated(String quote) {
    return quote.length() <= 30 ? quote : quote.substring(0, 27) + "...";
  }

  /**
   * Usage: Evaluation [SEEDS [DEVELOPMENT_SET...] [--held-out HELD_OUT_SET...]]: the sets after
   * --held-out are scored without listing their passages.
   */
  public static void main(String[] args) throws java.io.IOException {
    PrintWriter out = new PrintWriter(System.out, true);
    report(Path.of(args.length > 0 ? args[0] : "seeds"), out);
    boolean heldOut = false;
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--held-out")) {
        heldOut = true;
        continue;
      }
      out.println();
      out.println(args[i] + (heldOut ? " (held out):" : ":"));
      reportDevelopmentSet(Path.of(args[i]), out, !heldOut);
    }
    out.flush();
  }
}
