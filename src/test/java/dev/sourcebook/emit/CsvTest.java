package dev.sourcebook.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.model.ActorKind;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void wordsArePublishedExactlyEvenWhenASpreadsheetWouldRunThem() {
    assertEquals("=HYPERLINK(\"http://x\")", Csv.cell("=HYPERLINK(\"http://x\")"));
    assertEquals("- the man said", Csv.cell("- the man said"));
    assertEquals("'quoted'", Csv.cell("'quoted'"));
  }

  @Test
  void cellsThatStartLikeAFormulaAreCountedForTheWarning() {
    for (String s : new String[] {"=1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) assertTrue(Csv.startsLikeFormula(s), s);
    for (String s : new String[] {"", "a = b", "'quoted'", " -1"}) assertFalse(Csv.startsLikeFormula(s), s);
  }

  @Test
  void numbersCodesAndBooleansAreNotText() {
    assertEquals("-1", Csv.cell(-1));
    assertEquals("organisation", Csv.cell(ActorKind.ORGANISATION));
    assertEquals("", Csv.cell(null));
    assertEquals("TRUE", Csv.cell(true));
    assertEquals("FALSE", Csv.cell(false));
  }
}
