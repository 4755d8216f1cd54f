package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Location;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.DatasetRecord;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Ids;
import java.util.List;

/**
 * Every quote is words of its article: the published text at the quote's offsets is the quote,
 * and the quote neither starts nor ends inside a word of that text.
 */
@RuleInfo(
    codes = {"E-UNKNOWN-ARTICLE", "E-QUOTE-OFFSET", "E-QUOTE-PARTIAL-WORD"},
    summary = "every quote is its article's published text at its offsets, on word boundaries")
public final class EvidenceRule implements RecordRule {

  @Override
  public void check(Located<?> located, Records records, List<Diagnostic> out) {
    if (!(located.value() instanceof DatasetRecord r)) return;
    for (var cited : r.citations().entrySet()) {
      Evidence e = cited.getValue();
      if (e == null || e.article() == null || e.quote() == null) continue;
      check(records, r.id(), e, located.origin().at(cited.getKey()), out);
    }
  }

  /** The articles, and the ids of records that could not be read: what a quote is checked against. */
  @Override
  public Object context(Records records) {
    return List.of(Located.values(records.articles()), records.unboundIds(), records.complete());
  }

  private static void check(Records records, String id, Evidence e, Location at, List<Diagnostic> out) {
    Article article = records.article(e.article());
    if (article != null && article.text() == null) return; // no text: ConstraintRule says so
    if (article == null) {
      // An id that is not a slug is E-ID-FORMAT (ConstraintRule): the same mistake, said once.
      if (!records.unbound(e.article()) && Ids.isSlug(e.article())) {
        out.add(Diagnostic.error(at, "E-UNKNOWN-ARTICLE", id + " cites unknown article '" + e.article() + "'"));
      }
      return;
    }
    String text = article.text();
    int codePoints = records.codePoints(article);
    if (e.start() < 0 || e.start() > e.end() || e.end() > codePoints) {
      out.add(
          Diagnostic.error(
              at,
              "E-QUOTE-OFFSET",
              id + ": offsets " + e.start() + ".." + e.end() + " are not a span of article " + e.article()
                  + " (0.." + codePoints + ", start before end)"));
      return;
    }
    if (!Words.slice(text, codePoints, e.start(), e.end()).equals(e.quote())) {
      out.add(
          Diagnostic.error(
              at, "E-QUOTE-OFFSET", id + ": the text of " + e.article() + " at " + e.start() + ".." + e.end() + " is not the quote"));
      return;
    }
    int from = Words.charIndex(text, codePoints, e.start());
    int to = from + e.quote().length();
    if (!Words.onBoundaries(text, from, to)) {
      out.add(partialWord(at, e.article(), e.quote()));
    }
  }

  /** The diagnostic for words found only as part of longer words: the binder gives it too. */
  public static Diagnostic partialWord(Location at, String article, String quote) {
    return Diagnostic.error(
        at,
        "E-QUOTE-PARTIAL-WORD",
        "quote starts or ends inside a word of article " + article + ": \"" + quote + "\"; quote whole words"
            + " (\"acceptable\" is not words of \"unacceptable\")");
  }
}
