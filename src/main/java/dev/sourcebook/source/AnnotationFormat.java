package dev.sourcebook.source;

import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.IncidentType;
import dev.sourcebook.model.LinkType;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.OutcomeType;
import dev.sourcebook.model.Role;
import dev.sourcebook.model.StandingKind;
import dev.sourcebook.model.StatementKind;
import dev.sourcebook.model.Venue;
import dev.sourcebook.model.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The format a curator writes: every map of dataset.yaml and the annotation files, its keys, which
 * of them are required, and what each holds. The reader takes its keys and their being required
 * from here ({@link Fields} refuses to read a key as another type than this says), and the
 * README's field reference is made from it ({@link #markdown()}), so the two cannot drift apart.
 */
public final class AnnotationFormat {
  private AnnotationFormat() {}

  /** What a value is, in the README's words. */
  public enum Type {
    ID("id"),
    IDS("list of ids"),
    TEXT("text"),
    TEXTS("list of texts"),
    WORDS("words of the article"),
    CODE("code"),
    CODES("list of codes"),
    DATE("date"),
    BOOLEAN("true or false"),
    OCCURRENCE("whole number, 1 or more"),
    MAP("map"),
    MAPS("list of maps");

    final String words;

    Type(String words) {
      this.words = words;
    }
  }

  /**
   * One key of a map.
   *
   * @param vocabulary the codes of a CODE or CODES value, else null
   * @param shape the map of a MAP or MAPS value, by its name, else null
   */
  public record Field(String key, boolean required, Type type, Class<? extends Vocabulary> vocabulary, String shape, String what) {}

  /** One kind of map: its name in messages, where it stands, and its keys in order. */
  public record Shape(String name, String where, List<Field> fields) {
    public List<String> keys() {
      return fields.stream().map(Field::key).toList();
    }

    public Optional<Field> field(String key) {
      return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
  }

  private static Field required(String key, Type type, String what) {
    return new Field(key, true, type, null, null, what);
  }

  private static Field optional(String key, Type type, String what) {
    return new Field(key, false, type, null, null, what);
  }

  private static Field code(String key, boolean required, Class<? extends Vocabulary> vocabulary, String what) {
    return new Field(key, required, Type.CODE, vocabulary, null, what);
  }

  private static Field codes(String key, boolean required, Class<? extends Vocabulary> vocabulary, String what) {
    return new Field(key, required, Type.CODES, vocabulary, null, what);
  }

  private static Field map(String key, boolean required, Type type, String shape, String what) {
    return new Field(key, required, type, null, shape, what);
  }

  private static final String ARTICLE = "the article the words are in; default: the file's `article`";
  private static final String OCCURRENCE = "which one, in text order, when the words stand in the article more than once";

  public static final Shape DATASET =
      new Shape(
          "dataset.yaml",
          "`dataset.yaml`",
          List.of(
              required("name", Type.ID, "the dataset's name, the output folder's name"),
              required("title", Type.TEXT, "the dataset's title"),
              required("version", Type.TEXT, "semantic version of the data, quoted: `'1.0.0'`; `1.1.0-draft` is a pre-release"),
              required("licence", Type.TEXT, "the data's licence, an SPDX id such as `CC-BY-4.0`"),
              optional("description", Type.TEXT, "what the dataset holds")));

  public static final Shape FILE =
      new Shape(
          "annotation file",
          "an annotation file (each key optional)",
          List.of(
              optional("article", Type.ID, "the default article of every quote of the file"),
              map("redactions", false, Type.MAPS, "redaction", "words of a source the published text hides"),
              map("actors", false, Type.MAPS, "actor", "actors"),
              map("incidents", false, Type.MAPS, "incident", "incidents"),
              map("statements", false, Type.MAPS, "statement", "statements"),
              map("outcomes", false, Type.MAPS, "outcome", "outcomes"),
              optional("draft", Type.TEXT, "written by `extract`: the file is not reviewed yet (E-DRAFT); delete the line once every record is checked")));

  public static final Shape EVIDENCE =
      new Shape(
          "evidence",
          "each item of `evidence`",
          List.of(
              optional("article", Type.ID, ARTICLE),
              required("quote", Type.WORDS, "the words that back the record, exactly as the article has them"),
              optional("occurrence", Type.OCCURRENCE, OCCURRENCE)));

  public static final Shape REDACTION =
      new Shape(
          "redaction",
          "each item of `redactions`",
          List.of(
              optional("article", Type.ID, ARTICLE),
              required("quote", Type.WORDS, "the words to hide, wherever they stand in the article"),
              required("reason", Type.TEXT, "why they are hidden, such as `name of a child`"),
              optional("replacement", Type.TEXT, "what the published text shows instead, as many characters; default `█` for each")));

  public static final Shape ACTOR =
      new Shape(
          "actor",
          "each item of `actors`",
          List.of(
              required("id", Type.ID, "the actor's id"),
              code("kind", true, ActorKind.class, "what the actor is"),
              optional("name", Type.TEXT, "the name, words of some source; omit when the sources withhold it, and for a minor"),
              optional("aliases", Type.TEXTS, "every other way the sources name the actor, each words of some source"),
              required("description", Type.TEXT, "who the actor is, in the curator's neutral words"),
              optional("minor", Type.BOOLEAN, "true for a child: never named, and linked to family"),
              map("links", false, Type.MAPS, "link", "family and membership links to other actors"),
              map("evidence", true, Type.MAPS, "evidence", "the words that identify the actor")));

  public static final Shape LINK =
      new Shape(
          "link",
          "each item of an actor's `links`",
          List.of(code("relation", true, LinkType.class, "how the actor relates to the other"), required("actor", Type.ID, "the other actor")));

  public static final Shape STANDING =
      new Shape(
          "standing",
          "the `standing` of an incident or outcome",
          List.of(
              code("kind", true, StandingKind.class, "how far it is established"),
              required("by", Type.ID, "the actor who alleges it, who admitted it, or the authority that found it"),
              optional("article", Type.ID, ARTICLE),
              required("quote", Type.WORDS, "the words that show the standing"),
              optional("occurrence", Type.OCCURRENCE, OCCURRENCE)));

  public static final Shape INCIDENT =
      new Shape(
          "incident",
          "each item of `incidents`",
          List.of(
              required("id", Type.ID, "the incident's id"),
              required("title", Type.TEXT, "a one-line title, neutral as the standing allows"),
              required("summary", Type.TEXT, "what happened, in the curator's words, as the standing allows"),
              codes("types", true, IncidentType.class, "what kind of harassment, at least one"),
              required("date", Type.DATE, "when, as precisely as the sources say"),
              optional("place", Type.TEXT, "where, when a source says"),
              map("participants", true, Type.MAPS, "participant", "the actors and their roles, at least one"),
              map("standing", true, Type.MAP, "standing", "whose account this is"),
              map("evidence", true, Type.MAPS, "evidence", "the words that back the incident")));

  public static final Shape PARTICIPANT =
      new Shape(
          "participant",
          "each item of an incident's `participants`",
          List.of(required("actor", Type.ID, "the actor"), code("role", true, Role.class, "the actor's part in the incident")));

  public static final Shape STATEMENT =
      new Shape(
          "statement",
          "each item of `statements`",
          List.of(
              required("id", Type.ID, "the statement's id"),
              optional("article", Type.ID, ARTICLE),
              required("speaker", Type.ID, "the actor the source attributes the words to"),
              code("kind", true, StatementKind.class, "how the source gives the words"),
              code("venue", false, Venue.class, "where the words were said, only where the source says"),
              optional("about", Type.IDS, "the incidents the words are about"),
              required("quote", Type.WORDS, "the words, exactly as the article has them (without the quotation marks)"),
              optional("occurrence", Type.OCCURRENCE, OCCURRENCE)));

  public static final Shape OUTCOME =
      new Shape(
          "outcome",
          "each item of `outcomes`",
          List.of(
              required("id", Type.ID, "the outcome's id"),
              required("incident", Type.ID, "the incident it is an outcome of"),
              optional("authority", Type.ID, "the actor that acted; omit when no source says who"),
              code("type", true, OutcomeType.class, "what was decided or done"),
              optional("details", Type.TEXT, "more, in the curator's words"),
              required("date", Type.DATE, "when, as precisely as the sources say"),
              code("status", true, OutcomeStatus.class, "how far it is confirmed; `superseded` when a later outcome replaced it"),
              optional("superseded_by", Type.ID, "the outcome that replaced it: required exactly when `status` is `superseded`"),
              map("standing", true, Type.MAP, "standing", "whose account this is"),
              map("evidence", true, Type.MAPS, "evidence", "the words that back the outcome")));

  /** Every shape, in the order the README shows them. */
  public static final List<Shape> ALL =
      List.of(DATASET, FILE, ACTOR, LINK, INCIDENT, PARTICIPANT, STANDING, STATEMENT, OUTCOME, EVIDENCE, REDACTION);

  /** The README's field reference: a table for every map a curator writes. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    for (Shape s : ALL) {
      out.append("\n**").append(capitalised(s.where())).append("**\n\n");
      out.append("| key | required | type | what |\n|---|---|---|---|\n");
      for (Field f : s.fields()) {
        out.append("| `").append(f.key()).append("` | ").append(f.required() ? "yes" : "no").append(" | ").append(typeWords(f))
            .append(" | ").append(f.what()).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String typeWords(Field f) {
    if (f.vocabulary() != null) {
      String codes = String.join(", ", Arrays.stream(f.vocabulary().getEnumConstants()).map(Vocabulary::code).toList());
      return f.type().words + ": " + codes;
    }
    if (f.shape() != null) return f.type().words + " (" + f.shape() + ")";
    return f.type().words;
  }

  private static String capitalised(String s) {
    return s.startsWith("`") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
