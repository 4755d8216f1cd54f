package dev.sourcebook.site;

import dev.sourcebook.emit.Pages;
import dev.sourcebook.emit.Parallel;
import dev.sourcebook.emit.Table;
import dev.sourcebook.emit.Tables;
import dev.sourcebook.json.Json;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.ActorLink;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatePrecision;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.IncidentType;
import dev.sourcebook.model.LinkType;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.OutcomeType;
import dev.sourcebook.model.Redaction;
import dev.sourcebook.model.Role;
import dev.sourcebook.model.StandingKind;
import dev.sourcebook.model.Statement;
import dev.sourcebook.model.StatementKind;
import dev.sourcebook.model.Venue;
import dev.sourcebook.model.Vocabulary;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The report site of a dataset: plain HTML pages with one style sheet and one small script (the
 * search), no request to any other host, working from {@code file://} and from any web server.
 * Every claim on a record page links to its words, highlighted on the article page, where each
 * highlight's element has the statement's id (or the record's id and {@code .evidence.N} or
 * {@code .standing}) and links back to the record. The pages come from jte templates
 * ({@code src/main/jte}), which escape every value by where it stands.
 */
public final class Site implements Pages {
  /** Where the pages are, inside {@code site/}. */
  static final String ARTICLES = "articles/";
  static final String ACTORS = "actors/";
  static final String INCIDENTS = "incidents/";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  /** The dataset's folder, from the site's: where the downloads are. */
  private final String dataRoot;

  /** The site of a dataset folder, in its {@code site/}. */
  public Site() {
    this("../");
  }

  /**
   * A site kept apart from its dataset's folder.
   *
   * @param dataRoot the dataset's folder as a relative URL from the site's folder, ending in "/"
   */
  public Site(String dataRoot) {
    this.dataRoot = dataRoot;
  }

  /**
   * A record's page name: its id, or for an id too long for a file name (ids have no bound) its
   * first 80 characters and a digest of the whole.
   */
  static String fileName(String id) {
    if (id.length() <= 100) return id;
    String head = id.substring(0, 80).replaceAll("-+$", "");
    return head + "-" + dev.sourcebook.check.Sha256.hex(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
  }

  @Override
  public void writeIndex(Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, Out out) throws IOException {
    out.write("index.html", render("index.jte", index(d, files, changes, compilerVersion, dataRoot)));
  }

  @Override
  public void writeFromRecords(Dataset d, String compilerVersion, Out out) throws IOException {
    Labels labels = new Labels(d);
    out.write("style.css", resource("style.css"));
    out.write("search.js", resource("search.js"));
    out.write("search-index.js", SearchIndex.of(d, labels));
    out.write("codebook.html", render("codebook.jte", codebook(page(d, "Codebook", "", compilerVersion))));
    out.write("search.html", render("search.jte", new Views.Search(page(d, "Search", "", compilerVersion))));
    // A page per record, each made and written on its own, on a pool: a sink's write may wait on
    // the disk.
    List<Page> pages = new ArrayList<>();
    for (Article a : d.articles()) {
      pages.add(() -> out.write(ARTICLES + fileName(a.id()) + ".html", render("article.jte", article(d, a, labels, page(d, labels.article(a.id()), "../", compilerVersion)))));
    }
    for (Actor a : d.actors()) {
      pages.add(() -> out.write(ACTORS + fileName(a.id()) + ".html", render("actor.jte", actor(d, a, labels, page(d, labels.actor(a.id()), "../", compilerVersion)))));
    }
    for (Incident i : d.incidents()) {
      pages.add(() -> out.write(INCIDENTS + fileName(i.id()) + ".html", render("incident.jte", incident(d, i, labels, page(d, i.title(), "../", compilerVersion)))));
    }
    writeAll(pages);
  }

  /** One page to make and write. */
  @FunctionalInterface
  private interface Page {
    void write() throws IOException;
  }

  private static void writeAll(List<Page> pages) throws IOException {
    List<Parallel.Task<Void>> tasks = new ArrayList<>();
    for (Page p : pages) {
      tasks.add(
          () -> {
            p.write();
            return null;
          });
    }
    Parallel.run(tasks, Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors())), "sourcebook-site");
  }

  private byte[] render(String template, Object view) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    engine.render(template, view, output);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(output.getContentLength());
    try {
      output.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] resource(String name) {
    try (InputStream in = Site.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What every page shares: its title and the way back to the site's folder. */
  private static Views.Page page(Dataset d, String title, String root, String compilerVersion) {
    return new Views.Page(title, root, d.info().title(), d.info().version(), compilerVersion);
  }

  /**
   * How records are named on the pages (actors by name, else by description: a minor is never
   * named), and what each page needs of the others, gathered once.
   */
  static final class Labels {
    private final Dataset d;
    /** The evidence and standings cited in each article, as highlights (their links from an article page). */
    final Map<String, List<Highlights.Range>> citedIn = new java.util.HashMap<>();
    /** For each actor, the actors that link to it. */
    final Map<String, List<Actor>> linkedFrom = new java.util.HashMap<>();

    Labels(Dataset d) {
      this.d = d;
      String root = "../";
      for (Actor r : d.actors()) {
        cited(r.id(), r.evidence(), null, root + ACTORS + fileName(r.id()) + ".html", "evidence of " + actor(r.id()), citedIn);
        for (ActorLink l : r.links()) linkedFrom.computeIfAbsent(l.actor(), k -> new ArrayList<>()).add(r);
      }
      for (Incident r : d.incidents()) {
        cited(r.id(), r.evidence(), r.standing(), root + INCIDENTS + fileName(r.id()) + ".html", "evidence of the incident " + r.title(), citedIn);
      }
      for (Outcome r : d.outcomes()) {
        cited(r.id(), r.evidence(), r.standing(), root + INCIDENTS + fileName(r.incident()) + ".html", "evidence of the outcome " + r.id(), citedIn);
      }
    }

    String actor(String id) {
      return d.actor(id).map(Site::label).orElse(id);
    }

    String article(String id) {
      return d.article(id).map(Site::label).orElse(id);
    }

    Views.Link actorLink(String id, String root) {
      return id == null ? null : new Views.Link(root + ACTORS + fileName(id) + ".html", actor(id));
    }
  }

  /** The words of a record's citation, linking to the element that highlights them. */
  private static Views.Quote quote(String anchor, Evidence e, Labels labels, String root) {
    return new Views.Quote(anchor, e.quote(), root + ARTICLES + fileName(e.article()) + ".html#" + anchor, labels.article(e.article()));
  }

  private static List<Views.Quote> evidence(String id, List<Evidence> evidence, Labels labels, String root) {
    List<Views.Quote> out = new ArrayList<>();
    for (int i = 0; i < evidence.size(); i++) out.add(quote(id + ".evidence." + i, evidence.get(i), labels, root));
    return out;
  }

  private static Views.Standing standing(String id, dev.sourcebook.model.Standing s, Labels labels, String root) {
    return new Views.Standing(s.kind().code(), s.kind().meaning(), labels.actorLink(s.by(), root), quote(id + ".standing", s.evidence(), labels, root));
  }

  private static Views.StatementView statement(Statement s, Labels labels, String root) {
    return new Views.StatementView(
        s.id(), labels.actorLink(s.speaker(), root), s.kind().code(), s.venue() == null ? null : s.venue().code(),
        quote(s.id(), new Evidence(s.article(), s.quote(), s.start(), s.end()), labels, root));
  }

  /** What an actor is called on the pages: its name, else its description. */
  static String label(Actor a) {
    return a.name() != null ? a.name() : a.description();
  }

  /** What an article is called on the pages: its title, else its id. */
  static String label(Article a) {
    return a.title() != null ? a.title() : a.id();
  }

  private static Views.Index index(
      Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, String dataRoot) {
    List<Views.Count> counts =
        List.of(
            new Views.Count("incidents", d.incidents().size()), new Views.Count("actors", d.actors().size()),
            new Views.Count("statements", d.statements().size()), new Views.Count("outcomes", d.outcomes().size()),
            new Views.Count("articles", d.articles().size()));
    List<Views.Link> incidents = d.incidents().stream().map(i -> new Views.Link(INCIDENTS + fileName(i.id()) + ".html", i.title())).toList();
    List<Views.Link> actors = d.actors().stream().map(a -> new Views.Link(ACTORS + fileName(a.id()) + ".html", label(a))).toList();
    List<Views.Link> articles = d.articles().stream().map(a -> new Views.Link(ARTICLES + fileName(a.id()) + ".html", label(a))).toList();
    List<Views.Download> downloads = new ArrayList<>();
    files.forEach((path, sha) -> downloads.add(new Views.Download(path, dataRoot + path, sha)));
    String citation =
        d.info().title() + ", version " + d.info().version() + " (" + d.info().name() + "), " + d.info().licence()
            + ". Cite a claim by its record's id, and the version.";
    return new Views.Index(
        page(d, d.info().title(), "", compilerVersion), d.info().description(), d.info().licence(), d.info().name(), citation, counts, incidents,
        actors, articles, changes, downloads, dataRoot);
  }

  private static Views.IncidentPage incident(Dataset d, Incident i, Labels labels, Views.Page page) {
    String root = page.root();
    List<Views.Participant> participants =
        i.participants().stream().map(p -> new Views.Participant(labels.actorLink(p.actor(), root), p.role().code(), p.role().meaning())).toList();
    List<Outcome> outcomes = d.outcomesOf(i.id());
    List<Views.OutcomeView> views = new ArrayList<>();
    for (Outcome o : outcomes) {
      views.add(
          new Views.OutcomeView(
              o.id(), o.type().code(), o.type().meaning(), o.date().value(), o.date().precision().code(), o.status().code(),
              labels.actorLink(o.authority(), root),
              o.supersededBy() == null ? null : new Views.Link("#" + o.supersededBy(), o.supersededBy()), o.details(),
              standing(o.id(), o.standing(), labels, root), evidence(o.id(), o.evidence(), labels, root)));
    }
    return new Views.IncidentPage(
        page, i.id(), i.title(), i.summary(), i.types().stream().map(IncidentType::code).toList(), i.date().value(), i.date().precision().code(),
        i.place(), standing(i.id(), i.standing(), labels, root), participants, views, Timeline.of(outcomes, 720),
        evidence(i.id(), i.evidence(), labels, root),
        d.statementsAbout(i.id()).stream().map(s -> statement(s, labels, root)).toList());
  }

  private static Views.ActorPage actor(Dataset d, Actor a, Labels labels, Views.Page page) {
    String root = page.root();
    List<Views.Family> links = new ArrayList<>();
    for (ActorLink l : a.links()) links.add(new Views.Family(l.relation().code(), labels.actorLink(l.actor(), root)));
    List<Views.Family> linkedFrom = new ArrayList<>();
    for (Actor other : labels.linkedFrom.getOrDefault(a.id(), List.of())) {
      for (ActorLink l : other.links()) {
        if (l.actor().equals(a.id())) linkedFrom.add(new Views.Family(l.relation().code(), labels.actorLink(other.id(), root)));
      }
    }
    List<Views.Participant> incidents = new ArrayList<>();
    for (Incident i : d.incidentsOf(a.id())) {
      for (var p : i.participants()) {
        if (p.actor().equals(a.id())) incidents.add(new Views.Participant(new Views.Link(root + INCIDENTS + fileName(i.id()) + ".html", i.title()), p.role().code(), p.role().meaning()));
      }
    }
    return new Views.ActorPage(
        page, a.id(), labels.actor(a.id()), a.name(), a.kind().code(), a.description(), a.minor(), a.aliases(), links, linkedFrom, incidents,
        d.statementsBy(a.id()).stream().map(s -> statement(s, labels, root)).toList(), evidence(a.id(), a.evidence(), labels, root));
  }

  private static Views.ArticlePage article(Dataset d, Article a, Labels labels, Views.Page page) {
    String root = page.root();
    List<Highlights.Range> ranges = new ArrayList<>();
    List<Highlights.Range> cited = labels.citedIn.getOrDefault(a.id(), List.of());
    for (Statement s : d.statementsIn(a.id())) {
      ranges.add(
          new Highlights.Range(
              s.start(), s.end(), Highlights.Kind.STATEMENT, s.id(), root + ACTORS + fileName(s.speaker()) + ".html#" + s.id(),
              s.kind().code() + " statement by " + labels.actor(s.speaker())));
    }
    ranges.addAll(cited);
    for (Redaction r : a.redactions()) {
      ranges.add(new Highlights.Range(r.start(), r.end(), Highlights.Kind.REDACTION, null, null, "redacted: " + r.reason()));
    }
    String url = a.url() != null && (a.url().startsWith("https://") || a.url().startsWith("http://")) ? a.url() : null;
    return new Views.ArticlePage(
        page, a.id(), labels.article(a.id()), a.outlet(), a.published().value(), url, a.language(), a.redactions().size(),
        Highlights.of(a.text(), ranges), d.statementsIn(a.id()).size(), cited.size());
  }

  /**
   * The record's evidence (and standing), as ranges of the articles they are in, linking to the
   * record's page at the place that shows the same words: {@code #<id>.evidence.N}, {@code #<id>.standing}.
   */
  private static void cited(
      String id, List<Evidence> evidence, dev.sourcebook.model.Standing standing, String page, String label,
      Map<String, List<Highlights.Range>> out) {
    for (int i = 0; i < evidence.size(); i++) {
      Evidence e = evidence.get(i);
      String anchor = id + ".evidence." + i;
      out.computeIfAbsent(e.article(), k -> new ArrayList<>())
          .add(new Highlights.Range(e.start(), e.end(), Highlights.Kind.EVIDENCE, anchor, page + "#" + anchor, label));
    }
    if (standing != null) {
      Evidence e = standing.evidence();
      out.computeIfAbsent(e.article(), k -> new ArrayList<>())
          .add(new Highlights.Range(e.start(), e.end(), Highlights.Kind.EVIDENCE, id + ".standing", page + "#" + id + ".standing", "standing: " + label));
    }
  }

  /** Every vocabulary, and where it is used. */
  private static final Map<Class<? extends Vocabulary>, String> VOCABULARIES = vocabularies();

  private static Map<Class<? extends Vocabulary>, String> vocabularies() {
    Map<Class<? extends Vocabulary>, String> v = new LinkedHashMap<>();
    v.put(ActorKind.class, "actors.kind");
    v.put(LinkType.class, "actor_links.relation");
    v.put(IncidentType.class, "incident_types.type");
    v.put(Role.class, "incident_participants.role");
    v.put(StandingKind.class, "incidents.standing, outcomes.standing");
    v.put(StatementKind.class, "statements.kind");
    v.put(Venue.class, "statements.venue");
    v.put(OutcomeType.class, "outcomes.type");
    v.put(OutcomeStatus.class, "outcomes.status");
    v.put(DatePrecision.class, "date_precision, published_precision");
    return java.util.Collections.unmodifiableMap(v);
  }

  private static Views.Codebook codebook(Views.Page page) {
    List<Views.Table> tables = new ArrayList<>();
    for (Table t : Tables.ALL) {
      List<Views.Column> columns = new ArrayList<>();
      for (Table.Column c : t.columns()) {
        columns.add(new Views.Column(c.name(), c.type(), c.required(), c.description(), c.allowed() == null ? null : String.join(", ", c.allowed())));
      }
      List<String> keys = new ArrayList<>();
      for (Table.ForeignKey fk : t.foreignKeys()) {
        keys.add(String.join(", ", fk.fields()) + " → " + (fk.resource().isEmpty() ? t.name() : fk.resource()) + "." + String.join(", ", fk.reference()));
      }
      tables.add(new Views.Table(t.name(), t.file(), t.description(), columns, String.join(", ", t.primaryKey()), keys));
    }
    List<Views.Vocabulary> vocabularies = new ArrayList<>();
    VOCABULARIES.forEach(
        (type, usedBy) -> {
          List<Views.Code> codes = new ArrayList<>();
          for (Vocabulary v : type.getEnumConstants()) codes.add(new Views.Code(v.code(), v.meaning()));
          vocabularies.add(new Views.Vocabulary(words(type.getSimpleName()), usedBy, codes));
        });
    return new Views.Codebook(page, tables, vocabularies);
  }

  /** "OutcomeType" as "outcome type". */
  private static String words(String className) {
    return className.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /** For the search index: the compact JSON of a value. */
  static byte[] json(Object value) {
    try {
      return Json.MAPPER.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
