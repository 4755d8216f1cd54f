package dev.sourcebook.check;

import dev.sourcebook.model.DatePrecision;
import dev.sourcebook.model.PartialDate;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date notation of the INDEX and the annotations: {@code 2023-04-29}, {@code 2023-04},
 * {@code 2023}, a range {@code A/B} of those (ISO 8601), an open range {@code 2024/..} or
 * {@code ../2024-06}, or {@code unknown}.
 */
public final class DateParser {
  private DateParser() {}

  private static final Pattern SINGLE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  /** A parsed date, or why it is not one. */
  public sealed interface Result permits Ok, Invalid {}

  public record Ok(PartialDate date) implements Result {}

  public record Invalid(String code, String message) implements Result {}

  private record End(LocalDate first, LocalDate last, DatePrecision precision) {}

  public static Result parse(String text) {
    if (text.equals("unknown")) {
      return new Ok(PartialDate.UNKNOWN);
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      End end = single(text);
      if (end == null) return invalid(text);
      return new Ok(new PartialDate(text, end.precision(), iso(end.first()), iso(end.last())));
    }
    String a = text.substring(0, slash);
    String b = text.substring(slash + 1);
    End from = a.equals("..") ? null : single(a);
    End to = b.equals("..") ? null : single(b);
    if ((from == null && !a.equals("..")) || (to == null && !b.equals("..")) || (from == null && to == null)) {
      return invalid(text);
    }
    if (from != null && to != null && from.first().isAfter(to.last())) {
      return new Invalid(
          "E-DATE-RANGE-REVERSED",
          "date range '" + text + "' ends before it starts; write the earlier date first");
    }
    DatePrecision precision = coarser(from, to);
    return new Ok(
        new PartialDate(
            text, precision, from == null ? null : iso(from.first()), to == null ? null : iso(to.last())));
  }

  private static DatePrecision coarser(End a, End b) {
    // Only one end known: no precision of a day, month or year describes it.
    if (a == null || b == null) return DatePrecision.OPEN;
    // Enum order runs fine to coarse: DAY, MONTH, YEAR.
    return a.precision().compareTo(b.precision()) >= 0 ? a.precision() : b.precision();
  }

  private static End single(String s) {
    Matcher m = SINGLE.matcher(s);
    if (!m.matches()) return null;
    try {
      int year = Integer.parseInt(m.group(1));
      if (year < 1) return null; // years run from 0001 to 9999: there was no year 0
      if (m.group(2) == null) {
        return new End(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
      }
      YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
      if (m.group(3) == null) {
        return new End(month.atDay(1), month.atEndOfMonth(), DatePrecision.MONTH);
      }
      LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
      return new End(day, day, DatePrecision.DAY);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String iso(LocalDate d) {
    return d.toString();
  }

  private static Invalid invalid(String text) {
    return new Invalid(
        "E-DATE-INVALID",
        "invalid date '"
            + text
            + "'; write 2023-04-29, 2023-04, 2023, a range such as 2023-04/2023-05, an open range"
            + " such as 2024/.. or ../2024-06, or unknown");
  }
}
