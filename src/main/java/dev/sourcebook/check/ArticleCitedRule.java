package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.DatasetRecord;
import dev.sourcebook.model.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** An article that no record cites is probably not annotated yet: published all the same, but said. */
@RuleInfo(
    codes = {"W-ARTICLE-UNCITED"},
    summary = "(warning) every article is cited by some record")
public final class ArticleCitedRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    if (!records.complete()) return; // a file not read may hold the records that cite it
    Set<String> cited = new HashSet<>();
    for (Located<Statement> s : records.statements()) cited.add(s.value().article()); // most records, one article each
    Stream.of(records.actors(), records.incidents(), records.outcomes())
        .flatMap(List::stream)
        .map(r -> (DatasetRecord) r.value())
        .forEach(r -> r.citations().values().forEach(e -> cited.add(e.article())));
    for (Located<Article> a : records.articles()) {
      String id = a.value().id();
      if (id != null && !cited.contains(id)) {
        out.add(
            Diagnostic.warning(
                a.origin().at("id"), "W-ARTICLE-UNCITED",
                "article '" + id + "' is in the INDEX, but no record cites it: annotate it (sourcebook extract "
                    + a.value().file() + " drafts the statements), or remove its row"));
      }
    }
  }
}
