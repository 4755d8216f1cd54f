package dev.sourcebook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sourcebook.model.DatePrecision;
import dev.sourcebook.model.PartialDate;
import org.junit.jupiter.api.Test;

class DateParserTest {
  private static PartialDate ok(String s) {
    return assertInstanceOf(DateParser.Ok.class, DateParser.parse(s)).date();
  }

  private static String error(String s) {
    return assertInstanceOf(DateParser.Invalid.class, DateParser.parse(s)).code();
  }

  @Test
  void precisionFollowsWhatIsWritten() {
    assertEquals(new PartialDate("2023-04-29", DatePrecision.DAY, "2023-04-29", "2023-04-29"), ok("2023-04-29"));
    assertEquals(new PartialDate("2024-02", DatePrecision.MONTH, "2024-02-01", "2024-02-29"), ok("2024-02"));
    assertEquals(new PartialDate("2023", DatePrecision.YEAR, "2023-01-01", "2023-12-31"), ok("2023"));
    assertEquals(PartialDate.UNKNOWN, ok("unknown"));
  }

  @Test
  void rangesTakeTheCoarserPrecisionAndMayBeOpen() {
    assertEquals(new PartialDate("2023/2023-06-02", DatePrecision.YEAR, "2023-01-01", "2023-06-02"), ok("2023/2023-06-02"));
    // An open end is no precision of a day, month or year: a day's precision with no earliest day misleads.
    assertEquals(new PartialDate("2024/..", DatePrecision.OPEN, "2024-01-01", null), ok("2024/.."));
    assertEquals(new PartialDate("../2024-06", DatePrecision.OPEN, null, "2024-06-30"), ok("../2024-06"));
  }

  @Test
  void badDatesAreRefused() {
    assertEquals("E-DATE-INVALID", error("2023-02-30"));
    assertEquals("E-DATE-INVALID", error("2023-13"));
    assertEquals("E-DATE-INVALID", error("April 2023"));
    assertEquals("E-DATE-INVALID", error("../.."));
    assertEquals("E-DATE-INVALID", error(""));
    assertEquals("E-DATE-RANGE-REVERSED", error("2023-05/2023-04-30"));
  }
}
