package dev.sourcebook.source;

import dev.sourcebook.check.EvidenceRule;
import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.check.Spelling;
import dev.sourcebook.check.Words;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.ActorLink;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Ids;
import dev.sourcebook.model.IncidentType;
import dev.sourcebook.model.LinkType;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.OutcomeType;
import dev.sourcebook.model.Participant;
import dev.sourcebook.model.Redaction;
import dev.sourcebook.model.Role;
import dev.sourcebook.model.Standing;
import dev.sourcebook.model.StandingKind;
import dev.sourcebook.model.Statement;
import dev.sourcebook.model.StatementKind;
import dev.sourcebook.model.Venue;
import dev.sourcebook.source.Node.MapNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds annotation trees to model records. Quotes are found in the captured article texts while
 * binding, because the offsets they resolve to are part of the records; a quote that is not found,
 * or found more than once without {@code occurrence}, is an error at the quote.
 *
 * <p>Redactions are bound first: they decide the published text that every quote is copied from.
 */
public final class AnnotationBinder {
  /** Everything bound, in file order. */
  public record Result(
      Map<String, ArticleText> articles,
      Map<String, List<Redaction>> redactions,
      List<Located<Actor>> actors,
      List<Located<Incident>> incidents,
      List<Located<Statement>> statements,
      List<Located<Outcome>> outcomes,
      Set<String> unboundIds,
      Set<String> redactedWords,
      List<Diagnostic> diagnostics) {}

  private final Map<String, ArticleText> articles;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /** Files already told that a quote names no article. */
  private final Set<String> filesWithoutArticle = new TreeSet<>();

  /** Redactions already bound, by article and normalised words. */
  private final Set<String> redacting = new java.util.HashSet<>();

  /** Ids of records that had errors: references to them are not reported again. */
  private final Set<String> unboundIds = new TreeSet<>();

  private final Set<String> unreadable;
  private final boolean indexComplete;
  /** Records that cite an unreadable article; counted like errors, but not reported. */
  private int skipped;

  private AnnotationBinder(Map<String, ArticleText> articles, Set<String> unreadable, boolean indexComplete) {
    this.articles = new LinkedHashMap<>(articles);
    this.unreadable = unreadable;
    this.indexComplete = indexComplete;
  }

  /** An article that exists but could not be read, or may exist in an INDEX that was not read. */
  private boolean unread(String id) {
    return unreadable.contains(id) || !indexComplete;
  }

  /**
   * Binds every file against the captured texts of the articles (by id). Records citing an
   * {@code unreadable} article (one whose text could not be read, already reported) are left out
   * without a further diagnostic; so are records citing any unknown article when the INDEX could
   * not be read whole ({@code indexComplete} false).
   */
  public static Result bind(
      Iterable<AnnotationFile> files, Map<String, ArticleText> captured, Set<String> unreadable, boolean indexComplete) {
    // Each file is still parsed only when the binder comes to it.
    Iterable<Input> inputs = () -> java.util.stream.StreamSupport.stream(files.spliterator(), false).map(f -> new Input(f, () -> f)).iterator();
    return new AnnotationBinder(captured, unreadable, indexComplete).run(inputs, null);
  }

  /**
   * An annotation file to bind with a memo: what stands for this version of the file (the same
   * object while the file does not change), and its tree, asked for only when it is bound.
   */
  public record Input(Object version, java.util.function.Supplier<AnnotationFile> file) {}

  /**
   * As {@link #bind(Iterable, Map, Set, boolean)}, taking from {@code memo} what each file gave in
   * the last run when the file is the same version and everything its binding looked at is the
   * same, and keeping what this run gives for the next.
   */
  public static Result bind(
      Iterable<Input> files, Map<String, ArticleText> captured, Set<String> unreadable, boolean indexComplete, Memo memo) {
    return new AnnotationBinder(captured, unreadable, indexComplete).run(files, memo);
  }

  /** The captured text of an article, for binding a file: what the file looked at is noted. */
  private ArticleText article(String id) {
    ArticleText text = articles.get(id);
    if (recording != null) recording.articles.put(id, text);
    return text;
  }

  private boolean hasArticle(String id) {
    return article(id) != null;
  }

  /** What binding one file looked at outside it, and what it gave: the file's entry in a {@link Memo}. */
  private static final class FileBinding {
    /** The captured texts looked up, by id; null for an id that names no article. */
    final Map<String, ArticleText> articles = new HashMap<>();
    /** True when the set of every article id mattered (a "did you mean" among them). */
    boolean allIds;
    /** True when a quote not found took part in the count of closest-passage hints. */
    boolean countedHints;
    /** The count of hints when the file began (the file's own count is {@link #hints}). */
    int hintsBefore;
    /** True when the file redacts: redactions depend on every file before it, so it is bound again. */
    boolean redacts;
    final List<String> unbound = new ArrayList<>();
    List<Diagnostic> diagnostics;
    List<Located<Actor>> actors;
    List<Located<Incident>> incidents;
    List<Located<Statement>> statements;
    List<Located<Outcome>> outcomes;
    int skipped;
    int hints;
  }

  /**
   * What binding each file gave in the last run ({@code validate --watch}): a file of the same
   * version (see {@link Input}) whose binding would look at the same texts gives the same records
   * and diagnostics, and is not bound again (nor its tree asked for). Only the last run's files are
   * kept. Not for two runs at once.
   */
  public static final class Memo {
    private Map<Object, FileBinding> last = new IdentityHashMap<>();
    private Set<String> lastIds = Set.of();
    private Set<String> lastUnreadable = Set.of();
    private boolean lastIndexComplete;
    private int reused;

    /** How many files the last run took from the run before: for tests and timings. */
    public int reused() {
      return reused;
    }
  }

  /** Set while a file is bound for a memo: what it looks at is noted in it. */
  private FileBinding recording;

  /**
   * A file being bound. {@code defaultArticle} is the file's 'article', null when it has none or
   * names an unknown one ({@code articleKey} tells which, so the unknown one is reported once).
   */
  private record FileContext(AnnotationFile file, Fields root, String defaultArticle, boolean articleKey) {}

  /**
   * One pass, a file at a time, so that only one YAML tree is held at once: each file's
   * redactions and records are bound as it comes. Quotes are copied from the captured text; once
   * every redaction is known, the quotes of redacted articles are copied again from the published
   * text (same offsets, same length).
   */
  private Result run(Iterable<Input> files, Memo memo) {
    Map<String, List<PendingRedaction>> pending = new TreeMap<>();
    List<Located<Actor>> actors = new ArrayList<>();
    List<Located<Incident>> incidents = new ArrayList<>();
    List<Located<Statement>> statements = new ArrayList<>();
    List<Located<Outcome>> outcomes = new ArrayList<>();
    Map<Object, FileBinding> kept = new IdentityHashMap<>();
    boolean sameIds = memo != null && memo.lastIds.equals(articles.keySet());
    // Which articles cannot be read decides what is reported about a missing one, in every file.
    boolean sameUnread = memo != null && memo.lastUnreadable.equals(unreadable) && memo.lastIndexComplete == indexComplete;
    int reused = 0;
    for (Input input : files) {
      FileBinding before = memo == null || !sameUnread ? null : memo.last.get(input.version());
      if (before != null && stillHolds(before, sameIds)) {
        diagnostics.addAll(before.diagnostics);
        actors.addAll(before.actors);
        incidents.addAll(before.incidents);
        statements.addAll(before.statements);
        outcomes.addAll(before.outcomes);
        unboundIds.addAll(before.unbound);
        skipped += before.skipped;
        closestLooked += before.hints;
        kept.put(input.version(), before);
        reused++;
        continue;
      }
      AnnotationFile file = input.file().get();
      int diagnosticsBefore = diagnostics.size();
      int skippedBefore = skipped;
      int[] sizes = {actors.size(), incidents.size(), statements.size(), outcomes.size()};
      if (memo != null) {
        recording = new FileBinding();
        recording.hintsBefore = closestLooked;
      }
      FileContext c = context(file);
      if (c != null) {
        if (recording != null) recording.redacts = !c.root().list("redactions").isEmpty();
        bindRedactions(c, pending);
        each(c, "actors", AnnotationFormat.ACTOR, f -> actor(f, c), actors);
        each(c, "incidents", AnnotationFormat.INCIDENT, f -> incident(f, c), incidents);
        each(c, "statements", AnnotationFormat.STATEMENT, f -> statement(f, c), statements);
        each(c, "outcomes", AnnotationFormat.OUTCOME, f -> outcome(f, c), outcomes);
      }
      if (recording != null && !recording.redacts) {
        FileBinding b = recording;
        b.diagnostics = List.copyOf(diagnostics.subList(diagnosticsBefore, diagnostics.size()));
        b.actors = List.copyOf(actors.subList(sizes[0], actors.size()));
        b.incidents = List.copyOf(incidents.subList(sizes[1], incidents.size()));
        b.statements = List.copyOf(statements.subList(sizes[2], statements.size()));
        b.outcomes = List.copyOf(outcomes.subList(sizes[3], outcomes.size()));
        b.skipped = skipped - skippedBefore;
        b.hints = closestLooked - b.hintsBefore;
        kept.put(input.version(), b);
      }
      recording = null;
    }
    if (memo != null) {
      memo.last = kept;
      memo.lastIds = Set.copyOf(articles.keySet());
      memo.lastUnreadable = Set.copyOf(unreadable);
      memo.lastIndexComplete = indexComplete;
      memo.reused = reused;
    }

    // The words each redaction hides, as the capture has them, before overlapping ones are merged.
    Set<String> redactedWords = new TreeSet<>();
    pending.forEach(
        (id, list) -> {
          ArticleText text = articles.get(id);
          for (PendingRedaction p : list) {
            Redaction r = p.redaction();
            redactedWords.add(text.capturedWords(r.start(), r.end()));
          }
        });
    Map<String, List<Redaction>> redactions = new TreeMap<>();
    pending.forEach(
        (id, list) -> {
          articles.put(id, articles.get(id).withPublished(redact(articles.get(id).captured(), list)));
          redactions.put(id, merged(list));
        });
    if (!redactions.isEmpty()) {
      Set<String> redacted = redactions.keySet();
      actors.replaceAll(a -> cites(a.value().evidence(), redacted) ? located(a, republishedActor(a.value())) : a);
      incidents.replaceAll(i -> cites(i.value().citations().values(), redacted) ? located(i, republishedIncident(i.value())) : i);
      outcomes.replaceAll(o -> cites(o.value().citations().values(), redacted) ? located(o, republishedOutcome(o.value())) : o);
      statements.replaceAll(t -> redacted.contains(t.value().article()) ? located(t, republishedStatement(t.value())) : t);
    }
    return new Result(articles, redactions, actors, incidents, statements, outcomes, unboundIds, redactedWords, diagnostics);
  }

  /** True when binding the file again would look at the same things as last time, so give the same. */
  private boolean stillHolds(FileBinding b, boolean sameIds) {
    if (b.allIds && !sameIds) return false;
    if (b.countedHints && hinted(b.hintsBefore, b.hints) != hinted(closestLooked, b.hints)) return false;
    for (Map.Entry<String, ArticleText> e : b.articles.entrySet()) {
      if (!java.util.Objects.equals(articles.get(e.getKey()), e.getValue())) return false;
    }
    return true;
  }

  /**
   * How many of a file's {@code notFound} quotes are given the closest passage when the count
   * stands at {@code before}: the first ones, while the count is under the bound. The same number
   * gives the same messages, whatever the count.
   */
  private static int hinted(int before, int notFound) {
    return Math.max(0, Math.min(notFound, CLOSEST_HINTS - before));
  }

  private FileContext context(AnnotationFile file) {
    if (!(file.root() instanceof MapNode map)) {
      diagnostics.add(
          Diagnostic.error(
              file.root().location(),
              "E-WRONG-TYPE",
              "an annotation file must be a map with some of the keys " + String.join(", ", AnnotationFormat.FILE.keys())
                  + ", not " + file.root().describe()));
      return null;
    }
    Fields root = new Fields(map, AnnotationFormat.FILE, "", new HashMap<>(), diagnostics);
    if (root.string("draft") != null) {
      diagnostics.add(
          Diagnostic.error(
              root.at("draft").location(), "E-DRAFT",
              "this file is a draft from sourcebook extract that nobody has reviewed yet: check every quote, speaker and kind,"
                  + " fill in the new actors, then delete this 'draft' line"));
    }
    String article = root.string("article");
    if (article != null && !hasArticle(article)) {
      if (!unread(article)) {
        diagnostics.add(unknownArticle(root.at("article").location(), article));
      }
      article = null;
    }
    return new FileContext(file, root, article, root.at("article") != null);
  }

  private static boolean cites(java.util.Collection<Evidence> evidence, Set<String> articles) {
    return evidence.stream().anyMatch(e -> articles.contains(e.article()));
  }

  private static <T> Located<T> located(Located<T> was, T value) {
    return new Located<>(value, was.origin());
  }

  private Evidence republished(Evidence e) {
    return new Evidence(e.article(), articles.get(e.article()).publishedWords(e.start(), e.end()), e.start(), e.end());
  }

  private Standing republished(Standing s) {
    return new Standing(s.kind(), s.by(), republished(s.evidence()));
  }

  private List<Evidence> republished(List<Evidence> evidence) {
    return evidence.stream().map(this::republished).toList();
  }

  private Actor republishedActor(Actor a) {
    return new Actor(a.id(), a.kind(), a.name(), a.aliases(), a.description(), a.minor(), a.links(), republished(a.evidence()));
  }

  private Incident republishedIncident(Incident i) {
    return new Incident(
        i.id(), i.title(), i.summary(), i.types(), i.date(), i.place(), i.participants(), republished(i.standing()), republished(i.evidence()));
  }

  private Outcome republishedOutcome(Outcome o) {
    return new Outcome(
        o.id(), o.incident(), o.authority(), o.type(), o.details(), o.date(), o.status(), o.supersededBy(), republished(o.standing()),
        republished(o.evidence()));
  }

  private Statement republishedStatement(Statement t) {
    String words = articles.get(t.article()).publishedWords(t.start(), t.end());
    return new Statement(t.id(), t.article(), t.speaker(), t.kind(), t.venue(), t.about(), words, t.start(), t.end());
  }

  /** Binds each map of a top-level list to a record, keeping those that bound without error. */
  private <T> void each(
      FileContext c, String key, AnnotationFormat.Shape shape, Function<Fields, T> binder, List<Located<T>> out) {
    List<Node> items = c.root().list(key);
    if (items.size() > Limits.RECORDS_PER_FILE) {
      diagnostics.add(
          Diagnostic.error(
              c.root().at(key).location(),
              "E-TOO-MANY-RECORDS",
              items.size() + " " + key + " in one file; the limit is " + Limits.RECORDS_PER_FILE + ": split the file"));
      return;
    }
    for (Node item : items) {
      MapNode map = c.root().asMap(item, shape.name());
      if (map == null) continue;
      Map<String, Location> paths = new HashMap<>();
      int before = errorCount();
      T value = binder.apply(new Fields(map, shape, "", paths, diagnostics));
      if (value != null && errorCount() == before) {
        out.add(new Located<>(value, new Origin(map.location(), paths)));
      } else if (map.entries().get("id") != null
          && map.entries().get("id").value() instanceof Node.Scalar id) {
        unboundIds.add(id.text());
        if (recording != null) recording.unbound.add(id.text());
      }
    }
  }

  private int errorCount() {
    return diagnostics.size() + skipped;
  }

  private Actor actor(Fields f, FileContext c) {
    String id = f.string("id");
    ActorKind kind = f.vocabulary("kind", ActorKind.class);
    String name = f.string("name");
    List<String> aliases = f.strings("aliases");
    String description = f.string("description");
    boolean minor = f.bool("minor");
    List<ActorLink> links = new ArrayList<>();
    List<Node> linkNodes = f.list("links");
    for (int i = 0; i < linkNodes.size(); i++) {
      MapNode m = f.asMap(linkNodes.get(i), "links[" + i + "]");
      if (m == null) continue;
      Fields lf = nested(f, m, AnnotationFormat.LINK, f.path("links") + "[" + i + "]");
      LinkType relation = lf.vocabulary("relation", LinkType.class);
      String actor = lf.string("actor");
      links.add(new ActorLink(relation, actor));
    }
    List<Evidence> evidence = evidence(f, c);
    return new Actor(id, kind, name, aliases, description, minor, links, evidence);
  }

  private Incident incident(Fields f, FileContext c) {
    String id = f.string("id");
    String title = f.string("title");
    String summary = f.string("summary");
    List<IncidentType> types = f.vocabularies("types", IncidentType.class);
    var date = f.date("date");
    String place = f.string("place");
    List<Participant> participants = new ArrayList<>();
    List<Node> nodes = f.list("participants");
    for (int i = 0; i < nodes.size(); i++) {
      MapNode m = f.asMap(nodes.get(i), "participants[" + i + "]");
      if (m == null) continue;
      Fields pf = nested(f, m, AnnotationFormat.PARTICIPANT, f.path("participants") + "[" + i + "]");
      participants.add(new Participant(pf.string("actor"), pf.vocabulary("role", Role.class)));
    }
    Standing standing = standing(f, c);
    List<Evidence> evidence = evidence(f, c);
    return new Incident(id, title, summary, types, date, place, participants, standing, evidence);
  }

  private Statement statement(Fields f, FileContext c) {
    String id = f.string("id");
    String speaker = f.string("speaker");
    StatementKind kind = f.vocabulary("kind", StatementKind.class);
    Venue venue = f.vocabulary("venue", Venue.class);
    List<String> about = f.strings("about");
    String article = articleOf(f, c);
    Node quote = f.node("quote");
    Integer occurrence = f.occurrence("occurrence");
    Evidence found = article == null || quote == null ? null : find(f, article, quote, occurrence);
    if (found == null) return null;
    return new Statement(id, article, speaker, kind, venue, about, found.quote(), found.start(), found.end());
  }

  private Outcome outcome(Fields f, FileContext c) {
    String id = f.string("id");
    String incident = f.string("incident");
    String authority = f.string("authority");
    OutcomeType type = f.vocabulary("type", OutcomeType.class);
    String details = f.string("details");
    var date = f.date("date");
    OutcomeStatus status = f.vocabulary("status", OutcomeStatus.class);
    String supersededBy = f.string("superseded_by");
    Standing standing = standing(f, c);
    List<Evidence> evidence = evidence(f, c);
    return new Outcome(id, incident, authority, type, details, date, status, supersededBy, standing, evidence);
  }

  /**
   * {@code standing: {kind, by, quote}}, the quote found in the record's article as evidence is;
   * in the model its words are {@code standing.evidence}.
   */
  private Standing standing(Fields f, FileContext c) {
    Node n = f.node("standing");
    MapNode m = n == null ? null : f.asMap(n, "standing");
    if (m == null) return null;
    String prefix = f.path("standing");
    Fields sf = nested(f, m, AnnotationFormat.STANDING, prefix);
    StandingKind kind = sf.vocabulary("kind", StandingKind.class);
    String by = sf.string("by");
    String article = articleOf(sf, c);
    Node quote = sf.node("quote");
    Integer occurrence = sf.occurrence("occurrence");
    Evidence words = article == null || quote == null ? null : find(sf, article, quote, occurrence);
    // The rules name the words standing.evidence, the YAML standing.quote.
    Map<String, Location> paths = f.paths();
    paths.put(prefix + ".evidence", m.location());
    if (paths.containsKey(prefix + ".quote")) paths.put(prefix + ".evidence.quote", paths.get(prefix + ".quote"));
    if (paths.containsKey(prefix + ".article")) paths.put(prefix + ".evidence.article", paths.get(prefix + ".article"));
    return words == null ? null : new Standing(kind, by, words);
  }

  private List<Evidence> evidence(Fields f, FileContext c) {
    List<Evidence> out = new ArrayList<>();
    List<Node> nodes = f.list("evidence");
    for (int i = 0; i < nodes.size(); i++) {
      MapNode m = f.asMap(nodes.get(i), "evidence[" + i + "]");
      if (m == null) continue;
      Fields ef = nested(f, m, AnnotationFormat.EVIDENCE, f.path("evidence") + "[" + i + "]");
      String article = articleOf(ef, c);
      Node quote = ef.node("quote");
      Integer occurrence = ef.occurrence("occurrence");
      if (article == null || quote == null) continue;
      Evidence e = find(ef, article, quote, occurrence);
      if (e != null) out.add(e);
    }
    return out;
  }

  /** A redaction with the text that replaces it: null for the default block characters. */
  private record PendingRedaction(Redaction redaction, String replacement) {}

  private void bindRedactions(FileContext c, Map<String, List<PendingRedaction>> out) {
    List<Node> nodes = c.root().list("redactions");
    for (int i = 0; i < nodes.size(); i++) {
      MapNode m = c.root().asMap(nodes.get(i), "redactions[" + i + "]");
      if (m == null) continue;
      Fields f = new Fields(m, AnnotationFormat.REDACTION, "", new HashMap<>(), diagnostics);
      String article = articleOf(f, c);
      Node quoteNode = f.node("quote");
      String reason = f.string("reason");
      String replacement = f.string("replacement");
      if (article == null || quoteNode == null || reason == null) continue;
      String quote = f.asString(quoteNode, "quote");
      if (quote == null) continue;
      if (!redacting.add(article + "\n" + QuoteFinder.normalize(quote))) continue; // said twice: hidden once
      // Every occurrence is hidden, inside longer words too ("#TommyStrong"): a name left
      // visible once is not redacted, and hiding a little more is safe.
      List<QuoteFinder.Span> spans = article(article).finder().findAnywhere(quote);
      int already = out.getOrDefault(article, List.of()).size();
      if (already + spans.size() > Limits.REDACTED_SPANS) {
        diagnostics.add(
            Diagnostic.error(
                quoteNode.location(),
                "E-TOO-MANY-RECORDS",
                "the redactions of article " + article + " would hide " + (already + spans.size()) + " places; the limit is "
                    + Limits.REDACTED_SPANS + ": redact names, not common words"));
        continue;
      }
      if (spans.isEmpty()) {
        diagnostics.add(notFound(quoteNode.location(), article, quote));
        continue;
      }
      for (QuoteFinder.Span s : spans) {
        int length = s.end() - s.start();
        if (replacement != null && replacement.codePointCount(0, replacement.length()) != length) {
          diagnostics.add(
              Diagnostic.error(
                  f.at("replacement").location(),
                  "E-REDACTION-LENGTH",
                  "replacement is " + replacement.codePointCount(0, replacement.length())
                      + " characters but the redacted words are " + length
                      + "; offsets stay valid only if both have the same length"));
          break;
        }
        out.computeIfAbsent(article, k -> new ArrayList<>())
            .add(new PendingRedaction(new Redaction(s.start(), s.end(), reason), replacement));
      }
    }
  }

  /**
   * The redactions of one article in text order, overlapping ones ("Tommy" and "Tommy Jones", or
   * one word matched twice) made one, with their reasons: the published spans never overlap.
   */
  private static List<Redaction> merged(List<PendingRedaction> pending) {
    List<Redaction> sorted =
        pending.stream()
            .map(PendingRedaction::redaction)
            .sorted(java.util.Comparator.comparingInt(Redaction::start).thenComparingInt(Redaction::end))
            .toList();
    List<Redaction> out = new ArrayList<>();
    for (Redaction r : sorted) {
      Redaction last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && r.start() < last.end()) {
        String reason = last.reason().contains(r.reason()) ? last.reason() : last.reason() + "; " + r.reason();
        out.set(out.size() - 1, new Redaction(last.start(), Math.max(last.end(), r.end()), reason));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static final int BLOCK = '\u2588';

  /** The text with every redacted code point replaced; the length in code points is unchanged. */
  private static String redact(String text, List<PendingRedaction> pending) {
    int[] cps = text.codePoints().toArray();
    for (PendingRedaction p : pending) {
      Redaction r = p.redaction();
      int[] with = p.replacement() == null ? null : p.replacement().codePoints().toArray();
      for (int i = r.start(); i < r.end(); i++) {
        cps[i] = with == null ? BLOCK : with[i - r.start()];
      }
    }
    return new String(cps, 0, cps.length);
  }

  private Evidence find(Fields f, String article, Node quoteNode, Integer occurrence) {
    String quote = f.asString(quoteNode, "quote");
    if (quote == null) return null;
    ArticleText text = article(article);
    List<QuoteFinder.Span> spans = text.finder().find(quote);
    QuoteFinder.Span span;
    if (spans.isEmpty()) {
      diagnostics.add(notFound(quoteNode.location(), article, quote));
      return null;
    } else if (occurrence != null) {
      if (occurrence < 1 || occurrence > spans.size()) {
        diagnostics.add(
            Diagnostic.error(
                f.at("occurrence").location(),
                "E-QUOTE-OCCURRENCE",
                "occurrence " + occurrence + " asked for, but the quote is found " + times(spans.size())
                    + " in article " + article));
        return null;
      }
      span = spans.get(occurrence - 1);
    } else if (spans.size() > 1) {
      // Each line once, and the first ten: a one-letter quote can be found thousands of times.
      LineTable table = new LineTable(text.captured());
      int codePoints = text.finder().sourceLength();
      List<Integer> all =
          spans.stream()
              .map(s -> table.lineOf(Words.charIndex(text.captured(), codePoints, s.start())))
              .distinct()
              .toList();
      String lines =
          all.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
              + (all.size() > 10 ? " and " + (all.size() - 10) + " more" : "");
      diagnostics.add(
          Diagnostic.error(
              quoteNode.location(),
              "E-QUOTE-AMBIGUOUS",
              "quote found " + times(spans.size()) + " in article " + article + " (lines " + lines
                  + "); quote more words or add 'occurrence: N'"));
      return null;
    } else {
      span = spans.get(0);
    }
    return new Evidence(article, text.publishedWords(span.start(), span.end()), span.start(), span.end());
  }

  private static String times(int n) {
    return n == 1 ? "once" : n + " times";
  }

  private Diagnostic notFound(Location at, String article, String quote) {
    if (!article(article).finder().findAnywhere(quote).isEmpty()) {
      return EvidenceRule.partialWord(at, article, quote);
    }
    String message = "quote not found in article " + article + ": \"" + quote + "\"";
    // The closest words of the article end the hunt for a typo; looked for in the first few only.
    if (recording != null) recording.countedHints = true;
    if (closestLooked++ < CLOSEST_HINTS) {
      String text = article(article).captured();
      var passage = Spelling.closestPassage(text, quote);
      if (passage.isPresent()) {
        int line = 1 + (int) text.substring(0, passage.get().start()).chars().filter(ch -> ch == '\n').count();
        message += "; the closest words of the article (line " + line + "): \"" + text.substring(passage.get().start(), passage.get().end())
            + "\"; quote them exactly";
      }
    }
    return Diagnostic.error(at, "E-QUOTE-NOT-FOUND", message);
  }

  /** Quotes not found for which the closest passage was looked for: bounded, as each costs a pass over its text. */
  private int closestLooked;

  private static final int CLOSEST_HINTS = 20;

  private Diagnostic unknownArticle(Location at, String article) {
    if (recording != null) recording.allIds = true;
    String near = Spelling.nearest(article, articles.keySet());
    return Diagnostic.error(
        at, "E-UNKNOWN-ARTICLE",
        "unknown article '" + article + "'" + (near == null ? "; articles are listed in the INDEX" : "; did you mean '" + near + "'?"));
  }

  /** The article a quote belongs to: its own 'article' field, else the file's. Null if neither. */
  private String articleOf(Fields f, FileContext c) {
    Node n = f.at("article");
    if (n != null) {
      String id = f.asString(n, "article");
      if (id == null) return null;
      if (!Ids.isSlug(id)) {
        // As a built dataset says it: the id's form is wrong, whatever else.
        diagnostics.add(Diagnostic.error(n.location(), "E-ID-FORMAT", "'article' " + Ids.MESSAGE));
        return null;
      }
      if (!hasArticle(id)) {
        if (unread(id)) {
          skipped++;
        } else {
          diagnostics.add(unknownArticle(n.location(), id));
        }
        return null;
      }
      return id;
    }
    if (c.defaultArticle() == null && c.articleKey()) {
      skipped++;
    }
    if (c.defaultArticle() == null && !c.articleKey()) {
      // One fix (an 'article' at the top) mends every such quote of the file: say it once.
      if (filesWithoutArticle.add(c.file().path())) {
        diagnostics.add(
            Diagnostic.error(
                f.location(),
                "E-MISSING-FIELD",
                "no 'article' here and none at the top of the file; add 'article: <id>' at the top"
                    + " (further quotes of this file without one are not reported)"));
      } else {
        skipped++;
      }
    }
    return c.defaultArticle();
  }

  private Fields nested(Fields parent, MapNode m, AnnotationFormat.Shape shape, String prefix) {
    return new Fields(m, shape, prefix, parent.paths(), diagnostics);
  }
}
