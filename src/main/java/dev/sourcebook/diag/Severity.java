package dev.sourcebook.diag;

/** How bad a diagnostic is. Only errors stop a build. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed in a diagnostic line: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
