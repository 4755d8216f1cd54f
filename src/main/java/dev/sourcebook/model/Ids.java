package dev.sourcebook.model;

/** The one rule for record ids: stable lowercase slugs, unique across the dataset. */
public final class Ids {
  private Ids() {}

  /**
   * Lowercase letters and digits in hyphen-separated runs: no hyphen first, last or twice. Written
   * with lookaheads, not as {@code ^[a-z0-9]+(-[a-z0-9]+)*$}, whose repeated group makes Java's
   * regex engine recurse once per hyphen (an id of a few thousand hyphens overflowed the stack).
   */
  public static final String PATTERN = "^(?!-)(?!.*--)[a-z0-9-]*[a-z0-9]$";

  /**
   * The same slugs for datapackage.json: Table Schema patterns are XML Schema regular
   * expressions, which have no lookaheads (Frictionless tools match them without recursing).
   */
  private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile(PATTERN);

  /** True when {@code id} is a slug; an id that is not is E-ID-FORMAT wherever it stands. */
  public static boolean isSlug(String id) {
    return id != null && SLUG.matcher(id).matches();
  }

  public static final String TABLE_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
  public static final String MESSAGE =
      "must be a lowercase slug such as 'stella-creasy' (a-z, 0-9, single hyphens between)";
}
