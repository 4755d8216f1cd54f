package dev.sourcebook.cli;

import dev.sourcebook.model.Article;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.Evidence;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Stream;

/** The summaries the commands print: counts per record type, and per article. */
final class Counts {
  private Counts() {}

  static String line(Dataset d) {
    return String.join(
        ", ",
        count(d.articles().size(), "article"),
        count(d.actors().size(), "actor"),
        count(d.incidents().size(), "incident"),
        count(d.statements().size(), "statement"),
        count(d.outcomes().size(), "outcome"));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * A table with a row per article: the statements it holds, and how many actors, incidents and
   * outcomes cite it as evidence.
   */
  static void byArticle(Dataset d, PrintWriter out) {
    out.printf("%-40s %10s %7s %10s %9s %10s%n", "article", "statements", "actors", "incidents", "outcomes", "redactions");
    for (Article a : d.articles()) {
      out.printf(
          "%-40s %10d %7d %10d %9d %10d%n",
          a.id(),
          d.statementsIn(a.id()).size(),
          citing(d.actors().stream().map(x -> x.evidence()), a),
          citing(d.incidents().stream().map(x -> x.evidence()), a),
          citing(d.outcomes().stream().map(x -> x.evidence()), a),
          a.redactions().size());
    }
  }

  private static long citing(Stream<List<Evidence>> evidence, Article a) {
    return evidence.filter(list -> list.stream().anyMatch(e -> e.article().equals(a.id()))).count();
  }
}
