package dev.sourcebook.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sourcebook.emit.Json;
import dev.sourcebook.source.QuoteFinder;
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
    y.append("# Draft annotations of ").append(file).append(", made by `sourcebook extract`.\n");
    y.append("# Everything here is PROPOSED: check every quote, speaker and kind, add `about:`\n");
    y.append("# incidents, fill in the new actors, then delete these comments.\n");
    if (!draft.leftOut().isEmpty()) {
      y.append("#\n# Lines left out as not the article:\n");
      for (Extractor.LeftOut l : draft.leftOut()) {
        y.append("#   line ").append(l.line()).append(": ").append(clip(l.text(), 60)).append("  (").append(l.why()).append(")\n");
      }
    }
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
      y.append("    speaker: ").append(p.speaker()).append("   # PROPOSED: ").append(p.why().replace('\n', ' ')).append("\n");
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

  /** A YAML double-quoted scalar: a JSON string is one. */
  private static String quoted(String s) {
    try {
      return Json.MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "...";
  }
}
