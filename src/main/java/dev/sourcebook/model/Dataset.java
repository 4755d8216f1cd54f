package dev.sourcebook.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A compiled dataset: immutable, every list sorted by id, with lookups by id and by relation.
 */
public final class Dataset {
  private final DatasetInfo info;
  private final List<Article> articles;
  private final List<Actor> actors;
  private final List<Incident> incidents;
  private final List<Statement> statements;
  private final List<Outcome> outcomes;

  /** The records by id, indexed on first use: a compilation that only counts never asks for them. */
  private volatile Ids ids;

  private record Ids(
      Map<String, Article> articles,
      Map<String, Actor> actors,
      Map<String, Incident> incidents,
      Map<String, Statement> statements,
      Map<String, Outcome> outcomes) {}

  /** The relations, indexed on first use: the report site and the counts by article ask for them, the rules never do. */
  private volatile Relations relations;

  private record Relations(
      Map<String, List<Statement>> statementsBySpeaker,
      Map<String, List<Statement>> statementsByArticle,
      Map<String, List<Statement>> statementsByIncident,
      Map<String, List<Outcome>> outcomesByIncident,
      Map<String, List<Incident>> incidentsByActor) {}

  public Dataset(
      DatasetInfo info,
      List<Article> articles,
      List<Actor> actors,
      List<Incident> incidents,
      List<Statement> statements,
      List<Outcome> outcomes) {
    this.info = info;
    this.articles = sorted(articles, Article::id);
    this.actors = sorted(actors, Actor::id);
    this.incidents = sorted(incidents, Incident::id);
    this.statements = sorted(statements, Statement::id);
    this.outcomes = sorted(outcomes, Outcome::id);
  }

  private Ids ids() {
    Ids i = ids;
    if (i == null) {
      synchronized (this) {
        i = ids;
        if (i == null) {
          i =
              new Ids(
                  index(articles, Article::id), index(actors, Actor::id), index(incidents, Incident::id),
                  index(statements, Statement::id), index(outcomes, Outcome::id));
          ids = i;
        }
      }
    }
    return i;
  }

  /** Each relation indexed once, so that each lookup costs no more than its answer. */
  private Relations relations() {
    Relations r = relations;
    if (r == null) {
      synchronized (this) {
        r = relations;
        if (r == null) {
          r =
              new Relations(
                  group(statements, s -> java.util.Collections.singletonList(s.speaker())),
                  group(
                      statements.stream().sorted(Comparator.comparingInt(Statement::start).thenComparing(Statement::id)).toList(),
                      s -> java.util.Collections.singletonList(s.article())),
                  group(statements, Statement::about),
                  group(outcomes, o -> java.util.Collections.singletonList(o.incident())),
                  group(incidents, i -> i.participants().stream().map(p -> p.actor()).distinct().toList()));
          relations = r;
        }
      }
    }
    return r;
  }

  /** Each record under every key it has, in the order of {@code list}. */
  private static <T> Map<String, List<T>> group(List<T> list, Function<T, List<String>> keys) {
    Map<String, List<T>> out = new java.util.HashMap<>();
    for (T t : list) {
      for (String k : keys.apply(t)) if (k != null) out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(t);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private static <T> List<T> sorted(List<T> list, Function<T, String> id) {
    return list.stream().sorted(Comparator.comparing(id, Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
  }

  /**
   * The first record with each id. A dataset made in code may hold two with one id, or one with
   * none: the rules report them (E-DUPLICATE-ID, E-MISSING-FIELD) instead of the constructor
   * failing before they can.
   */
  private static <T> Map<String, T> index(List<T> list, Function<T, String> id) {
    Map<String, T> out = new java.util.HashMap<>();
    for (T t : list) if (id.apply(t) != null) out.putIfAbsent(id.apply(t), t);
    return java.util.Collections.unmodifiableMap(out);
  }

  public DatasetInfo info() {
    return info;
  }

  public List<Article> articles() {
    return articles;
  }

  public List<Actor> actors() {
    return actors;
  }

  public List<Incident> incidents() {
    return incidents;
  }

  public List<Statement> statements() {
    return statements;
  }

  public List<Outcome> outcomes() {
    return outcomes;
  }

  public Optional<Article> article(String id) {
    return Optional.ofNullable(ids().articles().get(id));
  }

  public Optional<Actor> actor(String id) {
    return Optional.ofNullable(ids().actors().get(id));
  }

  public Optional<Incident> incident(String id) {
    return Optional.ofNullable(ids().incidents().get(id));
  }

  public Optional<Statement> statement(String id) {
    return Optional.ofNullable(ids().statements().get(id));
  }

  public Optional<Outcome> outcome(String id) {
    return Optional.ofNullable(ids().outcomes().get(id));
  }

  /** The statements an actor is the speaker of, by id. */
  public List<Statement> statementsBy(String actorId) {
    return relations().statementsBySpeaker().getOrDefault(actorId, List.of());
  }

  /** The statements of an article, in the order they stand in its text. */
  public List<Statement> statementsIn(String articleId) {
    return relations().statementsByArticle().getOrDefault(articleId, List.of());
  }

  /** The statements about an incident, by id. */
  public List<Statement> statementsAbout(String incidentId) {
    return relations().statementsByIncident().getOrDefault(incidentId, List.of());
  }

  /** The outcomes of an incident, by id. */
  public List<Outcome> outcomesOf(String incidentId) {
    return relations().outcomesByIncident().getOrDefault(incidentId, List.of());
  }

  /** The incidents an actor takes part in, by id. */
  public List<Incident> incidentsOf(String actorId) {
    return relations().incidentsByActor().getOrDefault(actorId, List.of());
  }

  /** The articles an incident's evidence, statements and outcomes cite, by id. */
  public List<Article> articlesOf(String incidentId) {
    Incident incident = ids().incidents().get(incidentId);
    if (incident == null) return List.of();
    var cited = new java.util.TreeSet<String>();
    incident.evidence().forEach(e -> cited.add(e.article()));
    statementsAbout(incidentId).forEach(s -> cited.add(s.article()));
    outcomesOf(incidentId).forEach(o -> o.evidence().forEach(e -> cited.add(e.article())));
    Map<String, Article> byId = ids().articles();
    return cited.stream().map(byId::get).toList();
  }
}
