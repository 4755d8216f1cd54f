package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words a redaction hides (a child's name) show nowhere else: not in another published text (a
 * second capture of the same story, another outlet's), not in the same text in another case, and
 * not in any value the curator wrote (a description, a title, a reason, an id, a url, the dataset's
 * own title). Words are compared as words, whatever their case, spacing or setting: "Tommy" is found
 * in "TOMMY", "#TommyStrong" and "tommy-example". Only the seeds know the hidden words, so on a
 * built dataset the rule has nothing to look for.
 */
@RuleInfo(
    codes = {"E-REDACTED-WORDS-SHOWN"},
    summary =
        "words a redaction hides show in no published text and no value, whatever their case or"
            + " spacing (seeds only, since a built dataset no longer holds them)")
public final class RedactedWordsRule implements Rule {
  private final RecordStrings strings = new RecordStrings();

  @Override
  public void check(Records records, List<Diagnostic> out) {
    if (records.redactedWords().isEmpty()) return;
    Phrases phrases = new Phrases(records.redactedWords());
    for (Located<Article> a : records.articles()) {
      String shown = a.value().text() == null ? null : phrases.firstIn(a.value().text());
      if (shown != null) {
        out.add(
            Diagnostic.error(
                a.origin().at("file"),
                "E-REDACTED-WORDS-SHOWN",
                "the published text of article '" + a.value().id() + "' shows \"" + shown
                    + "\" (in some case or spacing), which a redaction hides; redact it in this article too"));
      }
    }
    List<Located<?>> values = new ArrayList<>(records.all());
    if (records.info() != null) values.add(records.info());
    for (Located<?> r : values) {
      strings.forEach(
          r.value(),
          (path, value) -> {
            // An article's text is searched above; a quote is words of a published text.
            if (path.equals("text") || path.endsWith("quote")) return;
            String shown = phrases.firstIn(value);
            if (shown != null) {
              out.add(
                  Diagnostic.error(
                      r.origin().at(path),
                      "E-REDACTED-WORDS-SHOWN",
                      "'" + Origin.key(path) + "' shows \"" + shown + "\", which a redaction hides; write it without those words"));
            }
          });
    }
  }

  /** The hidden words as sequences of lower-cased words, looked up by their first word: one pass per text. */
  private static final class Phrases {
    private final Map<String, List<List<String>>> byFirstWord = new HashMap<>();
    private final Map<List<String>, String> written = new HashMap<>();

    Phrases(Iterable<String> hidden) {
      for (String h : hidden) {
        List<String> words = Words.tokens(h);
        if (words.isEmpty()) continue;
        byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words);
        written.putIfAbsent(words, h);
      }
    }

    /** The first hidden words that {@code text} holds, as the redaction wrote them; null when none. */
    String firstIn(String text) {
      List<String> words = Words.tokens(text);
      for (int i = 0; i < words.size(); i++) {
        List<List<String>> candidates = byFirstWord.get(words.get(i));
        if (candidates == null) continue;
        for (List<String> phrase : candidates) {
          if (i + phrase.size() <= words.size() && words.subList(i, i + phrase.size()).equals(phrase)) {
            return written.get(phrase);
          }
        }
      }
      return null;
    }
  }
}
