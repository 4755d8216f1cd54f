package dev.sourcebook.check;

import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.DatasetRecord;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records a front end read (from seeds or from a built dataset), each with where it was
 * written: what every rule looks at.
 */
public final class Records {
  private final Located<DatasetInfo> info;
  private final List<Located<Article>> articles;
  private final List<Located<Actor>> actors;
  private final List<Located<Incident>> incidents;
  private final List<Located<Statement>> statements;
  private final List<Located<Outcome>> outcomes;
  private final Set<String> unboundIds;
  private final boolean complete;
  private final boolean allTexts;
  private final Map<String, Article> articlesById = new HashMap<>();
  private final Map<String, QuoteFinder> finders;
  private final Set<String> redactedWords;

  /** {@link #all}, made on first use (rules run at once may each make it: the same list). */
  private volatile List<Located<? extends DatasetRecord>> all;

  /**
   * @param info the dataset's name, title, version and licence; null when it could not be read
   *     (already reported)
   * @param unboundIds ids of records the front end could not read (already reported): a
   *     reference to one is not reported again
   * @param complete false when some input could not be read at all (a YAML file that does not
   *     parse, say): then an id that no record has may belong to a record in it, and is not
   *     reported
   * @param allTexts false when the text of some article could not be read (its INDEX row or its
   *     file is broken, already reported): words not found in any text may stand in it
   * @param finders quote finders over the published text of articles, by id, that the front end
   *     already made; the others are made on first use
   * @param redactedWords the words the redactions hide, as the captured texts have them: known
   *     to the seeds only (a built dataset no longer has them)
   */
  public Records(
      Located<DatasetInfo> info,
      List<Located<Article>> articles,
      List<Located<Actor>> actors,
      List<Located<Incident>> incidents,
      List<Located<Statement>> statements,
      List<Located<Outcome>> outcomes,
      Set<String> unboundIds,
      boolean complete,
      boolean allTexts,
      Map<String, QuoteFinder> finders,
      Set<String> redactedWords) {
    this.info = info;
    this.articles = List.copyOf(articles);
    this.actors = List.copyOf(actors);
    this.incidents = List.copyOf(incidents);
    this.statements = List.copyOf(statements);
    this.outcomes = List.copyOf(outcomes);
    this.unboundIds = Set.copyOf(unboundIds);
    this.complete = complete;
    this.allTexts = allTexts;
    this.finders = new HashMap<>(finders);
    this.redactedWords = Set.copyOf(redactedWords);
    for (Located<Article> a : this.articles) {
      if (a.value().id() != null) articlesById.putIfAbsent(a.value().id(), a.value());
    }
  }

  public Located<DatasetInfo> info() {
    return info;
  }

  public List<Located<Article>> articles() {
    return articles;
  }

  public List<Located<Actor>> actors() {
    return actors;
  }

  public List<Located<Incident>> incidents() {
    return incidents;
  }

  public List<Located<Statement>> statements() {
    return statements;
  }

  public List<Located<Outcome>> outcomes() {
    return outcomes;
  }

  /** Every record, articles first, for rules that treat them alike. */
  public List<Located<? extends DatasetRecord>> all() {
    List<Located<? extends DatasetRecord>> out = all;
    if (out == null) {
      List<Located<? extends DatasetRecord>> list = new ArrayList<>(articles.size() + actors.size() + incidents.size() + statements.size() + outcomes.size());
      list.addAll(articles);
      list.addAll(actors);
      list.addAll(incidents);
      list.addAll(statements);
      list.addAll(outcomes);
      out = all = java.util.Collections.unmodifiableList(list);
    }
    return out;
  }

  /** The words the redactions hide; empty for a built dataset. */
  public Set<String> redactedWords() {
    return redactedWords;
  }

  /** False when some input could not be read at all: what is missing may be in it. */
  public boolean complete() {
    return complete;
  }

  /** False when the text of some article could not be read (already reported). */
  public boolean allTexts() {
    return allTexts && complete;
  }

  /** The ids of records the front end could not read (already reported). */
  public Set<String> unboundIds() {
    return unboundIds;
  }

  /** True when {@code id} may name a record that could not be read (and was reported). */
  public boolean unbound(String id) {
    return unboundIds.contains(id) || !complete;
  }

  /** The article with this id, or null. */
  public Article article(String id) {
    return id == null ? null : articlesById.get(id);
  }

  /**
   * A finder over the published text of article {@code id}, kept for the next rule that asks;
   * null when there is no such article. For rules that search a few articles many times (the
   * names of actors, in the articles their evidence cites).
   */
  public synchronized QuoteFinder finder(String id) {
    Article a = article(id);
    if (a == null || a.text() == null) return null;
    return finders.computeIfAbsent(id, k -> new QuoteFinder(a.text()));
  }

  /** The published text's length in code points, for each article by id: counted once. */
  private final Map<String, Integer> codePoints = new HashMap<>();

  /** The length of {@code article}'s published text in code points (counted once for the article its id names here). */
  public int codePoints(Article article) {
    String text = article.text();
    if (article(article.id()) != article) return text.codePointCount(0, text.length());
    synchronized (codePoints) {
      return codePoints.computeIfAbsent(article.id(), k -> text.codePointCount(0, text.length()));
    }
  }

  /**
   * A finder over the published text of {@code article} that is not kept unless it already was:
   * for rules that search every article once (a headline), so that a large dataset is never held
   * twice, once as text and once as finders. The kept one serves only the article its id names
   * here (another article with the same id has a text of its own).
   */
  public QuoteFinder transientFinder(Article article) {
    if (article.text() == null) return null;
    if (article(article.id()) == article) {
      synchronized (this) {
        QuoteFinder kept = finders.get(article.id());
        if (kept != null) return kept;
      }
    }
    return new QuoteFinder(article.text());
  }
}
