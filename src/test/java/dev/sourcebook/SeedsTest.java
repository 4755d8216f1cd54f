package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.Evidence;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.StandingKind;
import dev.sourcebook.model.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's own seeds: they compile cleanly and keep the dataset's promises. */
class SeedsTest {
  static Dataset dataset;

  @BeforeAll
  static void compile() {
    DatasetResult c = SeedsCompiler.compile(Path.of("seeds"));
    assertEquals(List.of(), c.diagnostics());
    dataset = c.dataset().orElseThrow();
  }

  private static String codePoints(String text, int start, int end) {
    int from = text.offsetByCodePoints(0, start);
    return text.substring(from, text.offsetByCodePoints(from, end - start));
  }

  @Test
  void everyQuoteIsTheArticleTextAtItsOffsets() {
    for (Statement s : dataset.statements()) {
      String text = dataset.article(s.article()).orElseThrow().text();
      assertEquals(s.quote(), codePoints(text, s.start(), s.end()), s.id());
    }
    Stream.of(dataset.actors().stream().flatMap(a -> a.evidence().stream()),
            dataset.incidents().stream().flatMap(i -> i.evidence().stream()),
            dataset.outcomes().stream().flatMap(o -> o.evidence().stream()))
        .flatMap(s -> s)
        .forEach(
            (Evidence e) ->
                assertEquals(e.quote(), codePoints(dataset.article(e.article()).orElseThrow().text(), e.start(), e.end())));
  }

  @Test
  void childrenAreNeverNamed() {
    List<Actor> minors = dataset.actors().stream().filter(Actor::minor).toList();
    assertEquals(List.of("creasy-children", "stafford-daughters"), minors.stream().map(Actor::id).toList());
    minors.forEach(m -> assertNull(m.name(), m.id()));
    // The names that article 004 prints are redacted from the published text and every quote.
    for (Article a : dataset.articles()) {
      assertFalse(a.text().contains("Persephone") || a.text().contains("Charlotte"), a.id());
    }
    Article stafford = dataset.article("rotherham-advertiser-stafford-abuser").orElseThrow();
    assertEquals(2, stafford.redactions().size());
    assertTrue(stafford.text().contains("their daughters ██████████, three, and █████████, two"));
  }

  @Test
  void theSourcesWithholdTheNameOfTheManStaffordAccuses() {
    assertNull(dataset.actor("stafford-accused-member").orElseThrow().name());
  }

  @Test
  void anAllegationIsNeverStatedAsFound() {
    // The audit's worst finding: the Stafford incidents are his account; the Creasy case is the court's.
    assertEquals(StandingKind.ALLEGED, dataset.incident("stafford-attack-ads").orElseThrow().standing().kind());
    assertEquals("alexander-stafford", dataset.incident("stafford-petition").orElseThrow().standing().by());
    Incident creasy = dataset.incident("creasy-malicious-referral").orElseThrow();
    assertEquals(StandingKind.FOUND, creasy.standing().kind());
    assertEquals("stacey-sentencing-court", creasy.standing().by());
    assertNull(dataset.outcome("stafford-harassment-order").orElseThrow().authority(), "no source says who issued the order");
  }

  @Test
  void outcomesKeepTheirHistory() {
    var outcomes = dataset.outcomesOf("creasy-malicious-referral");
    assertTrue(outcomes.size() >= 9);
    var notProsecuted = dataset.outcome("creasy-not-prosecuted").orElseThrow();
    assertEquals("stacey-conviction", notProsecuted.supersededBy());
  }

  @Test
  void lookupsByRelation() {
    assertTrue(dataset.statementsBy("stella-creasy").size() > 20);
    assertEquals(2, dataset.incidentsOf("alexander-stafford").size());
    assertEquals(4, dataset.articlesOf("creasy-malicious-referral").size());
  }
}
