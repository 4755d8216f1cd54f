package dev.sourcebook.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz tests: whatever the input, the readers answer with diagnostics, never an exception or a
 * hang. {@code make test} replays the saved inputs (src/test/resources/.../InputFuzzTestInputs);
 * {@code make fuzz} fuzzes each target in turn.
 */
class InputFuzzTest {
  static final String ARTICLE =
      "MP's family targeted\n\n“He wanted my children taken away,” Ms Example said – twice.\n";

  @FuzzTest(maxDuration = "60s")
  void indexReader(FuzzedDataProvider data) {
    String content = data.consumeRemainingAsString();
    IndexReader.Result r = IndexReader.read("INDEX.tsv", content);
    for (IndexEntry e : r.entries()) {
      assertEquals(IndexReader.COLUMNS.size(), e.values().size());
    }
    assertTrue(r.complete() || !r.diagnostics().isEmpty());
  }

  @FuzzTest(maxDuration = "60s")
  void annotations(FuzzedDataProvider data) {
    String yaml = data.consumeRemainingAsString();
    YamlReader.Result parsed = YamlReader.read("a.yaml", yaml);
    if (parsed.root() == null) {
      assertTrue(!parsed.diagnostics().isEmpty(), "a file that is not read says why");
      return;
    }
    AnnotationBinder.bind(
        List.of(new AnnotationFile("a.yaml", parsed.root())),
        Map.of("test-article", ArticleText.of("test-article", ARTICLE)),
        Set.of(),
        true);
  }

  @FuzzTest(maxDuration = "60s")
  void quoteFinder(FuzzedDataProvider data) {
    String quote = data.consumeString(64);
    String text = data.consumeRemainingAsString();
    for (QuoteFinder.Span s : new QuoteFinder(text).find(quote)) {
      int from = text.offsetByCodePoints(0, s.start());
      String words = text.substring(from, text.offsetByCodePoints(from, s.end() - s.start()));
      // What is found is the quote, but for marks, dashes and whitespace.
      assertEquals(QuoteFinder.normalize(quote), QuoteFinder.normalize(words));
    }
  }

  @FuzzTest(maxDuration = "60s")
  void textDecoder(byte[] bytes) {
    List<Diagnostic> out = new ArrayList<>();
    String text = TextDecoder.decode(bytes, "a.txt", false, out);
    assertTrue((text == null) != out.isEmpty(), "either text or a diagnostic");
  }
}
