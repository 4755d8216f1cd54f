package dev.sourcebook.extract;

import dev.sourcebook.model.StatementKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts the statements of a news text by general rules: it leaves out web debris, finds the
 * words between quotation marks (straight or curly, over several paragraphs when each opens with
 * a mark), and attributes them to a speaker by the patterns of reported speech ("X said", "said
 * X", "X told the BBC:", a colon introduction, the subject of the sentence), resolving pronouns
 * and roles to the last compatible speaker and names to known actors.
 */
public final class Extractor {
  /** What the extractor knows of actors: names and aliases by actor id, and which are organisations. */
  public record KnownActors(Map<String, List<String>> namesById, java.util.Set<String> organisations) {
    public static final KnownActors NONE = new KnownActors(Map.of(), java.util.Set.of());

    /** The actors of a dataset: every name and alias, and which are organisations. */
    public static KnownActors of(dev.sourcebook.model.Dataset d) {
      Map<String, List<String>> names = new java.util.HashMap<>();
      java.util.Set<String> organisations = new java.util.HashSet<>();
      for (dev.sourcebook.model.Actor a : d.actors()) {
        List<String> all = new ArrayList<>(a.aliases());
        if (a.name() != null) all.add(a.name());
        names.put(a.id(), all);
        if (a.kind() == dev.sourcebook.model.ActorKind.ORGANISATION) organisations.add(a.id());
      }
      return new KnownActors(names, organisations);
    }
  }

  /** A proposed statement: char offsets of the words, the speaker, how it was attributed. */
  public record Proposal(
      int start, int end, String quote, String speaker, boolean knownSpeaker, StatementKind kind, String why, String phrase) {}

  /** A line left out, and why. */
  public record LeftOut(int line, String text, String why) {}

  /** A sentence that reports an outcome, and the type it names. */
  public record ProposedOutcome(int start, int end, dev.sourcebook.model.OutcomeType type, String words) {}

  /**
   * The draft: statements, outcomes the text reports, known actors it names (with how often), and
   * the lines left out.
   */
  public record Draft(
      List<Proposal> statements, List<ProposedOutcome> outcomes, Map<String, Integer> mentioned, List<LeftOut> leftOut) {}

  static final String VERBS =
      "said|says|added|adds|told|tells|tweeted|posted|wrote|writes|explained|insisted|argued|warned|claimed"
          + "|stated|asked|continued|concluded|replied|admitted|described|commented"
          // and the livelier verbs of tabloids and wire copy
          + "|blasted|fumed|raged|slammed|revealed|vowed|declared|announced|confirmed|recalled|noted|stressed|pleaded|joked"
          + "|boasted|complained|conceded|acknowledged|remarked|responded|demanded|pledged|urged|sobbed|screamed|shouted|yelled";
  /** Capitalised words, with the small words of an organisation's name between them ("Department for Communities and Democracy"). */
  private static final String NAME = "\\p{Lu}[\\p{L}’'.-]*(?:\\s+(?:(?:for|of|and|the)\\s+){0,2}\\p{Lu}[\\p{L}’'.-]*){0,4}";
  private static final String TITLE = "(?:(?:Ms|Mr|Mrs|Miss|Dr|Sir|Dame|Lord|Lady|Sgt|Sergeant|Inspector|PC)\\.?\\s+)?";
  private static final String ROLE =
      "\\b(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\\s+(?:(?!(?:which|who|whom|whose|that|he|she|it|they)\\b)[\\p{L}\\d’'-]+\\s+){0,4}?"
          // not a relative clause's pronouns: "an email in which he called"
          + "(?:(?!(?:he|she|it|they|which|who|has|have|had|is|was|were|are|will|would)\\b)[a-z\\d][a-z\\d-]*|[A-Z]{2,}s?|(?<=\\d-year-old\\s)\\p{Lu}[a-z]+)";
  private static final String PRONOUN = "\\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)";
  private static final String NP = "(" + TITLE + NAME + "|(?:[Tt]he\\s+)" + NAME + "|" + ROLE + "|" + PRONOUN + "\\b|(?:[Oo]ne|[Aa]nother)(?=\\s+(?:" + VERBS + ")\\b))";

  /** " media platform Chirper" after "the social": the name at the end of a description, no comma between. */
  private static final Pattern NAME_AFTER_DESCRIPTION = Pattern.compile("(?:[’']s)?(?:\\s+[a-z][\\p{L}-]*){0,3}\\s*,?\\s+(" + TITLE + NAME + ")");
  /** "Gavin Stroud, the Conservative group leader on " before "the council, who": the name the description is of. */
  private static final Pattern NAME_BEFORE_APPOSITIVE = Pattern.compile("(" + TITLE + NAME + ")\\s*,\\s*(?:(?:the|a|an)\\s+[^,.;:“”\"]{1,80})?$");
  /** A name after a noun or two, nothing between: "barrister Harriet Blewett" (not "complaint to the Dunham Borough Council"). */
  private static final Pattern NAME_CLOSING = Pattern.compile("^(?:[a-z]+\\s+){1,2}(" + TITLE + NAME + "|he|she|they)$");
  /** ", said X" or ", X said" right after the closing mark. */
  private static final Pattern AFTER =
      // (not "..., told MSPs on Wednesday": who is told is not who speaks)
      Pattern.compile("^[\\s,.!?]*(?:(?!(?:told|tells|asked)\\b)(?:" + VERBS + ")\\s+" + NP + "|" + NP + "\\s+(?:" + VERBS + ")\\b)");
  /** "A spokeswoman for Leicestershire Police ..." */
  private static final Pattern FOR_ORG =
      Pattern.compile("^(?:[Aa]n?|[Tt]he)\\s+(?:[a-z]+\\s+){0,2}?(?:spokes(?:wo)?man|spokesperson|representative|statement)\\s+(?:for|from|of)\\s+((?:the\\s+)?" + NAME + "|the\\s+[a-z]+)");
  /** ", a spokeswoman for Harwick District Council said" / "said a spokesman for the force": the organisation. */
  private static final Pattern AFTER_FOR_ORG =
      Pattern.compile("^[\\s,.!?]*((?:" + VERBS + ")\\s+)?(?:[Aa]n?|[Tt]he)\\s+(?:[a-z]+\\s+){0,2}?(?:spokes(?:wo)?man|spokesperson|representative)"
          + "\\s+(?:for|from|of|at)\\s+((?:the\\s+)?" + NAME + "|the\\s+[a-z]+)(\\s+(?:" + VERBS + ")\\b)?");
  /** A sentence's subject: a capitalised role ("The Home Secretary"), a role, a pronoun or a name. */
  private static final Pattern SUBJECT = Pattern.compile("^(?:([Tt]he\\s+" + NAME + ")|(" + ROLE + ")|(" + PRONOUN + ")\\b|(" + TITLE + NAME + "))");
  private static final Pattern ACCORDING = Pattern.compile("[Aa]ccording to (?:the )?(" + NAME + ")");
  private static final Pattern ORGANISATION =
      Pattern.compile(
          "(?:Police|Council|Party|Court|Service|Services|Office|Ministry|Department|Government|Parliament|Commons|News|BBC|Force"
              + "|Authority|Trust|Council's|hall|paper|newspaper|charity|company|firm|platform|broadcaster|union|board)",
          Pattern.CASE_INSENSITIVE);

  /** After the quote, in the same sentence: "... by Twitter users" (a passive report). */
  private static final Pattern BY = Pattern.compile("^[^.!?\\n]{0,40}?\\bby\\s+((?:the\\s+)?" + NAME + "(?:\\s+[a-z]+)?|" + ROLE + ")");
  /** "A Waltham Forest council spokesman": the organisation a spokesperson speaks for. */
  private static final Pattern ORG_ROLE =
      Pattern.compile("(?:[Aa]n?|[Tt]he)\\s+((?:\\p{Lu}[\\p{L}’'-]*\\s+)+(?:[a-z]+\\s+)?)(?:spokes(?:wo)?man|spokesperson|representative)");
  /** A speaker and a verb of saying, anywhere in the words before the quote. */
  private static final Pattern SAYS =
      Pattern.compile("(" + ROLE + "|(?:[Tt]he\\s+)?(?:(?:former|then|new|late|outgoing|current)\\s+)?" + TITLE + NAME + "|" + PRONOUN + ")"
          // an age or a short description between commas: "Ellie Ainsworth, 17, wrote"
          + "(?:\\s*,\\s*(?:\\d{1,3}|[a-z]+ing|(?:the|a|an|of|from|for)\\s+[^,.;:“”\"]{1,50}?),)?"
          + "\\s+(?:(?:has|had|have|also|then|later|ultimately|again|this week)\\s+)*(?<!\\b(?:was|were|is|are|been|being)\\s)(?:" + VERBS + "|ruled|concluded|accused|urged|branded|insists|emphasises|called|labelled|dubbed)\\b");

  /** "..., whose director, Dr Siobhán Kearney, said": the name that closes a description between commas, and its verb. */
  private static final Pattern APPOSITIVE_SAYS =
      Pattern.compile(",\\s*(?:whose|the|a|an|his|her|its|their)\\s+[^,.;:“”\"]{1,60},\\s*(" + TITLE + NAME + ")\\s*,\\s+(?:" + VERBS + ")\\b");

  private static final Pattern OFFICERS = Pattern.compile("\\b(?:officers|police|detectives)\\b");
  private static final Pattern AFTER_PREPOSITION = Pattern.compile("\\b(?:in|at|from|of|for|to|on|near|across|outside)\\s+$");

  /** A noun phrase that a relative pronoun or a passive's "by" can stand for: a name (with "the"), or a role. */
  private static final String ANTECEDENT = "((?:[Tt]he\\s+)?" + TITLE + NAME + "|" + ROLE + ")";
  /** "..., who said" / "..., which replied that": the speaker is what the relative pronoun stands for. */
  private static final Pattern RELATIVE =
      Pattern.compile(ANTECEDENT + "\\s*,\\s*(?:who|which|that)\\s+(?:(?:has|had|have|also|then|later|now)\\s+)*(?:" + VERBS + "|replied|responded|says|branded|accused|urged|called)\\b");
  /** "Cllr D’Arcy, whose formal complaint to the council described ...": whose the words are. */
  private static final Pattern RELATIVE_WHOSE =
      Pattern.compile(ANTECEDENT + "\\s*,\\s*whose\\s+([^,.;:“”\"]{1,60}?)\\s(?:" + VERBS + "|called|branded|labelled|dubbed)\\b");
  /** "somebody shopping in Tesco who said": a restrictive relative, without its comma, after someone unnamed. */
  private static final Pattern RELATIVE_RESTRICTIVE =
      Pattern.compile("((?:[Ss]omebody|[Ss]omeone|[Aa]n?\\s+[a-z]+)(?:\\s+[\\p{L}’'-]+){0,5}?)\\s+who\\s+(?:" + VERBS + ")\\b");
  /** "... was told by X that": the speaker is the passive's agent. */
  private static final Pattern PASSIVE_BY =
      Pattern.compile("(?:\\b(?:was|were|been|being|is|are)\\s+(?:(?:also|later|then|repeatedly|previously|once)\\s+)?|(?<=\\p{L}\\s)(?=(?:described|branded|labelled|called)\\s+by\\b))"
          + "(?:told|warned|informed|advised|assured|reminded|promised|described|called|branded|labelled|labeled|dubbed|termed|praised"
          + "|criticised|criticized|condemned|hailed|accused|thanked|commended|quoted)\\s+by\\s+"
          // "by officers", "by colleagues": people not named, a plural alone; else "by (prosecutor) X"
          + "((?:[a-z]+\\s+)?(?:[a-z]{3,}s|police)\\b(?!\\s+\\p{Lu})|(?:[a-z]+\\s+){0,2}?" + ANTECEDENT + ")");
  /**
   * "The advice, which the MP called “...”", "What the policing minister, Marcus Delaney, called a
   * “...” incident": the speaker is the relative clause's subject.
   */
  private static final Pattern OBJECT_RELATIVE =
      Pattern.compile("\\b(?:which|that|whom|[Ww]hat)\\s+(" + ANTECEDENT + "|[a-z]{3,}s|police|(?:its|their|his|her)\\s+[a-z]+)(?:\\s*,\\s*" + TITLE + NAME + "\\s*,)?\\s+(?:(?:has|had|have|later|also|then)\\s+)*(?:called|described|branded|labelled|labeled|dubbed|termed)\\b");
  /** "a call from social services informing her", "a letter from the council saying": whom the message is from. */
  private static final Pattern MESSAGE_FROM =
      Pattern.compile("\\b(?:call|letter|email|e-mail|message|note|text|notice|statement|reply|response|warning)s?\\s+from\\s+((?:[Tt]he\\s+)?" + TITLE + NAME + "|" + ROLE
          + "|[a-z]+(?:\\s+[a-z]+)?)\\s*,?\\s+(?:saying|telling|informing|warning|stating|claiming|explaining|confirming|insisting|to say)\\b");
  /** A name and its verb in the past, opening a clause: "Trask had jabbed". */
  private static final Pattern CLAUSE_SUBJECT = Pattern.compile("(" + TITLE + NAME + ")\\s+(?:(?:had|has|have|then|also)\\s+)?[a-z]+ed\\b");
  /** "..., but said the encounter had left her": a second verb of the sentence's subject. */
  private static final Pattern SAYS_TOO = Pattern.compile(",?\\s+(?:and|but)\\s+(?:(?:then|later|also|has|had)\\s+)*(?:" + VERBS + ")\\b");
  /** "... was told that": reported to the subject by someone the sentence does not name. */
  private static final Pattern PASSIVE =
      Pattern.compile("\\b(?:was|were|been|being|is|are)\\s+(?:(?:also|later|then|repeatedly|previously|once)\\s+)?(?:told|warned|informed|advised|assured|reminded|promised)\\b(?!\\s+by\\b)"
          // without its verb: "with one researcher told that ..." (told, informed: never without an object when active)
          + "|\\b(?:told|informed)(?=\\s+(?:that|to)\\b)");
  /** A past participle before "by" that makes it a passive report: "was shared by", "posted by". */
  private static final Pattern REPORTED_BY =
      Pattern.compile("\\b(?:[a-z]+ed|written|said|told|sent|made|seen|given|quoted|shared|posted|echoed|repeated)\\s+by\\s*$");

  /** Sentence-initial words that are not names even though they are capitalised. */
  private static final java.util.Set<String> NOT_NAMES =
      java.util.Set.of("A", "An", "The", "This", "That", "These", "Those", "Their", "His", "Her", "Its", "Our", "My",
          "Your", "Not", "While", "Meanwhile", "However", "But", "And", "So", "Although", "When", "After", "Before",
          "If", "As", "In", "On", "At", "Of", "Other", "Since", "Once", "Last", "There", "Then", "Here", "What",
          "Why", "How", "Sharing", "Speaking", "According", "Accompanying", "Even", "Unless", "Because");

  private final String text;
  /** Where the headline ends; -1 when the text opens without one. */
  private final int headlineEnd;
  private final KnownActors known;
  /** Known actors by the places their names stand, for pronouns and roles. */
  private final java.util.TreeMap<Integer, String> mentions = new java.util.TreeMap<>();
  /** 'f' or 'm' for the people whose honorific the names or the text give ("Ms Holt", "Sir Peter"). */
  private final Map<String, Character> gender = new java.util.HashMap<>();
  private static final Pattern HONORIFIC = Pattern.compile("\\b(Mr|Ms|Mrs|Miss|Sir|Lady|Dame|Lord)\\.?\\s+(\\p{Lu}[\\p{L}’'-]+)");
  /**
   * Roles the text gives people, by where it gives them: "Maria Holt, the MP for Eastbridge",
   * "The Home Secretary, Peter Lund,", "Labour MP Maria Holt", "Peter Lund is the home
   * secretary", "Dr Rahman" (a doctor). "The MP said" then means the person the text made the MP.
   */
  private final java.util.TreeMap<Integer, Map.Entry<String, java.util.Set<String>>> roles = new java.util.TreeMap<>();
  /** Words of a role phrase after which its describing words end: "the MP for Eastbridge", "the councillor whose ...". */
  private static final java.util.Set<String> ROLE_ENDS =
      java.util.Set.of("for", "of", "in", "at", "on", "from", "whose", "who", "which", "that", "and", "with", "to", "since", "when", "where");
  /** The last person quoted, and where the last quotation ended. */
  private String previousPerson;
  private int previousEnd;
  /** The speaker of the quotation before (not of words quoted inside it). */
  private String previousSpeaker;

  private Extractor(String text, KnownActors known) {
    this.text = text;
    this.headlineEnd = headlineEnd(text);
    this.known = known;
    // Where two names start at the same place, the longer one (then the smaller id) holds it,
    // whatever order the actors come in.
    List<Map.Entry<String, String>> names = new ArrayList<>();
    known.namesById().forEach((id, list) -> list.forEach(n -> names.add(Map.entry(id, n))));
    names.sort(
        java.util.Comparator.<Map.Entry<String, String>>comparingInt(e -> -e.getValue().length())
            .thenComparing(Map.Entry::getKey));
    for (var e : names) {
      Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(e.getValue()) + "(?![\\p{L}])").matcher(text);
      while (m.find()) mentions.putIfAbsent(m.start(), e.getKey());
    }
    // Honorifics say who is a woman and who a man, for "she" and "he": in the names, then in the
    // text, then the roles the text gives (findRoles).
    for (var e : names) {
      Matcher h = HONORIFIC.matcher(e.getValue());
      if (h.lookingAt()) gender.putIfAbsent(e.getKey(), female(h.group(1)) ? 'f' : 'm');
    }
    // Then a given name that is most often a woman's or a man's ("Gareth Lowe", "Marion Tate").
    for (var e : names) {
      if (known.organisations().contains(e.getKey())) continue;
      Matcher given = GIVEN_NAME.matcher(e.getValue());
      Character g = given.lookingAt() ? GivenNames.gender(given.group(1)) : null;
      if (g != null) gender.putIfAbsent(e.getKey(), g);
    }
    // Then an honorific in the text before a surname, when one person alone has that surname ("Ms
    // Lindsay" says nothing of her husband Stuart Lindsay).
    for (Matcher h = HONORIFIC.matcher(text); h.find(); ) {
      java.util.Set<String> bearers = new java.util.TreeSet<>();
      for (var e : names) {
        if (containsWords(e.getValue(), h.group(2)) && !known.organisations().contains(e.getKey())) bearers.add(e.getKey());
      }
      if (bearers.size() == 1) gender.putIfAbsent(bearers.iterator().next(), female(h.group(1)) ? 'f' : 'm');
    }
    findRoles();
  }

  /** A name's given name, after a title: "Cllr Gareth Lowe", "Det Supt Ian Crowther". */
  private static final Pattern GIVEN_NAME =
      Pattern.compile("(?:(?:Cllr|Councillor|Dr|Prof|Professor|Judge|Recorder|Sir|Dame|Lord|Lady|Baroness|DCI|DC|DS|DI|Det|Supt|Sgt|PC|Chief|Constable|Inspector|Superintendent)\\.?\\s+)*(\\p{Lu}[\\p{L}’'-]+)(?:\\s+\\p{Lu}|$)");

  private static final Pattern AFTER_NAME = Pattern.compile("^\\s*,\\s*(?:the|a|an)\\s+([^,.;:“”\"\\n]{1,60})");
  private static final Pattern COPULA =
      Pattern.compile("^\\s+(?:is|was|became|has been|had been|remains)\\s+(?:the\\s+|a\\s+|an\\s+)?([a-z][^,.;:“”\"\\n]{0,40})");
  /** What a court report says of the person it opens a sentence with, when they are the one tried. */
  private static final Pattern ACCUSED =
      Pattern.compile("[^.;“”\"]{0,80}?\\b(?:admitted|admits|denies|denied|pleaded|was found guilty|was convicted|was jailed|was sentenced|was charged|is charged|was cleared|appeared (?:at|before))\\b");

  private static final Pattern AGE_AFTER_NAME = Pattern.compile("\\s*,\\s*(\\d{1,3})\\s*,");

  /** What someone's office is, by a relative clause: "who chairs the home affairs committee", "who has represented Ravensholme". */
  private static final Pattern WHO_SERVES =
      Pattern.compile("^\\s*,\\s*who\\s+(?:(?:has|had|have|also|now)\\s+)*(represent|chair|lead|le|head)(?:s|ed|d)?\\s+((?:the\\s+)?[^,.;:“”\"\\n]{1,60})");
  /** The office each verb's stem gives ("led": le). */
  private static final Map<String, String> SERVING = Map.of("represent", "representative", "chair", "chair", "lead", "leader", "le", "leader", "head", "head");
  private static final Pattern BEFORE_NAME = Pattern.compile("(?:^|[.!?]\\s+|\\b)(?:[Tt]he|[Aa]n?|\\p{Lu}[\\p{L}-]*[’']s)\\s+([^,.;:“”\"\\n]{1,40}),\\s*$");
  private static final Pattern PREMODIFIER = Pattern.compile("((?:\\p{Lu}?[\\p{L}’'-]+\\s+){1,3})$");

  /** Every role the text gives a known person, at the place it gives it. */
  private void findRoles() {
    for (var m : mentions.entrySet()) {
      String id = m.getValue();
      if (known.organisations().contains(id)) continue;
      int at = m.getKey();
      String name = longestNameAt(at, id);
      java.util.Set<String> words = new java.util.HashSet<>();
      String after = text.substring(at + name.length(), Math.min(text.length(), at + name.length() + 80));
      Matcher a = AFTER_NAME.matcher(after);
      if (a.find()) words.addAll(roleWords(a.group(1)));
      Matcher c = COPULA.matcher(after);
      if (c.find()) words.addAll(roleWords(c.group(1)));
      // "Daniel Okafor-Reeve, 39, ...": the 39-year-old.
      Matcher age = AGE_AFTER_NAME.matcher(after);
      if (age.lookingAt()) words.add(age.group(1) + "-year-old");
      // "Patrick O'Driscoll, who has represented Ravensholme since 2010": the Ravensholme MP.
      Matcher r = WHO_SERVES.matcher(after);
      if (r.find()) {
        words.add(SERVING.get(r.group(1)));
        for (String w : r.group(2).split("\\s+")) if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) words.add(w.toLowerCase(Locale.ROOT));
      }
      String before = text.substring(Math.max(0, at - 60), at);
      Matcher b = BEFORE_NAME.matcher(before);
      if (b.find()) words.addAll(roleWords(b.group(1)));
      else {
        Matcher p = PREMODIFIER.matcher(before);
        if (p.find()) {
          // The words right before the name, back to the first that cannot describe ("said", "to").
          String[] ws = p.group(1).strip().split("\\s+");
          for (int i = ws.length - 1; i >= 0 && !ROLE_ENDS.contains(ws[i].toLowerCase(Locale.ROOT)) && !ws[i].matches("(?i)said|told|says|met|by|and|the|a|an"); i--) {
            words.add(ws[i].toLowerCase(Locale.ROOT));
          }
        }
      }
      if (name.startsWith("Dr ")) words.add("doctor");
      if (name.matches("(?:Judge|Recorder|Sheriff|District Judge|Lord Justice|Mr Justice|Mrs Justice)\\s.*")) words.add("judge");
      if (name.matches("(?:Baroness|Lord|Lady)\\s.*")) words.add("peer");
      // "Craig Dunlop, 38, of Mill Brae, admitted a charge ...": the defendant, the accused.
      if (sentenceStart(at) == at && ACCUSED.matcher(text.substring(at + name.length(), sentenceEnd(at))).lookingAt()) {
        words.addAll(List.of("defendant", "accused"));
      }
      if (!words.isEmpty()) roles.put(at, Map.entry(id, words));
      // "his daughter Ellie", "Peter Lund, the husband of ...": a role can say who is a woman or a man.
      char g = descriptionGender(String.join(" ", new java.util.TreeSet<>(words)));
      if (g != '?') gender.putIfAbsent(id, g);
    }
    // "A senior MP has said she was forced to move ...": a description that opens a sentence, of
    // the person the text names further on, is a role of theirs there (so "the Labour MP" later
    // can be told from the Home Secretary).
    for (Matcher d = INDEFINITE_OPENING.matcher(text); d.find(); ) {
      String lower = d.group(1).toLowerCase(Locale.ROOT);
      if (!PERSON.matcher(lower).find() || MEMBER.matcher(lower).matches()) continue;
      // Whom the extractor takes the description for where it stands (as a speaker would be).
      String holder = resolve(d.group(1), d.start(1));
      if (known.namesById().containsKey(holder) && !known.organisations().contains(holder)) {
        roles.put(d.start(1), Map.entry(holder, roleWords(d.group(1).replaceFirst("^\\S+\\s+", ""))));
      }
    }
  }

  /** A sentence that opens with an indefinite description of someone: "A senior MP has said". */
  private static final Pattern INDEFINITE_OPENING =
      Pattern.compile("(?:^|\\n|[.!?]\\s+)((?:A|An)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?[\\p{L}’'-]+)(?=\\s+(?:who|whose|has|have|had|is|was|says|said|told|wrote|,))");

  private static final Pattern SENTENCE_STOP = Pattern.compile("[.!?](?=\\s|$)|\\n");

  /** Where the sentence that holds {@code at} ends: after its stop, or at the line's end. */
  private int sentenceEnd(int at) {
    Matcher m = SENTENCE_STOP.matcher(text);
    return m.find(at) ? m.end() : text.length();
  }

  /** The name of actor {@code id} that stands at {@code at}: the longest. */
  private String longestNameAt(int at, String id) {
    String best = "";
    for (String n : known.namesById().get(id)) {
      if (text.startsWith(n, at) && n.length() > best.length()) best = n;
    }
    return best;
  }

  /** "Labour MP for Eastbridge" -> labour, mp: the words that describe, lower-cased, "ex-" dropped. */
  private static java.util.Set<String> roleWords(String phrase) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : phrase.strip().split("\\s+")) {
      if (w.matches(".*[’']s")) continue; // "the council’s chief executive": the council is whose, not what
      String word = w.toLowerCase(Locale.ROOT).replaceAll("^ex-", "");
      if (ROLE_ENDS.contains(word)) break;
      if (!word.isEmpty()) out.add(word);
    }
    return out;
  }

  /**
   * The person the text made what the role phrase names ("the MP", "the Eastbridge MP", "the
   * home secretary"): of those given the role's last word, the one whose role shares most of its
   * other words, then the one given it nearest before {@code at}.
   */
  private String roleHolder(String rolePhrase, int at) {
    java.util.Set<String> words = roleWords(rolePhrase.replaceFirst("^(?i)(the|a|an)\\s+", ""));
    String[] all = rolePhrase.strip().split("\\s+");
    String head = all[all.length - 1].toLowerCase(Locale.ROOT).replaceAll("^ex-", "");
    String best = null;
    int bestShared = -1;
    int bestOther = 0;
    for (var e = roles.lowerEntry(at); e != null; e = roles.lowerEntry(e.getKey())) {
      java.util.Set<String> given = e.getValue().getValue();
      if (!given.contains(head)) continue;
      int shared = 0;
      for (String w : words) if (!w.equals(head) && given.contains(w)) shared++;
      // As many words in common besides the last: the role with fewer words of its own ("the Home
      // Secretary" is not "the shadow home secretary"); with none in common, the nearest ("the
      // peer" is the peer named last).
      int other = given.size() - shared - 1;
      if (shared > bestShared || shared == bestShared && shared > 0 && other < bestOther) {
        best = e.getValue().getKey();
        bestShared = shared;
        bestOther = other;
      }
    }
    return best != null ? best : sharingWords(words, at);
  }

  /**
   * A description whose last word no role has ("the Labour boss"): the one person given a role
   * before {@code at} that shares most of its other words, if one does more than any other.
   */
  private String sharingWords(java.util.Set<String> words, int at) {
    Map<String, Integer> shared = new java.util.HashMap<>();
    for (var e = roles.lowerEntry(at); e != null; e = roles.lowerEntry(e.getKey())) {
      int n = 0;
      for (String w : words) if (e.getValue().getValue().contains(w)) n++;
      shared.merge(e.getValue().getKey(), n, Math::max);
    }
    int most = shared.values().stream().max(Integer::compare).orElse(0);
    if (most == 0) return null;
    List<String> best = shared.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
    return best.size() == 1 ? best.get(0) : null;
  }

  /**
   * What an organisation is called by its kind, and the words its names have: "the force" for a
   * police force, "the authority" for a council, "the paper" for a newspaper.
   */
  private static final Map<String, Pattern> KINDS =
      Map.ofEntries(
          Map.entry("force", Pattern.compile("\\b(?:Police|Constabulary|Force)\\b")),
          Map.entry("police", Pattern.compile("\\b(?:Police|Constabulary)\\b")),
          Map.entry("constabulary", Pattern.compile("\\b(?:Police|Constabulary)\\b")),
          Map.entry("council", Pattern.compile("\\b(?:Council|Authority|Borough)\\b")),
          Map.entry("authority", Pattern.compile("\\b(?:Council|Authority|Borough)\\b")),
          Map.entry("department", Pattern.compile("\\b(?:Department|Ministry|Office)\\b")),
          Map.entry("ministry", Pattern.compile("\\b(?:Department|Ministry|Office)\\b")),
          Map.entry("party", Pattern.compile("\\b(?:Party|Labour|Conservatives?|Democrats?|Greens?)\\b")),
          Map.entry("union", Pattern.compile("\\bUnion\\b")),
          Map.entry("charity", Pattern.compile("\\b(?:Trust|Foundation|Fund|Society|Charity|Aid)\\b")),
          Map.entry("trust", Pattern.compile("\\bTrust\\b")),
          Map.entry("court", Pattern.compile("\\bCourt\\b")),
          Map.entry("paper", Pattern.compile("\\b(?:Echo|Gazette|Times|Post|News|Herald|Mail|Express|Telegraph|Guardian|Chronicle|Argus|Standard|Mirror|Journal|Observer|Star|Sun|Press|Advertiser|Courier)\\b")),
          Map.entry("newspaper", Pattern.compile("\\b(?:Echo|Gazette|Times|Post|News|Herald|Mail|Express|Telegraph|Guardian|Chronicle|Argus|Standard|Mirror|Journal|Observer|Star|Sun|Press|Advertiser|Courier)\\b")),
          Map.entry("broadcaster", Pattern.compile("\\b(?:Broadcasting|BBC|ITV|Channel|Radio|Television|TV|Sky)\\b")));

  /** The organisation of the kind {@code noun} names (see {@link #KINDS}) named nearest before {@code at}; null when none. */
  private String ofKind(String noun, int at) {
    Pattern names = KINDS.get(noun);
    if (names == null) return null;
    return nearest(at, id -> known.organisations().contains(id) && known.namesById().get(id).stream().anyMatch(n -> names.matcher(n).find()));
  }

  /** The first person the text gives the role phrase's last word after {@code at}. */
  private String roleHolderAfter(String rolePhrase, int at) {
    String[] all = rolePhrase.strip().split("\\s+");
    String head = all[all.length - 1].toLowerCase(Locale.ROOT).replaceAll("^ex-", "");
    for (var e = roles.higherEntry(at); e != null; e = roles.higherEntry(e.getKey())) {
      if (e.getValue().getValue().contains(head)) return e.getValue().getKey();
    }
    return null;
  }

  private static final Pattern KIND_SPOKESPERSON = Pattern.compile("(?:a|an|the)\\s+([a-z]+)\\s+(?:spokes(?:wo)?man|spokesperson|source|official)");

  /** The words for someone a report leaves unnamed on purpose. */
  private static final String ANONYMOUS =
      "(?:source|insider|friend|pal|ally|aide|neighbour|witness|onlooker|passer-by|bystander|relative|member of the public|caller|complainant|sender|stranger|heckler|figure|resident|constituent|passenger)";

  /** An unnamed member of an organisation; group 1 for the police's. */
  private static final Pattern MEMBER =
      Pattern.compile("(?:a|an|one)\\s+(?:[\\p{L}’'-]+\\s+){0,2}?(?:(officer|detective|constable|policeman|policewoman)|official|employee|staff member|worker)");

  /** Words that name a person by what they are or do (the head of a description of someone). */
  private static final Pattern PERSON =
      Pattern.compile(
          "\\b(?:man|woman|men|women|boy|girl|person|people|mother|father|mum|dad|parent|wife|husband|son|daughter|sister|brother"
              + "|grandmother|grandfather|widow|widower|mp|mps|mla|mlas|msp|msps|mep|meps|councillor|minister|secretary|politician|backbencher|peer|lord|baroness"
              + "|judge|magistrate|recorder|prosecutor|lawyer|solicitor|barrister|officer|detective|constable|inspector|sergeant"
              + "|superintendent|commissioner|spokes(?:wo)?man|spokesperson|official|leader|chair|chairman|chairwoman|chief|director"
              + "|executive|adviser|aide|staffer|caseworker|member|candidate|campaigner|activist|resident|constituent|voter|neighbour"
              + "|friend|relative|colleague|victim|survivor|witness|defendant|stalker|troll|critic|supporter|journalist|reporter"
              + "|[a-z]+ist|[a-z]+ian|\\d+-year-old)\\b");

  private static boolean female(String honorific) {
    return honorific.matches("Ms|Mrs|Miss|Lady|Dame");
  }

  /** Whether the actor can be "he" ('m') or "she" ('f'): yes unless the text says otherwise. */
  private boolean fits(String id, char pronounGender) {
    Character g = gender.get(id);
    return g == null || g == pronounGender;
  }

  public static Draft extract(String text, KnownActors known) {
    return new Extractor(text, known).run();
  }

  private Draft run() {
    List<Debris.Line> lines = Debris.lines(text);
    List<LeftOut> leftOut = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).leftOut() != null) leftOut.add(new LeftOut(i + 1, lines.get(i).text().strip(), lines.get(i).leftOut()));
    }
    List<int[]> spans = new ArrayList<>(QuoteScanner.spans(text, lines));
    // A name in quotation marks after "the alias", "known as", "called": a name, not words said.
    spans = new NonSpeech(text, headlineEnd, this::sentenceStart).withoutNames(spans);
    List<Proposal> out = new ArrayList<>();
    String previous = null;
    int outerEnd = -1;
    for (int[] s : spans) {
      String quote = text.substring(s[0], s[1]);
      // Words a speaker quotes inside their own quotation (“... who said: ‘...’”) are someone
      // else's: said by whom the words before them say, and no speaker for what follows.
      boolean nested = s[1] <= outerEnd;
      Attribution a = attribute(s[0], s[1]);
      if (a == null && !nested) a = introducedBefore(s[0]);
      String phrase = a == null ? null : a.phrase();
      String speaker = a == null ? (nested ? null : previous) : a.speaker();
      String why = a == null ? "no speaker pattern: the previous quotation's speaker" : a.why();
      if (speaker == null) {
        speaker = "unknown-speaker";
        why = "no speaker found";
      }
      if (nested) {
        out.add(new Proposal(s[0], s[1], quote, speaker, known.namesById().containsKey(speaker), kind(quote), why, phrase));
        continue;
      }
      outerEnd = s[1];
      previous = speaker;
      previousSpeaker = speaker;
      if (!known.organisations().contains(speaker) && !speaker.equals("unknown-speaker")) previousPerson = speaker;
      previousEnd = s[1];
      out.add(new Proposal(s[0], s[1], quote, speaker, known.namesById().containsKey(speaker), kind(quote), why, phrase));
    }
    out = withoutHeadingEchoes(out);
    List<ProposedOutcome> outcomes =
        Outcomes.find(text, lines).stream().map(f -> new ProposedOutcome(f.start(), f.end(), f.type(), f.words())).toList();
    Map<String, Integer> mentioned = new java.util.TreeMap<>();
    mentions.values().forEach(id -> mentioned.merge(id, 1, Integer::sum));
    return new Draft(out, outcomes, mentioned, leftOut);
  }

  /**
   * A headline quotes words the article quotes in full further down ("MP says threats are ‘not
   * part of the job’"): the statement is the later quotation, as curators record it (one statement
   * for the words, where the article gives them whole), so the headline's is not proposed.
   */
  private List<Proposal> withoutHeadingEchoes(List<Proposal> proposals) {
    List<Proposal> out = new ArrayList<>();
    for (Proposal p : proposals) {
      int lineEnd = headingEnd(p.start());
      String words = normalised(p.quote());
      boolean echoed = lineEnd >= 0 && proposals.stream().anyMatch(later -> later.start() >= lineEnd && inOrder(words, normalised(later.quote())));
      if (!echoed) out.add(p);
    }
    return out;
  }

  /** Whether each of {@code words} stands in {@code in}, in their order, others between allowed ("damaging public life" in "damaging the whole of public life"). */
  private static boolean inOrder(String words, String in) {
    int from = 0;
    for (String w : words.strip().split(" ")) {
      int at = in.indexOf(" " + w + " ", from);
      if (at < 0) return false;
      from = at + w.length() + 1;
    }
    return true;
  }

  /**
   * Where the heading that holds {@code at} ends: the headline, or a subheading between paragraphs
   * (a short line that is not a sentence: "'Damaging public life'", "Police investigated a 'number
   * of emails'"); -1 when {@code at} is in neither.
   */
  private int headingEnd(int at) {
    if (at < headlineEnd) return headlineEnd;
    int start = paragraphStart(at);
    int nl = text.indexOf('\n', at);
    int end = nl < 0 ? text.length() : nl;
    if (start == 0 || end - start > 120) return -1; // (a paragraph: not cut out for each of its quotations)
    String line = text.substring(start, end).strip();
    return line.length() <= 100 && !line.matches("(?s).*[.!?,:;][”’\"']?") && !line.matches("(?s).*[.!?][”’\"']?\\s.*") ? end : -1;
  }

  /**
   * The words, lower-cased, without punctuation and without articles, which headlines leave out
   * ("‘received death threat’" for “I received a death threat”), each between spaces.
   */
  static String normalised(String words) {
    String plain = (" " + words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", " ") + " ").replaceAll(" (?:a|an|the)(?= )", "");
    return plain.replaceAll(" +", " ");
  }

  /**
   * Where the text's first line ends when that line is a headline (no longer than a headline is,
   * and no full stop at its end, which would make it a sentence); -1 when it is not one.
   */
  private static int headlineEnd(String text) {
    int firstLineEnd = text.indexOf('\n');
    if (firstLineEnd < 0 || firstLineEnd > 300) return -1;
    String headline = text.substring(0, firstLineEnd).strip();
    return headline.isEmpty() || headline.matches("(?s).*[.!?][”’\"]?") ? -1 : firstLineEnd;
  }

  /**
   * The first words after a headline's quotation and its colon or dash, to a person's noun or a
   * known name ("councillor", "Aberllyn caseworker", "MP’s caseworker"); null when none stands in
   * the first three.
   */
  private String headlineSubjectAfter(String after) {
    Matcher words = HEADLINE_WORDS_AFTER.matcher(after);
    if (!words.lookingAt()) return null;
    String[] ws = words.group(1).strip().split("\\s+");
    for (int k = 0; k < ws.length; k++) {
      String phrase = String.join(" ", java.util.Arrays.copyOfRange(ws, 0, k + 1));
      if (PERSON.matcher(ws[k].toLowerCase(Locale.ROOT)).matches() || match(phrase) != null) return phrase;
    }
    return null;
  }

  /** A speaker, why, and the words of the text that name them (null when none stand there). */
  private record Attribution(String speaker, String why, String phrase) {
    Attribution(String speaker, String why) {
      this(speaker, why, null);
    }
  }

  private Attribution attribute(int start, int end) {
    int closing = end;
    while (closing < text.length() && "”\"’',.!? ".indexOf(text.charAt(closing)) >= 0) closing++;
    String after = text.substring(closing, lineEnd(closing));
    // The sentence ends with the quotation when a full stop stands at its end, inside the marks or
    // just outside them, and a capital opens what follows.
    boolean stopped = end > start && (".!?".indexOf(text.charAt(end - 1)) >= 0 || text.substring(end, closing).matches("(?s).*[.!?].*"));
    boolean sentenceEnds = stopped && after.strip().length() > 0 && Character.isUpperCase(after.strip().charAt(0));
    Attribution broken = brokenBy(start);
    if (broken != null) return broken;
    Attribution headline = inHeadline(start, closing);
    if (headline != null) return headline;
    Matcher spokes = AFTER_FOR_ORG.matcher(after);
    if (spokes.find() && (spokes.group(1) != null || spokes.group(3) != null)) {
      String named = mentions.get(closing + spokes.start(2));
      return new Attribution(named != null ? named : resolve(spokes.group(2), start), "after the quotation, a spokesperson for: \"" + spokes.group(2) + "\"", spokes.group(2));
    }
    Matcher m = AFTER.matcher(after);
    // After a quotation that ends its sentence, the next sentence attributes it only when it is
    // nothing more ("Maria Holt said on Tuesday."), not when it says something of its own.
    if (m.find() && (!sentenceEnds || onlyAttribution(after.substring(m.end())))) {
      String np = m.group(1) != null ? m.group(1) : m.group(2);
      // "..., said he had learned": a pronoun after the verb opens the clause said, it is not an
      // inverted speaker ("..., said he.").
      boolean clause = m.group(1) != null && np.matches("[Hh]e|[Ss]he|[Ii]t|[Tt]hey") && after.substring(m.end()).matches("\\s+\\p{L}.*");
      // "said the MS, Siân Howells", "said the council's leader, Sue Widger", "said Brodie's
      // solicitor, Iain Rennie": the name the description or the possessive gives after it.
      String named = m.group(1) != null && np.matches("(?s)(?:the|a|an)\\s.*|.*[’']s") ? nameGivenAfter(after, m.end()) : null;
      if (named != null) return new Attribution(match(named), "after the quotation: \"" + m.group().strip() + " ..., " + named + "\"", named);
      boolean thing = m.group(1) != null && isThing(np); // "..., confirmed an investigation": no inverted speaker
      if (isPhrase(np) && !clause && !thing) return new Attribution(resolve(np, start), "after the quotation: \"" + m.group().strip() + "\"", np);
    }
    if (!sentenceEnds) {
      Matcher acc = ACCORDING_AFTER.matcher(after);
      if (acc.find()) {
        String np = acc.group(1) != null ? acc.group(1) : acc.group(2);
        return new Attribution(resolve(np, start), "according to " + np, np);
      }
    }
    int sentence = sentenceStart(start);
    String before = text.substring(sentence, Math.max(sentence, start - 1));
    MatchResult possessed = lastMatch(POSSESSIVE_SPEECH, before, r -> isPhrase(r.group(1)));
    if (possessed != null && !before.matches("(?s).*\\b(?:" + VERBS + ")\\b.*")) {
      // "Ms McLeish’s complaint that the system had been “...”": the words of whose complaint it is
      // (unless someone in the sentence says them: "The force said the officer’s comments “...”").
      return new Attribution(resolve(possessed.group(1), start), "whose words: \"" + possessed.group() + "\"", possessed.group(1));
    }
    Matcher reading = READING.matcher(before);
    if (reading.find()) {
      // "one user had sent her a message ... reading: “...”": whoever sent it, else its maker.
      MatchResult sender = lastMatch(SENT, before.substring(0, reading.start()), r -> isPhrase(r.group(1)));
      if (sender != null) {
        String np = sender.group(1);
        return new Attribution(unnamedOrResolved(np, start), "sent by: \"" + np + "\"", np);
      }
      return madeBy(reading.group(1), text.substring(sentence, lineEnd(end)), start);
    }
    MatchResult writing = lastMatch(ABOUT_WRITING, before, r -> true);
    if (writing != null && writing.end() == before.length()) {
      // "a complaint about her “divisive” views": the words of whoever made the complaint.
      return madeBy(writing.group(1), text.substring(sentence + writing.start(), lineEnd(end)), start);
    }
    Matcher by = BY.matcher(after);
    boolean ownClause = by.find() && after.substring(0, by.start(1)).matches("(?s).*\\b(?:was|were|is|are|been|being|had|has|have)\\b.*");
    if (!sentenceEnds && by.find(0) && isPhrase(by.group(1)) && (REPORTED_BY.matcher(after.substring(0, by.start(1))).find() && !ownClause || passiveBefore(start))) {
      return new Attribution(resolve(by.group(1), start), "reported by: \"" + by.group(1) + "\"", by.group(1));
    }
    Matcher acc = ACCORDING.matcher(before);
    if (acc.find()) return new Attribution(resolve(acc.group(1), start), "according to " + acc.group(1));
    Matcher role = ORG_ROLE.matcher(before);
    // (not "Ewan Baird, the Scottish Conservatives’ justice spokesman, said": a person's description)
    if (role.find() && !before.substring(0, role.start()).strip().endsWith(",")) return new Attribution(resolve(role.group(1).strip(), start), "spokesperson of " + role.group(1).strip());
    String leading = before.strip();
    Matcher f = FOR_ORG.matcher(leading);
    if (f.find()) {
      // (the organisation whose name stands there, small words and all: "for Safe to Stand")
      String named = mentions.get(sentence + before.indexOf(leading) + f.start(1));
      return new Attribution(named != null ? named : resolve(f.group(1), start), "spokesperson for " + f.group(1));
    }
    // The reporting construct nearest the quotation decides: "X said", ", who said" (what "who"
    // stands for), "was told by X" (the agent), or "was told" (someone the sentence does not name).
    // (not a place after a preposition: "A Labour councillor in Ashburn has said")
    MatchResult says =
        later(lastMatch(SAYS, before, r -> isPhrase(r.group(1)) && !AFTER_PREPOSITION.matcher(before.substring(0, r.start(1))).find()), lastMatch(APPOSITIVE_SAYS, before, r -> true));
    MatchResult restrictive = lastMatch(RELATIVE_RESTRICTIVE, before, r -> true);
    MatchResult whose = lastMatch(RELATIVE_WHOSE, before, r -> true);
    MatchResult relative =
        later(later(later(lastMatch(RELATIVE, before, r -> true), restrictive), lastMatch(OBJECT_RELATIVE, before, r -> true)), whose);
    MatchResult agent = lastMatch(PASSIVE_BY, before, r -> true);
    MatchResult passive = lastMatch(PASSIVE, before, r -> true);
    MatchResult sender = lastMatch(MESSAGE_FROM, before, r -> true);
    MatchResult too = lastMatch(SAYS_TOO, before, r -> true);
    int last = Math.max(Math.max(Math.max(end(says), end(relative)), Math.max(end(agent), end(passive))), Math.max(end(sender), end(too)));
    if (last >= 0 && last == end(agent)) {
      String np = wholeAgent(before, agent.start(1), agent.group(1));
      return new Attribution(unnamedOrResolved(np, start), "told by: \"" + np + "\"", np);
    }
    if (last >= 0 && last == end(sender)) return new Attribution(resolve(sender.group(1), start), "a message from: \"" + sender.group(1) + "\"", sender.group(1));
    if (last >= 0 && last == end(relative) && relative == restrictive && relative.start(1) > 0) {
      // "was approached by a man who said he knew ...": someone the relative clause itself
      // describes, not a person the text names elsewhere (unless a name or alias of theirs is these
      // words). Opening the sentence ("A man who called an MP a “...” has been jailed"), it is the
      // report's subject, whom the text may name further on.
      String id = match(relative.group(1));
      return new Attribution(id != null ? id : slug(relative.group(1)), "someone unnamed, who: \"" + relative.group(1) + "\"", relative.group(1));
    }
    if (last >= 0 && last == end(relative) && relative == whose) {
      // "Pengelly, whose barrister Harriet Blewett said": the one the words after "whose" name.
      Matcher named = NAME_CLOSING.matcher(relative.group(relative.groupCount()));
      if (named.find() && named.group(1).matches("he|she|they")) {
        // "Western Counties Police, whose officers he said had been “...”": whoever "he" is.
        return new Attribution(resolve(named.group(1), start), "whose ..., said by: \"" + named.group(1) + "\"", named.group(1));
      }
      if (named.find(0) && match(named.group(1)) != null && !known.organisations().contains(match(named.group(1)))) return new Attribution(match(named.group(1)), "whose ... named: \"" + named.group(1) + "\"", named.group(1));
    }
    if (last >= 0 && last == end(relative)) {
      // "Gavin Stroud, the Conservative group leader on the council, who said": who is Gavin
      // Stroud, whom the description between commas describes, not the council.
      Matcher headed = NAME_BEFORE_APPOSITIVE.matcher(before.substring(0, relative.start(1)));
      String np = relative.group().contains("who") && headed.find() && match(headed.group(1)) != null ? headed.group(1) : relative.group(1);
      return new Attribution(resolve(np, start), "relative clause of: \"" + np + "\"", np);
    }
    if (last >= 0 && last == end(passive)) {
      // Told by someone unnamed: most often the authority the paragraph names last.
      String authority = nearestMentioned(start, true, paragraphStart(start));
      if (authority == null) authority = nearestMentioned(start, true, 0);
      return authority == null ? null : new Attribution(authority, "told, by whom the sentence does not say: the organisation named last");
    }
    if (last >= 0 && last == end(too) && last > end(says)) {
      // "... said Trask had jabbed a finger ... and told him:": the subject of the clause joined,
      // when one opens after the sentence's start and no comma sets the verb apart ("..., and told
      // the court:" is the sentence's subject's); else the sentence's subject.
      MatchResult joined = lastMatch(CLAUSE_SUBJECT, before.substring(0, too.start()), r -> r.start() > 0 && isPhrase(r.group(1)));
      if (joined != null && !too.group().startsWith(",") && match(joined.group(1)) != null) return new Attribution(match(joined.group(1)), "the subject of the clause, and said: \"" + joined.group(1) + "\"", joined.group(1));
      String subject = subject(before.strip());
      if (subject != null && isPhrase(subject)) return new Attribution(resolve(subject, start), "the subject of the sentence, and said: \"" + subject + "\"", subject);
    }
    if (says != null) return new Attribution(resolve(says.group(1), start), "reported speech: \"" + says.group(1) + "\"", says.group(1));
    Matcher author = SUBJECT_BY.matcher(before.strip());
    if (author.find()) return new Attribution(resolve(author.group(1), start), "by whom the subject was made: \"" + author.group(1) + "\"", author.group(1));
    String subject = subject(before.strip());
    if (subject != null && WRITING.matcher(subject).matches()) return madeBy(subject, before, start);
    // "Another, sent through Natterbox, read:", after messages or letters: one of them.
    if (ONE_OF_THEM.matcher(before.strip()).matches() && sentenceStart(start) > 0
        && WRITTEN_PLURAL.matcher(text.substring(previousSentenceStart(sentenceStart(start)), sentenceStart(start))).find()) {
      return madeBy(before.strip(), before, start);
    }
    if (subject != null && isPhrase(subject)) {
      return new Attribution(resolve(subject, start), "subject of the sentence: \"" + subject + "\"", subject);
    }
    return null;
  }

  /** Something written, and what it reads: "a message after it was taken down reading:", "a note reading". */
  private static final Pattern READING =
      Pattern.compile("\\b((?:[Aa]n?|[Tt]he|[Oo]ne)\\s+(?:[a-z-]+\\s+)?(?:message|note|letter|post|email|e-mail|tweet|text|card|sign|reply|voicemail)s?)\\b[^.;“”\"]{0,60}?\\b(?:reading|read|reads|ended|began|said)\\s*:?\\s*[“\"‘']?\\s*$");
  /** "One read:", "Another, sent through Natterbox, read:": one of some things just spoken of. */
  private static final Pattern ONE_OF_THEM = Pattern.compile("(?:One|Another)\\b[^.“”\"]{0,60}\\b(?:read|reads|ended|said|began)\\s*:?");
  private static final Pattern WRITTEN_PLURAL = Pattern.compile("\\b(?:messages|letters|posts|emails|e-mails|tweets|texts|notes|voicemails|cards)\\b");
  /** Who sent or wrote something: "one user had sent her". */
  private static final Pattern SENT =
      Pattern.compile("(" + ROLE + "|" + TITLE + NAME + "|[Ss]omeone|[Ss]omebody)\\s+(?:(?:had|has|have|then|later|also)\\s+)*(?:sent|posted|left|wrote|emailed|texted|tweeted)\\b");

  /** Something written, the words it holds right after it: "a complaint about her “...”". */
  private static final Pattern ABOUT_WRITING =
      Pattern.compile("\\b((?:[Aa]n?|[Tt]he)\\s+(?:[a-z-]+\\s+)?(?:complaint|post|letter|message|email|tweet|leaflet|referral|note|petition)s?"
          // "a complaint from Eilidh Sutherland, a Scottish Greens councillor, about his “...” reply"
          + "(?:\\s+(?:from|by)\\s+" + TITLE + NAME + "(?:\\s*,[^,.;:“”\"]{1,60},)?)?)"
          + "\\s+(?:about|against|describing|calling|branding|accusing|claiming|saying)\\s+(?:[\\p{L}’'-]+\\s+){0,4}?[“\"‘]?\\s*$");

  /** Something written or sent, as a subject: "The complaint", "A typed note", "One post". */
  private static final Pattern WRITING =
      Pattern.compile("(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne)\\s+(?:[a-z-]+\\s+){0,2}?(?:complaint|post|letter|note|message|email|e-mail|tweet|leaflet"
          + "|referral|parcel|package|card|document|petition|text|reply|notice|advert|video|clip)s?");

  /** "a complaint from Eilidh Sutherland": whom it is from. */
  private static final Pattern FROM_NAME = Pattern.compile("\\b(?:from|by)\\s+(" + TITLE + NAME + ")");

  /** Made by someone, in a relative clause: ", which was made to the House of Lords by a member of the public,". */
  private static final Pattern MADE_BY =
      Pattern.compile("\\b(?:written|sent|posted|made|published|issued|shared|signed|tweeted|submitted|filed|lodged|left|delivered)\\s+[^,.;:“”\"]{0,50}?\\bby\\s+" + ANTECEDENT);
  /** A verb of making something written: "Mr Harcourt has written to the Speaker." */
  private static final Pattern WROTE = Pattern.compile("(?<!\\b(?:was|were|been|being|is|are)\\s)\\b(?:wrote|written|writes|sent|sends|posted|posts|published|publishes|issued|tweeted|lodged|submitted)\\b");

  /**
   * A thing as the sentence's subject ("The complaint ... accused her of “...”", "The letter
   * describes staff as “...”"): its author's words; the one it says made it, else the subject of
   * the sentence before when that sentence says they wrote or sent something, else someone the
   * text does not name (not whoever was named last).
   */
  private Attribution madeBy(String subject, String before, int start) {
    Matcher from = FROM_NAME.matcher(subject);
    if (from.find() && isPhrase(from.group(1))) return new Attribution(resolve(from.group(1), start), "from: \"" + from.group(1) + "\"", from.group(1));
    Matcher made = MADE_BY.matcher(before);
    if (made.find() && isPhrase(made.group(1))) {
      // "by a member of the public": someone the text does not name, not the next person it does.
      String np = wholeAgent(before, made.start(1), made.group(1));
      return new Attribution(unnamedOrResolved(np, start), "made by: \"" + np + "\"", np);
    }
    int sentence = sentenceStart(start);
    // (not the sentence before when it opens with a quotation: its subject would be the quotation's words)
    if (sentence > 0 && !text.substring(previousSentenceStart(sentence)).matches("(?s)^[“\"‘'].*")) {
      String previous = text.substring(previousSentenceStart(sentence), sentence);
      // "Sian Pickering said Flack had posted ...": whoever the verb of writing has for its subject.
      MatchResult sent = lastMatch(SENT, previous, r -> isPhrase(r.group(1)));
      String writer = sent != null ? sent.group(1) : subject(previous.strip());
      if (writer != null && isPhrase(writer) && !isThing(writer) && WROTE.matcher(previous).find()) {
        return new Attribution(resolve(writer, start), "written by the subject of the sentence before: \"" + writer + "\"", writer);
      }
    }
    // In a court report, the messages read out are the accused's.
    String accused = nearestMentioned(start, false, 0, id -> roles.values().stream().anyMatch(r -> r.getKey().equals(id) && r.getValue().contains("accused")));
    if (accused != null) return new Attribution(accused, "the words of " + subject.strip() + ", in a court report: the accused's");
    return new Attribution("unknown-speaker", "the words of " + subject.strip() + ", whose author the text does not name");
  }

  /** The verbs of saying headlines use. */
  private static final String HEADLINE_VERBS = "says|warns|tells|claims|insists|vows|admits";
  /** A headline's speaker after its quotation, without articles: "‘...’, says councillor", "‘...’: MP’s fury". */
  private static final Pattern HEADLINE_AFTER =
      Pattern.compile("^\\s*(?:[,:–—-]\\s*)?(?:" + HEADLINE_VERBS + ")\\s+((?:(?!(?:after|over|as|amid|following|in|at|on|for|with|from|to|and)\\b)[\\p{L}’'-]+(?:\\s+|$)){1,3})"
          + "|^\\s*[:–—-]\\s*((?:[\\p{L}’'-]+\\s+){0,2}?[\\p{L}-]+)[’']s\\s");
  /** The first words of a headline after its quotation and a colon or dash. */
  private static final Pattern HEADLINE_WORDS_AFTER = Pattern.compile("\\s*[:–—-]\\s*((?:[\\p{L}’'-]+\\s*){1,3})");
  /** A headline's subject before its verb, the quotation after a colon: "Peer urges ministers to act: ‘...’". */
  private static final Pattern HEADLINE_SUBJECT_FIRST =
      Pattern.compile("^((?:\\p{Lu}[\\p{L}’'-]*\\s+){0,2}?\\p{Lu}?[\\p{L}’'-]+)\\s+(?:[a-z]+s|[a-z]+ed)\\b[^:“”\"‘’]*:\\s*[“\"‘']?$");
  /** ... or before it: "Councillor: ‘...’", "MP says ‘...’". */
  private static final Pattern HEADLINE_BEFORE =
      Pattern.compile("^((?:[\\p{L}’'-]+\\s+){0,2}?[\\p{L}’'-]+)\\s*(?::|\\s(?:" + HEADLINE_VERBS + "))\\s*$");

  /**
   * A headline's quotation, when the headline says whose it is in a headline's way, without
   * articles: a name, or a role that the report gives someone below ("MP’s fury" for the MP the
   * report names).
   */
  private Attribution inHeadline(int start, int closing) {
    int firstLineEnd = headlineEnd;
    if (firstLineEnd < 0 || closing > firstLineEnd) return null;
    Matcher a = HEADLINE_AFTER.matcher(text.substring(closing, firstLineEnd));
    Matcher b = HEADLINE_BEFORE.matcher(text.substring(0, Math.max(0, start - 1)).strip());
    boolean after = a.find();
    String np = after ? (a.group(1) != null ? a.group(1).strip() : a.group(2)) : b.find() ? b.group(1) : null;
    // "“...” – councillor attacked while leafleting", "‘...’: Aberllyn caseworker back at work",
    // "‘...’ – MP’s caseworker relives ..." (not "MP’s fury"): the headline's subject after it.
    String subjectAfter = headlineSubjectAfter(text.substring(closing, firstLineEnd));
    if (subjectAfter != null && (np == null || after && a.group(2) != null)) np = subjectAfter;
    if (np == null) {
      // "Peer urges ministers to act: ‘...’": the headline's subject, opening it.
      Matcher subjectFirst = HEADLINE_SUBJECT_FIRST.matcher(text.substring(0, Math.max(0, start - 1)));
      if (subjectFirst.find()) np = subjectFirst.group(1);
    }
    if (np == null) return null;
    String id = match(np);
    if (id == null && PERSON.matcher(np.toLowerCase(Locale.ROOT)).find()) {
      id = roleHolderAfter(np, firstLineEnd);
      if (id == null) id = firstNamedAfter(firstLineEnd - 1, x -> !known.organisations().contains(x));
    }
    return id == null ? null : new Attribution(id, "the headline's speaker: \"" + np + "\"", np);
  }

  /** Someone's words by their name: "Ms McLeish’s complaint that", "the council’s statement". */
  private static final Pattern POSSESSIVE_SPEECH =
      Pattern.compile("((?:[Tt]he\\s+)?" + TITLE + NAME + "|[Tt]he\\s+[a-z]+)[’']s?\\s+(?:[a-z]+\\s+)?(?:complaint|claim|claims|statement|warning|words|comments|remarks"
          + "|allegations?|description|insistence|argument|accusation|assertion|plea|message|tweet|post|letter|email|response|reply|testimony|evidence|view|views)\\b");

  private static final Pattern OPENING_PHRASE =
      Pattern.compile("^(?:\\p{Lu}[a-z-]+ing|\\p{Lu}[a-z]+ly|\\p{Lu}[a-z-]+ed|In|On|At|After|Before|During|Outside|Inside|For|From|With|Without|Despite|Among|Since|Until|Under|Over|Asked|Speaking|Writing|Interviewed|Later|Earlier)\\b[^,.;:“”\"]{0,80},\\s*");

  /**
   * A description and the name it gives, as a subject: "The committee chair, Dame Ursula Penrose,
   * called ...", "Mr Vale’s solicitor, Jane Doe, said ...".
   */
  private static final Pattern APPOSITIVE =
      Pattern.compile("^(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|" + TITLE + NAME + "[’']s?)\\s+[^,.;:“”\"]{1,80}?,\\s+(" + TITLE + NAME + "),\\s");

  /** A subject made by someone: "A post written by the Labour leader", "The referral by Neil Hargreaves". */
  private static final Pattern SUBJECT_BY =
      Pattern.compile("^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\\s+(?:[a-z]+\\s+){0,2}?[a-z]+\\s+(?:(?:written|sent|posted|made|published|issued|shared|signed|tweeted|submitted|filed|lodged)\\s+)?by\\s+" + ANTECEDENT);

  /** The last match of {@code p} in {@code s} that {@code keep} accepts; null when none. */
  private static MatchResult lastMatch(Pattern p, String s, java.util.function.Predicate<MatchResult> keep) {
    MatchResult last = null;
    Matcher m = p.matcher(s);
    // A match refused is tried again from its next character ("But Dr Miriam Holt said": not
    // "But ...", but "Dr Miriam Holt").
    for (int from = 0; from <= s.length() && m.find(from); ) {
      if (keep.test(m)) {
        last = m.toMatchResult();
        from = Math.max(m.end(), m.start() + 1);
      } else {
        // ... but not inside a phrase someone possesses ("Their Social Media Code emphasises").
        from = m.group().matches("(?s)(?:Their|His|Her|Its|Our|My|Your)\\s.*") ? Math.max(m.end(), m.start() + 1) : m.start() + 1;
      }
    }
    return last;
  }

  /** The first match of {@code p} in {@code s} that {@code keep} accepts; null when none. */
  private static MatchResult firstMatch(Pattern p, String s, java.util.function.Predicate<MatchResult> keep) {
    for (Matcher m = p.matcher(s); m.find(); ) if (keep.test(m)) return m.toMatchResult();
    return null;
  }

  /** Of two matches, the one that ends later (the first when they end together). */
  private static MatchResult later(MatchResult a, MatchResult b) {
    return end(b) > end(a) ? b : a;
  }

  private static int end(MatchResult m) {
    return m == null ? -1 : m.end();
  }

  /** ", according to X" / "according to the council's report" (what the possessor said). */
  private static final Pattern ACCORDING_AFTER = Pattern.compile("^[\\s,]*according to (?:(?:the )?(" + NAME + ")|((?:the|its|their)\\s+[a-z]+)[’']s?\\s)");

  /** What is left of a sentence after its attribution: a few words ("on Tuesday") and its end. */
  private static boolean onlyAttribution(String rest) {
    return rest.matches("(?s)[^.!?:“”\"\n]{0,30}[.!?].*") && !rest.matches("(?s)\\s*(?:that|he|she|they|it|the|a|an|this|his|her|their)\\b.*");
  }

  /**
   * “A,” said X, “B”: a quotation whose sentence an attribution broke in two is the previous
   * quotation's, and has its speaker.
   */
  private Attribution brokenBy(int start) {
    if (previousSpeaker == null || previousEnd <= 0 || previousEnd >= start) return null;
    String between = text.substring(previousEnd, start);
    if (!between.matches("(?s)[”\"’]?\\s*,?\\s*[^.!?“”\"\n]{1,60},\\s*[“\"]\\s*")) return null;
    if (!AFTER.matcher(between.replaceFirst("^[”\"’]", "")).find()) return null;
    return new Attribution(previousSpeaker, "the same sentence as the quotation before, broken by its attribution");
  }

  /** "has been branded “...” by X": a passive verb right before the quotation makes its "by" the reporter. */
  private boolean passiveBefore(int start) {
    int sentence = sentenceStart(start);
    String before = text.substring(sentence, Math.max(sentence, start - 1));
    // Other quotations may stand between: "branded “shocking” and “appalling” by X".
    return Pattern.compile("\\b(?:been|was|were|is|are|being)\\s+[a-z]+(?:ed|en)\\b(?:\\s+(?:in|at|on|by|during|to)(?:\\s+[a-z]+){1,2})?(?:\\s+as)?(?:\\s*[“\"][^”\"\\n]*[”\"]\\s*(?:,|and|or)?)*\\s*[“\"‘']?\\s*$")
        .matcher(before).find();
  }

  /**
   * A quotation that opens its sentence with no attribution, after a sentence of the same
   * paragraph whose subject is a known actor ("Mr Corrie disagreed. “...”"): that actor, not the
   * previous quotation's speaker.
   */
  private Attribution introducedBefore(int start) {
    int sentence = sentenceStart(start);
    if (!text.substring(sentence, Math.max(sentence, start - 1)).isBlank()) return null; // the quotation does not open its sentence
    int paragraph = paragraphStart(start);
    if (sentence <= paragraph) return introducedByParagraphBefore(start, paragraph);
    if (sentence - 2 < previousEnd) return null;
    int previous = sentenceStart(sentence - 1);
    if (previous < previousEnd) return null; // the sentence before holds the last quotation: its speaker's, not its words' subject
    String subject = subject(text.substring(previous, sentence).strip());
    if (subject == null || !isPhrase(subject)) return null;
    String id = match(subject);
    return id == null ? null : new Attribution(id, "subject of the sentence before: \"" + subject + "\"", subject);
  }

  /**
   * A paragraph that is a quotation alone, after a paragraph without one that reports what a
   * known person other than the last speaker said or did ("The Conservative MP Tom Redfern
   * recalled ...\n\n“We have normalised ...”"): that person's words.
   */
  private Attribution introducedByParagraphBefore(int start, int paragraph) {
    if (paragraph <= 0 || previousEnd >= paragraph) return null;
    int before = paragraphStart(Math.max(0, paragraph - 1));
    while (before > 0 && text.substring(before, paragraph).isBlank()) before = paragraphStart(before - 1);
    String last = text.substring(before, paragraph);
    if (last.isBlank() || last.indexOf('“') >= 0 || last.indexOf('"') >= 0 || previousEnd > before) return null;
    if (depth >= 2) return null;
    String topic = topicBefore(start);
    if (topic == null || known.organisations().contains(topic) || topic.equals(previousSpeaker)) return null;
    return new Attribution(topic, "the person the paragraph before reports", null);
  }

  /**
   * False for a phrase that a capitalised sentence opener made look like a name ("While Jones"),
   * and for words before a verb joined to another ("one night and").
   */
  private static boolean isPhrase(String np) {
    // "... came to me one night and said": a verb's second half, whose subject opens the sentence.
    if (np.strip().matches("(?s).*\\s(?:and|or|but)")) return false;
    String first = np.strip().split("\\s+")[0];
    return !NOT_NAMES.contains(first) || first.equals("A") || first.equals("An") || first.equals("The");
  }

  /** The subject a sentence opens with: a spokesperson's organisation, a role, a pronoun or a name. */
  private static String subject(String sentence) {
    String s = sentence.replaceFirst("^[^\\p{L}]+", "");
    // "Responding for the government, the policing minister ...": the subject follows an opening
    // participle's or preposition's phrase.
    s = OPENING_PHRASE.matcher(s).replaceFirst("");
    Matcher f = FOR_ORG.matcher(s);
    if (f.find()) return f.group(1);
    Matcher named = APPOSITIVE.matcher(s);
    if (named.find()) return named.group(1);
    Matcher m = SUBJECT.matcher(s);
    if (!m.find()) return null;
    if (m.group(2) != null) {
      // A description as subject is all its words up to its verb or its clause, not the fewest a
      // role can be ("A senior Labour member of the Senedd, who ...").
      Matcher whole = WHOLE_DESCRIPTION.matcher(s);
      if (whole.lookingAt()) return whole.group(1).strip();
    }
    String np = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
    return np == null ? null : np.strip();
  }

  /** A description's words up to its verb, its clause or a comma (at most seven), without "of the ..." after them. */
  private static final Pattern WHOLE_DESCRIPTION =
      Pattern.compile("((?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)(?:\\s+(?!(?:who|which|that|whose|has|have|had|is|was|were|are|will|would|of|for|in|at|from|with|on|to|as"
          + "|read|reads|came|comes|found|finds|showed|shows|" + VERBS + ")\\b)"
          // (nor a verb in -ed with its object or phrase after it: "The leaflet appeared a week after")
          + "(?![a-z]+ed\\s+(?:a|an|the|to|in|on|at|by|for|that|with|from|his|her|their|its|him|them)\\b)[\\p{L}\\d’'-]+){1,7})");

  /**
   * The known actor the sentence before the one at {@code at} is about: the speaker of its last
   * reporting clause, else its subject; null when neither is a known actor.
   */
  private String topicBefore(int at) {
    int sentence = sentenceStart(at);
    if (sentence <= 0) return null;
    int previous = previousSentenceStart(sentence);
    String before = text.substring(previous, sentence);
    MatchResult says = lastMatch(SAYS, before, r -> isPhrase(r.group(1)));
    // "Cllr Lowe said one man in the gallery had called him ...": the clause reported is inside the
    // one reporting it; what the sentence is about is its reporter.
    MatchResult outer = firstMatch(SAYS, before, r -> isPhrase(r.group(1)));
    if (outer != null && says != null && outer.end() < says.start()) says = outer;
    Matcher author = SUBJECT_BY.matcher(before.strip());
    String np = says != null ? says.group(1) : author.find() ? author.group(1) : subject(before.strip());
    if (np == null || !isPhrase(np) || isThing(np)) return null;
    int where = previous + (says != null ? says.start(1) : 0);
    depth++;
    try {
      String id = resolve(np, where);
      // Someone unnamed the sentence reports ("One MP, who asked not to be named, said ...") is
      // what it is about too.
      boolean unnamed = np.matches("(?:One|Another|An?|one|another|an?)\\s.*") && PERSON.matcher(np.toLowerCase(Locale.ROOT)).find();
      return known.namesById().containsKey(id) || unnamed ? id : null;
    } finally {
      depth--;
    }
  }

  /**
   * The first known person of gender {@code g} named after the reporting verb of the sentence
   * before the one at {@code at} ("told the jury Brannigan had ..."); null when there is none.
   */
  private String reportedSubject(int at, char g) {
    if (g == '?') return null;
    int sentence = sentenceStart(at);
    if (sentence <= 0) return null;
    int previous = previousSentenceStart(sentence);
    MatchResult says = lastMatch(SAYS, text.substring(previous, sentence), r -> isPhrase(r.group(1)));
    if (says == null) return null;
    for (var e = mentions.ceilingEntry(previous + says.end()); e != null && e.getKey() < sentence; e = mentions.higherEntry(e.getKey())) {
      String id = e.getValue();
      if (!known.organisations().contains(id) && gender.containsKey(id) && fits(id, g)) return id;
    }
    return null;
  }

  /**
   * Whom a phrase stands for; an indefinite one ("a man", "a member of the public", "one user",
   * "someone") is someone the text does not name, not the next person it does, unless a name or
   * alias of theirs is these words; an unnamed member of an organisation ("an officer") speaks for it.
   */
  private String unnamedOrResolved(String np, int at) {
    boolean indefinite = np.matches("(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]omeone|[Ss]omebody)\\b.*") && !MEMBER.matcher(np.toLowerCase(Locale.ROOT)).matches();
    if (!indefinite) return resolve(np, at);
    String id = match(np);
    return id != null ? id : slug(np);
  }

  /**
   * An agent's words as a whole: all of a description, not the fewest a role can be ("by the
   * returning officer", "by an anonymous caller"), and the name it gives after it ("by the social
   * media platform Chirper", "by the council’s chief executive, Fiona Dearlove,"), when it gives one.
   */
  private String wholeAgent(String s, int from, String agent) {
    if (!agent.matches("(?s)(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne)\\s.*")) return agent; // a name already
    Matcher whole = WHOLE_DESCRIPTION.matcher(s.substring(from));
    String np = whole.lookingAt() && whole.group(1).length() > agent.length() ? whole.group(1) : agent;
    String named = nameGivenAfter(s, from + agent.length());
    return named != null && !known.organisations().contains(match(named)) ? named : np;
  }

  /**
   * The name of a known actor that a description or a possessive gives right after it, its last
   * words or a comma between ("the MS, Siân Howells", "the social media platform Chirper", "Brodie's
   * solicitor, Iain Rennie"); null when none stands there.
   */
  private String nameGivenAfter(String s, int from) {
    Matcher named = NAME_AFTER_DESCRIPTION.matcher(s.substring(from));
    return named.lookingAt() && match(named.group(1)) != null ? named.group(1) : null;
  }

  private static final Pattern AGE = Pattern.compile("\\b(\\d{1,3})-year-old\\b");

  /**
   * Whether a description's age ("the 58-year-old Conservative") can be the person's: yes unless
   * the text gave them another ("Glenn Tuffnell, 51,").
   */
  private boolean ofAge(String id, String description) {
    Matcher age = AGE.matcher(description);
    if (!age.find()) return true;
    String years = age.group(1) + "-year-old";
    for (var e : roles.values()) {
      if (!e.getKey().equals(id)) continue;
      for (String w : e.getValue()) if (w.endsWith("-year-old") && !w.equals(years)) return false;
    }
    return true;
  }

  /** A description of neither a person nor an organisation: "The video", "A post". */
  private static boolean isThing(String np) {
    String lower = np.strip().toLowerCase(Locale.ROOT);
    if (!lower.matches("(?:the|a|an)\\s+[a-z].*")) return false;
    return !PERSON.matcher(lower).find() && !ORGANISATION.matcher(lower.substring(lower.lastIndexOf(' ') + 1)).matches() && !KINDS.containsKey(lower.substring(lower.lastIndexOf(' ') + 1));
  }

  /** How deep {@link #topicBefore} has gone back: a pronoun's topic may be a pronoun, once. */
  private int depth;

  /** An actor id for a noun phrase: a known actor, the last compatible one named, or a new id. */
  private String resolve(String np, int at) {
    String p = np.strip().replaceAll("[.,;:!?]+$", "");
    String lower = p.toLowerCase(Locale.ROOT);
    String id = match(p);
    // "the DUP MLA": a person the organisation's name describes, not the organisation.
    boolean personOf = id != null && known.organisations().contains(id) && lower.matches("(?:the|a|an)\\s.*") && !lower.matches(".*\\b(?:spokes\\w*|representative|statement)$")
        && PERSON.matcher(lower.substring(lower.lastIndexOf(' ') + 1)).matches();
    if (id != null && !personOf) return id;
    // Officers not named ("by officers", "police told her"): the police force named nearest.
    if (lower.matches("(?:the\\s+)?(?:police|(?:police\\s+)?officers|detectives|cops|constables)")) {
      String force = ofKind("police", at);
      if (force != null) return force;
    }
    // "A government spokesperson": the organisation of that kind named nearest, else one the text does not name.
    Matcher kindSpokes = KIND_SPOKESPERSON.matcher(lower);
    if (kindSpokes.matches()) {
      String kind = ofKind(kindSpokes.group(1), at);
      return kind != null ? kind : slug(kindSpokes.group(1));
    }
    // "one said", "another added", "one resident": one of the people just spoken of, none the text names.
    if (lower.matches("(?:one|another)(?:\\s+[a-z].*)?") && !MEMBER.matcher(lower).matches()) return "unnamed-" + slug(p);
    // Someone who speaks on condition of not being named ("a source close to the family", "a
    // friend", "a neighbour"): none of the known actors, whoever the text names next.
    if (lower.matches("(?:a|an|one|another)\\s+(?:[\\p{L}’'-]+\\s+){0,3}?" + ANONYMOUS + "\\b.*")) return slug(p);
    // "council officers", "police staff": the organisation of that kind.
    Matcher kindPlural = KIND_PLURAL.matcher(lower);
    if (kindPlural.matches() && KINDS.containsKey(kindPlural.group(1))) {
      String kind = ofKind(kindPlural.group(1), at);
      if (kind != null) return kind;
    }
    // Other people not named, a plural alone ("by colleagues", "fans"): none of the known actors.
    if (lower.matches("(?:[a-z]+\\s+)?[a-z]{3,}s") && !lower.matches("(?:the\\s+)?[a-z]+ess|.*\\bthis")) return slug(p);
    boolean pronoun = lower.matches("he|she|they|it");
    boolean role = Character.isLowerCase(p.charAt(0)) || lower.matches("(the|a|an)\\b.*");
    // What a phrase names is its last word: "the council" is an organisation, "the council leader" a person.
    boolean organisation =
        lower.equals("it") || ORGANISATION.matcher(lower.substring(lower.lastIndexOf(' ') + 1)).matches() || lower.contains("spokes");
    if (pronoun && depth < 2) {
      // A pronoun stands first for what the sentence before was about: the speaker of its last
      // reporting clause, else its subject ("The newspaper said it had flagged the account. “...,”
      // it said."), when that fits the pronoun.
      char g = lower.equals("she") ? 'f' : lower.equals("he") ? 'm' : '?';
      // Within its sentence, a pronoun after the subject stands for it when it fits ("Kieran Doyle
      // sent Cllr Shah an email in which he called ...").
      int sentence = sentenceStart(at);
      String own = subject(text.substring(sentence, Math.max(sentence, at)).strip());
      if (own != null && isPhrase(own) && !own.matches("(?i)he|she|it|they") && !isThing(own)) {
        depth++;
        try {
          String subjectId = resolve(own, sentence);
          boolean person = known.namesById().containsKey(subjectId) && !known.organisations().contains(subjectId);
          if (person && g != '?' && fits(subjectId, g)) return subjectId;
        } finally {
          depth--;
        }
      }
      String topic = topicBefore(at);
      if (topic != null) {
        boolean isOrganisation = known.organisations().contains(topic);
        // "they": an organisation, or people; not one person the text calls "he" or "she".
        boolean fitsPronoun =
            lower.equals("they") ? isOrganisation || !gender.containsKey(topic) : lower.equals("it") ? isOrganisation : !isOrganisation && fits(topic, g);
        if (fitsPronoun) return topic;
      }
      // "Lucy Haworth told the jury Brannigan had recorded videos. In one, he said: ...": the
      // person the reported clause is about, when its reporter is not the pronoun's.
      String reported = reportedSubject(at, g);
      if (reported != null) return reported;
    }
    if (lower.equals("they")) {
      // "after officers received intelligence of what they described as": the police, when its
      // sentence speaks of officers and names nobody after them.
      int sentence = sentenceStart(at);
      Matcher officers = OFFICERS.matcher(text.substring(sentence, at));
      int lastOfficers = -1;
      while (officers.find()) lastOfficers = sentence + officers.end();
      if (lastOfficers >= 0 && mentions.subMap(lastOfficers, at).isEmpty()) {
        String force = ofKind("police", at);
        if (force != null) return force;
      }
      // "they" is as often an organisation as people: one named since the last quotation.
      String named = nearestMentioned(at, true, previousEnd);
      if (named != null) return named;
    }
    if (pronoun && !organisation) {
      // A person of the pronoun's gender named since the last quotation, else the person quoted
      // last, else the nearest.
      char g = lower.equals("she") ? 'f' : lower.equals("he") ? 'm' : '?';
      java.util.function.Predicate<String> fitting = a -> g == '?' || fits(a, g);
      String named = nearestMentioned(at, false, previousEnd, fitting);
      if (named != null) return named;
      if (previousPerson != null && fitting.test(previousPerson)) return previousPerson;
      String any = nearest(at, a -> !known.organisations().contains(a) && fitting.test(a));
      if (any != null) return any;
    }
    if (role && !pronoun) {
      String holder = roleHolder(p, at);
      if (holder != null) return holder;
      // "the council’s monitoring officer", whom the text gives no name: someone who speaks for the council.
      String owner = possessor(p, at);
      if (owner != null) return owner;
      // "The caller, who said ...", "the complainant": someone the text has not named, when no one
      // was given the role.
      if (lower.matches("the\\s+(?:[a-z-]+\\s+)?" + ANONYMOUS)) return slug(p);
    }
    if (role) {
      // "the MP": the nearest actor whose names hold the role's last word.
      String head = p.substring(p.lastIndexOf(' ') + 1);
      // A title in a name: "a judge" for "Judge Rebecca Stroud".
      String withHead = nearest(at, a -> known.namesById().get(a).stream().anyMatch(n -> containsWordsIgnoringCase(n, head)));
      if (withHead != null) return withHead;
      // An indefinite description of a person ("A man who ...", "A senior MP has said") opens a
      // report about someone it names after: the person the text gives that role further on, else
      // the first person it introduces there, of the description's gender.
      // An unnamed member of an organisation ("an officer told her", "a council official said")
      // speaks for it: the organisation of that kind, or the one named nearest.
      Matcher member = MEMBER.matcher(lower);
      if (member.matches()) {
        String kind = member.group(1) != null ? ofKind("police", at) : null;
        // (an officer of no force the text names is nobody it names)
        String organisationOf = kind != null ? kind : member.group(1) != null ? slug(p) : nearestMentioned(at, true, -1);
        if (organisationOf != null) return organisationOf;
      }
      if (lower.matches("(a|an)\\s.*") && !organisation && PERSON.matcher(lower).find()) {
        String holder = roleHolderAfter(p, at);
        if (holder != null) return holder;
        char g = descriptionGender(lower);
        String introduced = firstNamedAfter(at, a -> !known.organisations().contains(a) && (g == '?' || fits(a, g)));
        if (introduced != null) return introduced;
      }
    }
    if (role && !pronoun && !organisation && lower.matches("(?:the|its|their|his|her)\\s.*")) {
      // "in a case described by the judge as ...", and no role given before: the judge named after.
      String holder = roleHolderAfter(p, at);
      if (holder != null) return holder;
    }
    if (role && !pronoun && !organisation) {
      // "The mother of two said", "the prime minister said": a description picks up the person the
      // sentence before was about (its subject), of the description's gender if it has one.
      char g = descriptionGender(lower);
      String topic = previousSubject(at, g);
      if (topic != null && ofAge(topic, lower)) return topic;
      if (depth < 2) {
        String spoken = topicBefore(at);
        if (spoken != null && !known.organisations().contains(spoken) && (g == '?' || fits(spoken, g)) && ofAge(spoken, lower)) return spoken;
      }
    }
    if (role && organisation) {
      // "the force", "the authority", "the newspaper": the organisation of that kind named last.
      String kind = ofKind(lower.substring(lower.lastIndexOf(' ') + 1), at);
      if (kind != null) return kind;
    }
    if (pronoun || role) {
      char g = pronoun ? '?' : descriptionGender(lower);
      String last = nearestMentioned(at, organisation, -1, a -> g == '?' || fits(a, g));
      if (last != null) return last;
    }
    String owner = possessor(p, at);
    if (owner != null) return owner;
    if (lower.matches("(one|another)\\b.*")) return "unnamed-" + slug(p);
    return slug(p);
  }

  private static final Pattern FEMALE = Pattern.compile("\\b(?:mother|mum|woman|wife|daughter|sister|grandmother|girl|lady|widow|(?:chair|spokes|business|congress)woman)\\b");
  private static final Pattern MALE = Pattern.compile("\\b(?:father|dad|man|husband|son|brother|grandfather|boy|widower|(?:chair|spokes|business|congress)man)\\b");

  private static char descriptionGender(String description) {
    return FEMALE.matcher(description).find() ? 'f' : MALE.matcher(description).find() ? 'm' : '?';
  }

  /**
   * The known person the sentence before the one at {@code at} opens with (its subject), when it
   * fits the gender {@code g} ('?' for any); null when that sentence opens otherwise.
   */
  private String previousSubject(int at, char g) {
    int sentence = sentenceStart(at);
    if (sentence <= 0) return null;
    int previous = previousSentenceStart(sentence);
    String subject = subject(text.substring(previous, sentence).strip());
    if (subject == null || !isPhrase(subject)) return null;
    String id = match(subject);
    if (id == null || known.organisations().contains(id) || (g != '?' && !fits(id, g))) return null;
    return id;
  }

  private static final Pattern KIND_PLURAL = Pattern.compile("([a-z]+)\\s+(?:officers|officials|staff|employees|workers)");
  private static final Pattern KIND_POSSESSOR = Pattern.compile("the\\s+([a-z]+)[’']s\\s+[a-z]");
  private static final Pattern POSSESSIVE = Pattern.compile("^([\\p{Lu}][\\p{L}-]*)[’']s\\b");

  /**
   * The organisation a possessive names: "Kent's chief constable", "Northshire's police": the one
   * whose name begins with the possessor's word (the smallest id of those, so that the answer never
   * depends on a map's order); "the council’s monitoring officer": the one of that kind named nearest.
   */
  private String possessor(String phrase, int at) {
    Matcher kind = KIND_POSSESSOR.matcher(phrase.toLowerCase(Locale.ROOT));
    if (kind.lookingAt()) return ofKind(kind.group(1), at);
    Matcher m = POSSESSIVE.matcher(phrase);
    if (!m.find()) return null;
    String word = m.group(1);
    String best = null;
    for (String id : known.organisations()) {
      for (String name : known.namesById().getOrDefault(id, List.of())) {
        if ((name.equals(word) || name.startsWith(word + " ")) && (best == null || id.compareTo(best) < 0)) best = id;
      }
    }
    return best;
  }

  /**
   * The known actor named last before {@code at} that is (or is not) an organisation; failing
   * that, the first named after it.
   */
  private String nearestMentioned(int at, boolean organisation, int notBefore) {
    return nearestMentioned(at, organisation, notBefore, id -> true);
  }

  private String nearestMentioned(int at, boolean organisation, int notBefore, java.util.function.Predicate<String> also) {
    if (notBefore >= 0) {
      var e = mentions.lowerEntry(at);
      for (; e != null && e.getKey() >= notBefore; e = mentions.lowerEntry(e.getKey())) {
        if (known.organisations().contains(e.getValue()) == organisation && also.test(e.getValue())) return e.getValue();
      }
      return null;
    }
    return nearest(at, id -> known.organisations().contains(id) == organisation && also.test(id));
  }

  private static final Pattern PERSON_OF = Pattern.compile("(.+?)\\s+(?:of|from|at)\\s+(?:the\\s+)?\\p{Lu}.*");

  /** The known actor passing {@code test} named last before {@code at}, else first after it. */
  private String nearest(int at, java.util.function.Predicate<String> test) {
    for (var e = mentions.lowerEntry(at); e != null; e = mentions.lowerEntry(e.getKey())) {
      if (test.test(e.getValue())) return e.getValue();
    }
    for (var e = mentions.higherEntry(at); e != null; e = mentions.higherEntry(e.getKey())) {
      if (test.test(e.getValue())) return e.getValue();
    }
    return null;
  }

  /**
   * The known actor whose name or alias the phrase contains or is; the longest match wins (then
   * the smaller id, so that the answer never depends on the order of a map).
   */
  private String match(String np) {
    // "Chief Constable Andrew Lyle of Mercia Police": the person, of the organisation.
    Matcher of = PERSON_OF.matcher(np);
    if (of.matches()) {
      String person = match(of.group(1));
      if (person != null && !known.organisations().contains(person)) return person;
    }
    String best = null;
    int bestLength = 0;
    for (var e : known.namesById().entrySet()) {
      for (String name : e.getValue()) {
        boolean hit = np.equalsIgnoreCase(name) || containsWords(np, name);
        boolean better = name.length() > bestLength || name.length() == bestLength && best != null && e.getKey().compareTo(best) < 0;
        if (hit && better) {
          best = e.getKey();
          bestLength = name.length();
        }
      }
    }
    return best;
  }

  /**
   * The known actor passing {@code test} whose first mention in the text comes after {@code at}
   * (one the text introduces there); null when none.
   */
  private String firstNamedAfter(int at, java.util.function.Predicate<String> test) {
    java.util.Set<String> before = new java.util.HashSet<>(mentions.headMap(at).values());
    for (String id : mentions.tailMap(at).values()) {
      if (!before.contains(id) && test.test(id)) return id;
    }
    return null;
  }

  private static boolean containsWordsIgnoringCase(String haystack, String needle) {
    return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(needle) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE).matcher(haystack).find();
  }

  private static boolean containsWords(String haystack, String needle) {
    return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(needle) + "(?![\\p{L}])").matcher(haystack).find();
  }

  public static String slug(String s) {
    String slug = s.toLowerCase(Locale.ROOT).replaceAll("[’']", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "unknown-speaker" : slug;
  }

  private StatementKind kind(String quote) {
    boolean sentence = quote.length() > 0 && Character.isUpperCase(quote.codePointAt(0)) && Debris.words(quote) >= 4;
    return sentence ? StatementKind.DIRECT : StatementKind.PARTIAL;
  }

  private int paragraphStart(int at) {
    return text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  }

  /**
   * The longest stretch read for a sentence, before a quotation or after it: news sentences are far
   * shorter, and without a bound a line of thousands of quotations and no full stop would be read
   * again for each of them (quadratic time on hostile input).
   */
  private static final int LONGEST_SENTENCE = 600;

  private int lineEnd(int from) {
    int nl = text.indexOf('\n', from);
    return Math.min(nl < 0 ? text.length() : nl, from + LONGEST_SENTENCE);
  }

  private int sentenceStart(int at) {
    int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    int from = Math.max(lineStart, at - LONGEST_SENTENCE);
    for (int i = at - 2; i > from; i--) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1)) && !inQuote(from, i)) return i + 2;
    }
    return from;
  }

  /** Where the sentence before the one that starts at {@code sentence} starts: in the paragraph before, for a paragraph's first. */
  private int previousSentenceStart(int sentence) {
    int end = sentence;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
    return sentenceStart(end);
  }

  /** Whether position i of a line stands inside quotation marks opened on that line. */
  private boolean inQuote(int lineStart, int i) {
    int open = 0;
    for (int k = lineStart; k < i; k++) {
      char c = text.charAt(k);
      if (c == '“') open++;
      else if (c == '”') open = Math.max(0, open - 1);
      else if (c == '"') open = open == 0 ? 1 : 0;
    }
    return open > 0;
  }
}
