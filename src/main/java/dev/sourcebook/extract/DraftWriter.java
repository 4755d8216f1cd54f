package dev.sourcebook.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.json.Json;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a draft as an annotation file in the project's YAML format. Everything in it is
 * proposed: comments say so and why, so that the curator reviews each line; once reviewed, the
 * file is checked by {@code validate} like any other.
 */
public final class DraftWriter {
  private DraftWriter() {}

  public static String yaml(String articleId, String file, String text, Extractor.Draft draft) {
    StringBuilder y = new StringBuilder();
    y.append("# Draft annotations of ").append(comment(file)).append(", made by `sourcebook extract`.\n");
    y.append("# Everything here is PROPOSED: check every quote, speaker and kind, add `about:`\n");
    y.append("# incidents, fill in the new actors, then delete these comments.\n");
    if (!draft.leftOut().isEmpty()) {
      y.append("#\n# Lines left out as not the article:\n");
      for (Extractor.LeftOut l : draft.leftOut()) {
        y.append("#   line ").append(l.line()).append(": ").append(comment(clip(l.text(), 60))).append("  (").append(l.why()).append(")\n");
      }
    }
    if (!draft.mentioned().isEmpty()) {
      y.append("#\n# Known actors the text names (times):");
      draft.mentioned().forEach((id, n) -> y.append(' ').append(id).append(" (").append(n).append(')'));
      y.append("\n");
    }
    if (!draft.outcomes().isEmpty()) {
      y.append("#\n# PROPOSED outcomes: sentences that report what an authority did. Choose the incident,\n");
      y.append("# the authority, the date, the status and whose account it is (standing: found by the authority\n");
      y.append("# when these are its own words, else alleged by whoever reports it), then move them out of the comments:\n");
      y.append("# outcomes:\n");
      int k = 1;
      for (Extractor.ProposedOutcome o : draft.outcomes()) {
        y.append("#   - id: ").append(articleId).append("-o").append(k++).append("\n");
        y.append("#     type: ").append(o.type().code()).append("\n");
        y.append("#     standing: {kind: found, by: <authority>, quote: <the words that say whose account it is>}\n");
        y.append("#     evidence:\n#       - quote: ").append(comment(quoted(o.words()))).append("\n");
      }
    }
    y.append("draft: unreviewed   # validate refuses the file (E-DRAFT) until this line is deleted\n");
    y.append("article: ").append(articleId).append("\n");

    QuoteFinder finder = new QuoteFinder(text);
    Map<String, Extractor.Proposal> newActors = new LinkedHashMap<>();
    for (Extractor.Proposal p : draft.statements()) {
      if (!p.knownSpeaker()) newActors.putIfAbsent(p.speaker(), p);
    }
    if (!newActors.isEmpty()) {
      y.append("\nactors:   # PROPOSED new actors: speakers not among the known actors\n");
      for (var e : newActors.entrySet()) {
        Extractor.Proposal p = e.getValue();
        y.append("  - id: ").append(e.getKey()).append("\n");
        y.append("    kind: person   # PROPOSED: person, organisation or group?\n");
        if (p.phrase() != null
            && Character.isUpperCase(p.phrase().charAt(0))
            && !p.phrase().matches("(?i)(one|another|a|an|the|he|she|it|they)\\b.*")) {
          y.append("    name: ").append(quoted(p.phrase())).append("   # PROPOSED: remove if this is not a name\n");
        }
        y.append("    description: ").append(quoted("PROPOSED: who is this?")).append("\n");
        y.append("    evidence:\n");
        String words = p.phrase() != null ? p.phrase() : p.quote();
        y.append("      - quote: ").append(quoted(words)).append("\n");
        int occurrence = occurrence(finder, text, words, p.start());
        if (occurrence > 0) y.append("        occurrence: ").append(occurrence).append("\n");
      }
    }

    y.append("\nstatements:\n");
    int n = 1;
    for (Extractor.Proposal p : draft.statements()) {
      y.append("  - id: ").append(articleId).append("-s").append(n++).append("\n");
      y.append("    speaker: ").append(p.speaker()).append("   # PROPOSED: ").append(comment(p.why())).append("\n");
      y.append("    kind: ").append(p.kind().code()).append("   # PROPOSED\n");
      y.append("    quote: ").append(quoted(p.quote())).append("\n");
      int occurrence = occurrence(finder, text, p.quote(), p.start());
      if (occurrence > 0) y.append("    occurrence: ").append(occurrence).append("\n");
    }
    return y.toString();
  }

  /** Which occurrence (1-based) of the words stands nearest {@code at}; 0 when they stand once. */
  private static int occurrence(QuoteFinder finder, String text, String words, int at) {
    List<QuoteFinder.Span> spans = finder.find(words);
    if (spans.size() <= 1) return 0;
    int cp = text.codePointCount(0, at);
    int best = 0;
    for (int i = 0; i < spans.size(); i++) {
      if (Math.abs(spans.get(i).start() - cp) < Math.abs(spans.get(best).start() - cp)) best = i;
    }
    return best + 1;
  }

  /**
   * A YAML double-quoted scalar: a JSON string is one, provided that every character YAML does
   * not allow in a file (C1 controls, DEL, lone surrogates, U+FFFE...) is written as an escape.
   */
  private static String quoted(String s) {
    try {
      return YAML_SAFE.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter YAML_SAFE =
      Json.MAPPER.writer().with(new YamlSafeEscapes());

  /** Escapes, as backslash-u, what YAML calls non-printable. */
  private static final class YamlSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
    private final int[] ascii = standardAsciiEscapesForJSON();

    YamlSafeEscapes() {
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int c) {
      if (printable(c)) return null;
      return new com.fasterxml.jackson.core.io.SerializedString(String.format(java.util.Locale.ROOT, "\\u%04X", c));
    }
  }

  /** YAML's printable characters (YAML 1.1, 5.1), as Java chars. */
  static boolean printable(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
  }

  /** Text for a comment: one line, printable characters only. */
  private static String comment(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(printable(c) && c != '\n' && c != '\r' && c != 0x85 ? c : '?');
    }
    return out.toString();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "...";
  }
}
