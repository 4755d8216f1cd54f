package dev.sourcebook.model;

/** The one rule for record ids: stable lowercase slugs, unique across the dataset. */
public final class Ids {
  private Ids() {}

  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
  public static final String MESSAGE =
      "must be a lowercase slug such as 'stella-creasy' (a-z, 0-9, single hyphens between)";
}
