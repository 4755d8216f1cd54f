package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Article;
import java.util.List;

/**
 * Words a redaction hides (a child's name) show nowhere else: not in another published text (a
 * second capture of the same story, say) and not in any value the curator wrote (a description,
 * a title, a reason). Only the seeds know the hidden words, so on a built dataset the rule has
 * nothing to look for; there the release record pins the bytes.
 */
@RuleInfo(
    codes = {"E-REDACTED-WORDS-SHOWN"},
    summary =
        "words a redaction hides show as words in no other published text and no other "
        + "value (a description, a title, a reason); seeds only, since a built dataset no "
        + "longer holds them")
public final class RedactedWordsRule implements Rule {
  private final RecordStrings strings = new RecordStrings();

  @Override
  public void check(Records records, List<Diagnostic> out) {
    if (records.redactedWords().isEmpty()) return;
    for (Located<Article> a : records.articles()) {
      String text = a.value().text();
      if (text == null) continue;
      for (String words : records.redactedWords()) {
        if (showsIn(text, words)) {
          out.add(
              Diagnostic.error(
                  a.origin().at("file"),
                  "E-REDACTED-WORDS-SHOWN",
                  "the published text of article '" + a.value().id() + "' shows \"" + words
                      + "\", which a redaction hides elsewhere; redact it in this article too"));
        }
      }
    }
    for (Located<?> r : records.all()) {
      strings.forEach(
          r.value(),
          (path, value) -> {
            // An article's text is searched above; a quote is words of a published text.
            if (path.equals("text") || path.endsWith("quote")) return;
            for (String words : records.redactedWords()) {
              if (showsIn(value, words)) {
                out.add(
                    Diagnostic.error(
                        r.origin().at(path),
                        "E-REDACTED-WORDS-SHOWN",
                        "'" + Origin.key(path) + "' shows \"" + words + "\", which a redaction hides;"
                            + " write it without those words"));
              }
            }
          });
    }
  }

  /** The words stand in {@code text} as words (not as a part of longer ones), case as written. */
  private static boolean showsIn(String text, String words) {
    for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
      if (Words.onBoundaries(text, at, at + words.length())) return true;
    }
    return false;
  }
}
