package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Article;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each source is listed once. The same text under a second id would be published a second time
 * without the first one's redactions, so a child's name hidden in one would show in the other.
 */
@RuleInfo(
    codes = {"E-DUPLICATE-SOURCE"},
    summary = "no source text is listed twice (by file or by sha256)")
public final class DuplicateSourceRule implements Rule {
  @Override
  public void check(Records records, List<Diagnostic> out) {
    Map<String, Article> byFile = new HashMap<>();
    Map<String, Article> bySha = new HashMap<>();
    for (Located<Article> located : records.articles()) {
      Article a = located.value();
      Article first = a.file() == null ? null : byFile.putIfAbsent(a.file(), a);
      Article same = a.sha256() == null ? null : bySha.putIfAbsent(a.sha256(), a);
      if (first == null) first = same;
      if (first != null) {
        out.add(
            Diagnostic.error(
                located.origin().at("file"),
                "E-DUPLICATE-SOURCE",
                "article '" + a.id() + "' is the same source as article '" + first.id() + "' ("
                    + (first.file() != null && first.file().equals(a.file()) ? "the same file" : "the same sha256")
                    + "); list each source once and cite it by one id"));
      }
    }
  }
}
