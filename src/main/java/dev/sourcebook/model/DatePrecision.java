package dev.sourcebook.model;

/** How much of a date the sources tell (as ACLED's time_precision). */
public enum DatePrecision implements Vocabulary {
  DAY,
  MONTH,
  YEAR,
  UNKNOWN
}
