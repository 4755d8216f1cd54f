package dev.sourcebook.model;

/**
 * How much of a date the sources tell (as ACLED's time_precision): the day, month or year (of the
 * coarser end of a range), only one end of an open range, or nothing.
 */
public enum DatePrecision implements Vocabulary {
  DAY("known to the day"),
  MONTH("known to the month"),
  YEAR("known to the year"),
  /** A range with an open end ({@code ../2023-04-29}, {@code 2024/..}): one of earliest and latest is unknown. */
  OPEN("a range with one end open: only the other end is known"),
  UNKNOWN("not known");

  private final String meaning;

  DatePrecision(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
