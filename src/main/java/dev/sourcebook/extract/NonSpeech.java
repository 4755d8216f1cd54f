package dev.sourcebook.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotation marks that hold no statement: names and titles the text gives ("the alias “Lance
 * Jones”", "the documentary “Hate Mail”", "part of “Operation Lantern”"), words it names as words
 * ("the word “traitor”", "so-called “pile-ons”"), slogans on placards, hashtags and handles. The
 * extractor proposes no statement for them.
 */
final class NonSpeech {
  private final String text;
  /** Where the text's headline ends; -1 when it opens without one. */
  private final int headlineEnd;
  /** Where the sentence that holds a place of the text starts. */
  private final IntUnaryOperator sentenceStart;

  NonSpeech(String text, int headlineEnd, IntUnaryOperator sentenceStart) {
    this.text = text;
    this.headlineEnd = headlineEnd;
    this.sentenceStart = sentenceStart;
  }

  /**
   * The quotations that are not names or titles ({@link #isQuotedName}), nor one listed with such
   * ("placards reading “Traitor” and “Okafor Out”"), nor a headline's words that the text names as
   * a name further on ("‘Respect the Ballot’ pledge" for "a pledge called ‘Respect the Ballot’").
   */
  List<int[]> withoutNames(List<int[]> spans) {
    List<int[]> kept = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    int[] lastName = null;
    for (int[] s : spans) {
      boolean listed = lastName != null && text.substring(lastName[1], s[0]).matches("[”\"’']\\s*(?:,|,?\\s*(?:and|or))\\s*[“\"‘']");
      if (listed || isQuotedName(s)) {
        lastName = s;
        names.add(Extractor.normalised(text.substring(s[0], s[1])));
      } else {
        kept.add(s);
      }
    }
    kept.removeIf(s -> s[1] <= headlineEnd && names.contains(Extractor.normalised(text.substring(s[0], s[1]))));
    return kept;
  }

  private static final Pattern NAMING =
      Pattern.compile(
          "(?i)\\b(?:alias|aliases|known as|(?:call|calls|calling|called|styled|styling|styles)(?:\\s+(?:itself|himself|herself|themselves|him|her|them|me|us))?"
              + "|named|nicknamed|dubbed|codenamed|code-named|username|user name|handle|pseudonym|account|(?:the\\s+)?(?:name|nickname|hashtag|slogan|title)|titled|entitled)\\s*[“\"‘']?\\s*$");

  /** Words the text names as words, whatever they are: "the word “traitor”", "so-called “pile-ons”", "the slogan “...”". */
  private static final Pattern AS_WORDS =
      Pattern.compile("(?i)(?:\\bthe\\s+(?:word|term|label|slogan|motto|chant|hashtag)|\\bso-called)\\s*[“\"‘']?\\s*$");

  /** Kinds of works and of schemes that have names. */
  private static final String WORKS =
      "documentary|film|book|memoir|novel|series|programme|program|podcast|report|play|song|album|column|blog|campaign"
          + "|petition|website|page|channel|show|group|newsletter|leaflet|poster|motion|bill|pledge|scheme|operation";

  /** A work or a group the text names after its kind: "the documentary “Hate Mail”", "his memoir, “Standing Orders”". */
  private static final Pattern WORK = Pattern.compile("(?i)\\b(?:" + WORKS + ")\\s*,?\\s*[“\"‘']?\\s*$");

  /** The kind of work a title in quotation marks names, after it: "“Under Threat”, a documentary series". */
  private static final Pattern KIND_AFTER = Pattern.compile("^[”\"’']\\s*,\\s*(?:a|an|the)\\s+(?:[a-z-]+\\s+){0,2}?(?:" + WORKS + ")\\b");

  /** Whether {@code at} is in the text's headline. */
  private boolean isHeadlineLine(int at) {
    return at < headlineEnd;
  }

  /** The kind of scheme a quotation names, right after it: "‘democratic resilience’ programme". */
  private static final Pattern KIND_NEXT =
      Pattern.compile("[”\"’']\\s+(?:programme|program|scheme|campaign|pledge|strategy|initiative|policy|project|operation|charter|plan|fund|network|group|hashtag|account)\\b");

  /** What placards, banners and signs read: slogans, not words anyone said. */
  private static final Pattern SLOGAN =
      Pattern.compile("(?i)\\b(?:placards?|banners?|signs?|posters?|t-shirts?|badges?|stickers?|graffiti)\\s+(?:that\\s+|which\\s+)?(?:reading|read|reads|saying|said|says|bearing|proclaiming|with the words)\\s*:?\\s*[“\"‘]?\\s*$");

  /**
   * A title in quotation marks standing as a sentence's subject: capitalised words, none of a
   * sentence's stops, followed by a verb that is not one of saying ("“Target: Westminster” features
   * footage").
   */
  private boolean isTitleAsSubject(int[] span, String words) {
    if (!TITLE_WORDS.matcher(words).matches()) return false;
    int sentence = sentenceStart.applyAsInt(span[0]);
    if (!text.substring(sentence, Math.max(sentence, span[0] - 1)).isBlank()) return false;
    Matcher next = Pattern.compile("^[”\"’]\\s+([a-z]+)\\b").matcher(text.substring(span[1], Math.min(text.length(), span[1] + 30)));
    return next.find() && !next.group(1).matches(Extractor.VERBS + "|says|adds|tells|writes|is|was|has|had");
  }

  /** Capitalised words of a title, with its small words and a colon ("Target: Westminster"). */
  private static final Pattern TITLE_WORDS =
      Pattern.compile("(?:[Tt]he\\s+)?[\\p{Lu}\\d][\\p{L}\\d’'.-]*:?(?:\\s+(?:(?:of|and|the|in|on|for|to|a|an)\\s+)*[\\p{Lu}\\d][\\p{L}\\d’'.-]*:?){0,7}");

  /** Capitalised words, with the small words of a name or title between them ("the Iron Lady of Ashby"). */
  private static final Pattern NAME_WORDS =
      Pattern.compile("(?:[Tt]he\\s+)?[@#]?[\\p{Lu}\\d][\\p{L}\\d’'.-]*[,:?!]?(?:\\s+(?:(?:of|and|the|in|on|for|to|a|an|at|by|with)\\s+)*[\\p{Lu}\\d][\\p{L}\\d’'.-]*[,:?!]?){0,7}");

  /**
   * Words in quotation marks that are a name or a title the text gives, not words said: a name
   * after a naming word ("the alias “Lance Jones”", "nicknamed “the Iron Lady of Ashby”"), a title
   * after its kind ("the documentary “Hate Mail”"), a hashtag or a handle alone ("“#HoltOut”").
   */
  private boolean isQuotedName(int[] span) {
    String words = text.substring(span[0], span[1]).strip();
    if (words.matches("[#@][\\p{L}\\d_]+")) return true;
    String lead = text.substring(Math.max(0, span[0] - 40), span[0]);
    if (SLOGAN.matcher(lead).find()) return true;
    if (isTitleAsSubject(span, words)) return true;
    if (AS_WORDS.matcher(lead).find()) return true;
    // "the government’s ‘democratic resilience’ programme": a scheme's name, its kind right after it.
    if (KIND_NEXT.matcher(text.substring(span[1], Math.min(text.length(), span[1] + 30))).lookingAt() && words.split("\\s+").length <= 5) return true;
    if (!NAME_WORDS.matcher(words).matches()) return false;
    // Capitalised words, two or more, not a sentence and not words a colon introduces: a title or a
    // name ("part of “Operation Lantern”", "published its “Member Safety Charter”").
    if (words.contains(" ") && !words.matches("(?s).*[.!?,]") && !lead.matches("(?s).*:\\s*[“\"‘']?\\s*$") && !isHeadlineLine(span[0])) return true;
    // "“Under Threat”, a documentary series in which ...": a title and its kind after it.
    if (KIND_AFTER.matcher(text.substring(span[1], Math.min(text.length(), span[1] + 60))).find()) return true;
    // William ‘Billy’ Hanna: a name inside a name.
    if (!words.contains(" ") && lead.matches("(?s).*\\p{Lu}[\\p{L}’'-]+\\s+[‘'“\"]$") && text.substring(span[1]).matches("(?s)[’'”\"]\\s+\\p{Lu}.*")) return true;
    return NAMING.matcher(lead).find() || WORK.matcher(lead).find();
  }
}
