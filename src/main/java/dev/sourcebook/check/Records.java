package dev.sourcebook.check;

import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import dev.sourcebook.source.Located;
import java.util.List;
import java.util.Set;

/**
 * The records read from the seeds, with where each was written: what the checks look at.
 *
 * @param unboundIds ids of records that had errors while reading; references to them are not
 *     reported a second time
 */
public record Records(
    List<Located<Article>> articles,
    List<Located<Actor>> actors,
    List<Located<Incident>> incidents,
    List<Located<Statement>> statements,
    List<Located<Outcome>> outcomes,
    Set<String> unboundIds) {

  public Records {
    articles = List.copyOf(articles);
    actors = List.copyOf(actors);
    incidents = List.copyOf(incidents);
    statements = List.copyOf(statements);
    outcomes = List.copyOf(outcomes);
    unboundIds = Set.copyOf(unboundIds);
  }

  /** Every record, for checks that treat them alike. */
  public List<Located<?>> all() {
    var out = new java.util.ArrayList<Located<?>>();
    out.addAll(articles);
    out.addAll(actors);
    out.addAll(incidents);
    out.addAll(statements);
    out.addAll(outcomes);
    return out;
  }
}
