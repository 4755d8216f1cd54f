package dev.sourcebook.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sourcebook.source.AnnotationBinder;
import dev.sourcebook.source.AnnotationFile;
import dev.sourcebook.source.ArticleText;
import dev.sourcebook.source.YamlReader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whatever the text, extract drafts a file that reads back as YAML; it never throws or hangs. */
class ExtractFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void draftOfAnyText(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Extractor.Draft draft = Extractor.extract(text, ExtractorTest.KNOWN);
    for (Extractor.Proposal p : draft.statements()) {
      assertTrue(0 <= p.start() && p.start() <= p.end() && p.end() <= text.length());
    }
    String yaml = DraftWriter.yaml("test-article", "a.txt", text, draft);
    YamlReader.Result tree = YamlReader.read("draft.yaml", yaml);
    assertTrue(tree.root() != null, () -> "the draft is not YAML: " + tree.diagnostics());
    AnnotationBinder.bind(
        List.of(new AnnotationFile("draft.yaml", tree.root())),
        Map.of("test-article", ArticleText.of("test-article", text)),
        Set.of(),
        true);
  }
}
