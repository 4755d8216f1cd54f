package dev.sourcebook.model;

/**
 * How much of a date the sources tell (as ACLED's time_precision): the day, month or year (of the
 * coarser end of a range), only one end of an open range, or nothing.
 */
public enum DatePrecision implements Vocabulary {
  DAY,
  MONTH,
  YEAR,
  /** A range with an open end ({@code ../2023-04-29}, {@code 2024/..}): one of earliest and latest is unknown. */
  OPEN,
  UNKNOWN
}
