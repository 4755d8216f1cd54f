package dev.sourcebook.extract;

import dev.sourcebook.model.OutcomeType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sentences of a text that report what an authority did (sentenced, cautioned, a
 * restraining order, refused to delete...), by the wording such reports use, and proposes each as
 * an outcome of the type it names.
 */
final class Outcomes {
  private Outcomes() {}

  /** A sentence (char offsets) that reports an outcome of the given type. */
  record Found(int start, int end, OutcomeType type, String words) {}

  private record Rule(OutcomeType type, Pattern pattern) {}

  private static Rule rule(OutcomeType type, String regex) {
    return new Rule(type, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
  }

  // Order matters only for which type a sentence is listed under first; a sentence may match several.
  private static final List<Rule> RULES =
      List.of(
          rule(OutcomeType.COMMUNITY_RESOLUTION, "\\bcommunity resolution\\b"),
          rule(OutcomeType.INFORMAL_WARNING, "\\binformal warning\\b|\\btold (?:him|her|them) to (?:stop|not) contact"),
          rule(OutcomeType.CAUTION, "\\b(?:a|formal|police) caution\\b|\\bwas cautioned\\b"),
          rule(OutcomeType.NO_PROSECUTION, "\\bnot (?:be )?prosecuted\\b|\\bnot face criminal\\b|\\bno further action\\b|\\bdid(?:n't| not) prosecute\\b"),
          rule(OutcomeType.CONVICTION, "\\bconvicted\\b|\\bfound guilty\\b|\\bpleaded guilty\\b"),
          rule(OutcomeType.SUSPENDED_SENTENCE, "\\bsuspended for\\b|\\bsuspended (?:prison )?sentence\\b"),
          rule(OutcomeType.RESTRAINING_ORDER, "\\brestraining order\\b"),
          rule(OutcomeType.UNPAID_WORK, "\\bunpaid work\\b|\\bcommunity service\\b"),
          rule(OutcomeType.SAFEGUARDING_REVIEW_NO_ACTION, "\\bno action was (?:needed|required)\\b|\\b(?:was|were|quickly) cleared\\b"),
          rule(OutcomeType.RECORD_RETAINED, "\\b(?:keep|keeps|keeping|retain|retains|remain)\\b[^.]{0,60}\\b(?:record|file)s?\\b|\\bprevented from removing\\b|\\bcan(?:'|’)?t remove\\b"),
          rule(OutcomeType.DELETION_REFUSED, "\\brefused to (?:remove|delete)\\b|\\bnot offered to delete\\b"),
          rule(OutcomeType.HARASSMENT_ORDER_SIGNED, "\\bsigned (?:an?|the) (?:harassment )?order\\b"),
          rule(OutcomeType.PARTY_NO_ACTION, "\\bnot acted upon\\b|\\bno action (?:was )?taken by the party\\b"));

  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]?");

  static List<Found> find(String text, List<Debris.Line> lines) {
    List<Found> out = new ArrayList<>();
    for (Debris.Line line : lines) {
      if (line.leftOut() != null) continue;
      Matcher s = SENTENCE.matcher(text).region(line.start(), line.end());
      while (s.find()) {
        String sentence = s.group();
        if (sentence.isBlank()) continue;
        for (Rule r : RULES) {
          if (r.pattern().matcher(sentence).find()) {
            int start = s.start() + (sentence.length() - sentence.stripLeading().length());
            out.add(new Found(start, s.end(), r.type(), sentence.strip()));
          }
        }
      }
    }
    return out;
  }
}
