package dev.sourcebook.model;

import java.util.Locale;

/**
 * A controlled vocabulary: an enum whose constants are written in the data as lower-case,
 * hyphenated codes ({@code MALICIOUS_REFERRAL} is {@code malicious-referral}).
 */
public interface Vocabulary {
  String name();

  /** The code as it appears in annotations and in the published dataset. */
  default String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What the code means, in a line: for the codebook. */
  String meaning();
}
