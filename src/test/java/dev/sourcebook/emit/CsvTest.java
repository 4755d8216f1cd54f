package dev.sourcebook.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sourcebook.model.ActorKind;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void cellsASpreadsheetWouldRunAreNeutralised() {
    assertEquals("'=HYPERLINK(\"http://x\")", Csv.neutralise("=HYPERLINK(\"http://x\")"));
    assertEquals("'+1", Csv.neutralise("+1"));
    assertEquals("'-2+3", Csv.neutralise("-2+3"));
    assertEquals("'@SUM(A1)", Csv.neutralise("@SUM(A1)"));
    assertEquals("'\tx", Csv.neutralise("\tx"));
    assertEquals("'\rx", Csv.neutralise("\rx"));
  }

  @Test
  void otherCellsAreLeftAlone() {
    assertEquals("", Csv.neutralise(""));
    assertEquals("a = b", Csv.neutralise("a = b"));
    assertEquals("'quoted'", Csv.neutralise("'quoted'"));
  }

  @Test
  void numbersAndCodesAreNotText() {
    assertEquals("-1", Csv.cell(-1));
    assertEquals("organisation", Csv.cell(ActorKind.ORGANISATION));
    assertEquals("", Csv.cell(null));
  }
}
