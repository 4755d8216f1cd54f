package dev.sourcebook.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A date as precisely as the sources give it, possibly a range with open ends.
 *
 * @param value the date as written, normalised: {@code 2023-04-29}, {@code 2023-04}, {@code 2023},
 *     a range {@code 2023-04/2023-05}, an open range {@code 2024/..} or {@code ../2024-06}, or
 *     {@code unknown}
 * @param precision the precision of the coarser end of the range; {@code open} when one end is open
 * @param earliest the first day the date can be (ISO yyyy-mm-dd), null when open or unknown
 * @param latest the last day the date can be (ISO yyyy-mm-dd), null when open or unknown
 */
public record PartialDate(
    @NotNull String value,
    @NotNull DatePrecision precision,
    @Pattern(regexp = ISO_DAY) String earliest,
    @Pattern(regexp = ISO_DAY) String latest) {

  /** A day of the calendar as far as a pattern can tell (months 01-12, days 01-31); the parser checks the rest. */
  static final String ISO_DAY = "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$";

  public static final PartialDate UNKNOWN =
      new PartialDate("unknown", DatePrecision.UNKNOWN, null, null);
}
