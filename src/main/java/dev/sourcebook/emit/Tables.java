package dev.sourcebook.emit;

import dev.sourcebook.emit.Table.Column;
import dev.sourcebook.emit.Table.ForeignKey;
import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatePrecision;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Ids;
import dev.sourcebook.model.IncidentType;
import dev.sourcebook.model.LinkType;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.OutcomeType;
import dev.sourcebook.model.PartialDate;
import dev.sourcebook.model.Role;
import dev.sourcebook.model.Standing;
import dev.sourcebook.model.StandingKind;
import dev.sourcebook.model.StatementKind;
import dev.sourcebook.model.Venue;
import dev.sourcebook.model.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The CSV tables of the dataset. A record's scalar values go in its own table; what a cell cannot
 * hold (aliases, links, participants, evidence, ...) goes in a link table keyed by the record's id
 * and a 1-based position.
 */
public final class Tables {
  private Tables() {}

  private static final String ID = Ids.TABLE_PATTERN;

  public static final List<Table> ALL =
      List.of(
          new Table(
              "articles",
              "The sources: one row per captured news text, with its published (redacted) text.",
              List.of(
                  id("the article's id"),
                  str("file", "path of the captured text in the seeds folder", true),
                  new Column("sha256", "string", "SHA-256 of the text as published (UTF-8): the captured bytes, or the redacted text when words are redacted", true, null, "^[0-9a-f]{64}$"),
                  str("outlet", "who published it; empty when unknown", false),
                  str("title", "the headline as the text has it; empty when it has none", false),
                  dateText("published", "publication date"),
                  precision("published"),
                  earliest("published"),
                  latest("published"),
                  str("url", "where it was published; empty when unknown", false),
                  str("language", "language tag such as en", true),
                  str("text", "the published text, redactions applied; offsets count Unicode code points of it", true)),
              List.of("id"),
              List.of(),
              d ->
                  map(d.articles(), a ->
                      row(a.id(), a.file(), a.sha256(), a.outlet(), a.title(), a.published().value(), a.published().precision(),
                          a.published().earliest(), a.published().latest(), a.url(), a.language(), a.text()))),
          new Table(
              "article_redactions",
              "Spans of an article's text that the published dataset hides, such as a child's name.",
              List.of(
                  ref("article", "the article"),
                  offset("start", "first code point hidden"),
                  offset("end", "code point after the last hidden"),
                  str("reason", "why the words are hidden", true)),
              List.of("article", "start"),
              List.of(fk("article", "articles")),
              d -> flat(d.articles(), a -> map(a.redactions(), r -> row(a.id(), r.start(), r.end(), r.reason())))),
          new Table(
              "actors",
              "People, organisations and groups that take part in the stories.",
              List.of(
                  id("the actor's id"),
                  vocab("kind", "what the actor is", ActorKind.values(), true),
                  str("name", "the actor's name; empty when the sources withhold it, and always for a minor", false),
                  str("description", "who the actor is, in the curator's words", true),
                  new Column("minor", "boolean", "TRUE for a child", true, null, null)),
              List.of("id"),
              List.of(),
              d -> map(d.actors(), a -> row(a.id(), a.kind(), a.name(), a.description(), a.minor()))),
          new Table(
              "actor_aliases",
              "Every way the sources name an actor.",
              List.of(ref("actor", "the actor"), position(), str("alias", "a name or description as a source has it", true)),
              List.of("actor", "position"),
              List.of(fk("actor", "actors")),
              d -> flat(d.actors(), a -> indexed(a.aliases(), (i, alias) -> row(a.id(), i, alias)))),
          new Table(
              "actor_links",
              "Links between actors: family (spouse-of, child-of, parent-of) and membership.",
              List.of(
                  ref("actor", "the actor the link is from"),
                  vocab("relation", "how the actor relates to the other", LinkType.values(), true),
                  ref("other", "the actor the link is to")),
              List.of("actor", "relation", "other"),
              List.of(fk("actor", "actors"), fk("other", "actors")),
              d -> flat(d.actors(), a -> map(a.links(), l -> row(a.id(), l.relation(), l.actor())))),
          evidence("actor", "the words that identify an actor", d -> pairs(d.actors(), a -> a.id(), a -> a.evidence())),
          new Table(
              "incidents",
              "Incidents of harassment, in the curator's words.",
              withStanding(
                  id("the incident's id"),
                  str("title", "a short title", true),
                  str("summary", "what happened, in the curator's words", true),
                  dateText("date", "when it happened"),
                  precision("date"),
                  earliest("date"),
                  latest("date"),
                  str("place", "where it happened; empty when the sources do not say", false)),
              List.of("id"),
              List.of(fk("standing_by", "actors"), fk("standing_article", "articles")),
              d ->
                  map(d.incidents(), i -> {
                    PartialDate t = i.date();
                    return concat(
                        row(i.id(), i.title(), i.summary(), t.value(), t.precision(), t.earliest(), t.latest(), i.place()),
                        standingCells(i.standing()));
                  })),
          new Table(
              "incident_types",
              "The kinds of harassment an incident involves.",
              List.of(ref("incident", "the incident"), vocab("type", "a kind of harassment", IncidentType.values(), true)),
              List.of("incident", "type"),
              List.of(fk("incident", "incidents")),
              d -> flat(d.incidents(), i -> map(i.types(), t -> row(i.id(), t)))),
          new Table(
              "incident_participants",
              "Who took part in an incident, and in what role.",
              List.of(
                  ref("incident", "the incident"),
                  ref("actor", "the actor"),
                  vocab("role", "the actor's part in the incident", Role.values(), true)),
              List.of("incident", "actor", "role"),
              List.of(fk("incident", "incidents"), fk("actor", "actors")),
              d -> flat(d.incidents(), i -> map(i.participants(), p -> row(i.id(), p.actor(), p.role())))),
          evidence("incident", "the words that back an incident", d -> pairs(d.incidents(), i -> i.id(), i -> i.evidence())),
          new Table(
              "statements",
              "Words a source attributes to an actor, exactly as the published text has them.",
              List.of(
                  id("the statement's id"),
                  ref("article", "the article the words are in"),
                  ref("speaker", "the actor who said them"),
                  vocab("kind", "direct, partial (a few words) or indirect (paraphrase)", StatementKind.values(), true),
                  vocab("venue", "where they were said; empty when the source does not say", Venue.values(), false),
                  str("quote", "the words, exactly as the published text has them", true),
                  offset("start", "code point where the words start in the article text"),
                  offset("end", "code point after the words")),
              List.of("id"),
              List.of(fk("article", "articles"), fk("speaker", "actors")),
              d ->
                  map(d.statements(), s ->
                      row(s.id(), s.article(), s.speaker(), s.kind(), s.venue(), s.quote(), s.start(), s.end()))),
          new Table(
              "statement_incidents",
              "The incidents a statement is about.",
              List.of(ref("statement", "the statement"), ref("incident", "an incident it is about")),
              List.of("statement", "incident"),
              List.of(fk("statement", "statements"), fk("incident", "incidents")),
              d -> flat(d.statements(), s -> map(s.about(), i -> row(s.id(), i)))),
          new Table(
              "outcomes",
              "What authorities did about incidents, each dated; a later decision supersedes, never erases, an earlier one.",
              withStanding(
                  id("the outcome's id"),
                  ref("incident", "the incident"),
                  new Column("authority", "string", "the actor that acted; empty when the sources do not say who", false, null, ID),
                  vocab("type", "what the authority did", OutcomeType.values(), true),
                  str("details", "particulars, such as the length of a sentence", false),
                  dateText("date", "when"),
                  precision("date"),
                  earliest("date"),
                  latest("date"),
                  vocab("status", "reported, confirmed, or superseded by a later outcome", OutcomeStatus.values(), true),
                  new Column("superseded_by", "string", "the later outcome; empty unless status is superseded", false, null, ID)),
              List.of("id"),
              List.of(
                  fk("incident", "incidents"), fk("authority", "actors"), fk("superseded_by", ""), fk("standing_by", "actors"),
                  fk("standing_article", "articles")),
              d ->
                  map(d.outcomes(), o -> {
                    PartialDate t = o.date();
                    return concat(
                        row(o.id(), o.incident(), o.authority(), o.type(), o.details(), t.value(), t.precision(),
                            t.earliest(), t.latest(), o.status(), o.supersededBy()),
                        standingCells(o.standing()));
                  })),
          evidence("outcome", "the words that back an outcome", d -> pairs(d.outcomes(), o -> o.id(), o -> o.evidence())));

  /** {@code columns}, then the six of whose account a record is and the words that show it. */
  private static List<Column> withStanding(Column... columns) {
    List<Column> out = new ArrayList<>(List.of(columns));
    out.add(vocab("standing", "whose account it is: alleged by someone, admitted, or found by an authority", StandingKind.values(), true));
    out.add(ref("standing_by", "the actor whose account it is: who alleges it, who admitted it, or the authority that found it"));
    out.add(ref("standing_article", "the article whose words show the standing"));
    out.add(str("standing_quote", "the words that show the standing, exactly as the published text has them", true));
    out.add(offset("standing_start", "code point where those words start in the article text"));
    out.add(offset("standing_end", "code point after those words"));
    return out;
  }

  private static List<Object> standingCells(Standing s) {
    Evidence e = s.evidence();
    return row(s.kind(), s.by(), e.article(), e.quote(), e.start(), e.end());
  }

  private static List<Object> concat(List<Object> a, List<Object> b) {
    List<Object> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** A record's id with its evidence, for the three evidence tables. */
  private record Cited(String id, List<Evidence> evidence) {}

  private static <T> List<Cited> pairs(List<T> records, Function<T, String> id, Function<T, List<Evidence>> evidence) {
    return map(records, r -> new Cited(id.apply(r), evidence.apply(r)));
  }

  private static Table evidence(String owner, String what, Function<Dataset, List<Cited>> cited) {
    return new Table(
        owner + "_evidence",
        "Evidence: " + what + ", with their place in the article text (Unicode code points).",
        List.of(
            ref(owner, "the " + owner),
            position(),
            ref("article", "the article the words are in"),
            str("quote", "the words, exactly as the published text has them", true),
            offset("start", "code point where the words start"),
            offset("end", "code point after the words")),
        List.of(owner, "position"),
        List.of(fk(owner, owner + "s"), fk("article", "articles")),
        d -> flat(cited.apply(d), c -> indexed(c.evidence(), (i, e) -> row(c.id(), i, e.article(), e.quote(), e.start(), e.end()))));
  }

  private static Column id(String description) {
    return new Column("id", "string", description, true, null, ID);
  }

  private static Column ref(String name, String description) {
    return new Column(name, "string", description, true, null, ID);
  }

  private static Column str(String name, String description, boolean required) {
    return new Column(name, "string", description, required, null, null);
  }

  private static Column offset(String name, String description) {
    return new Column(name, "integer", description, true, null, null);
  }

  private static Column position() {
    return new Column("position", "integer", "1-based order within the record", true, null, null, 1);
  }

  private static Column vocab(String name, String description, Vocabulary[] values, boolean required) {
    return new Column(name, "string", description, required, Arrays.stream(values).map(Vocabulary::code).toList(), null);
  }

  /**
   * The date in its notation, under a name that no tool takes for a date column: {@code
   * ../2023-04-29} is not a day, and a tool that parses it as one gets it wrong without a word.
   */
  private static Column dateText(String prefix, String what) {
    return str(
        prefix + "_as_given",
        what + ", in the notation of the sources' precision: 2023-04-29, 2023-04, 2023, a range A/B (open ends ..) or unknown;"
            + " not a date: sort and filter by " + prefix + "_earliest and " + prefix + "_latest",
        true);
  }

  private static Column precision(String prefix) {
    return vocab(prefix + "_precision", "precision of " + prefix + ": day, month or year (of a range's coarser end), open (one end unknown) or unknown", DatePrecision.values(), true);
  }

  private static Column earliest(String prefix) {
    return new Column(prefix + "_earliest", "date", "first day " + prefix + " can be; empty when open or unknown", false, null, null);
  }

  private static Column latest(String prefix) {
    return new Column(prefix + "_latest", "date", "last day " + prefix + " can be; empty when open or unknown", false, null, null);
  }

  private static ForeignKey fk(String field, String resource) {
    return new ForeignKey(List.of(field), resource, List.of("id"));
  }

  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }

  private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
    return list.stream().map(f).toList();
  }

  private static <T> List<List<Object>> flat(List<T> list, Function<T, List<List<Object>>> f) {
    List<List<Object>> out = new ArrayList<>();
    for (T t : list) out.addAll(f.apply(t));
    return out;
  }

  private interface IndexedRow<T> {
    List<Object> row(int position, T value);
  }

  private static <T> List<List<Object>> indexed(List<T> list, IndexedRow<T> f) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) out.add(f.row(i + 1, list.get(i)));
    return out;
  }
}
