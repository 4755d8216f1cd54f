package dev.sourcebook.diag;

import java.util.List;

/** Helpers for lists of diagnostics. */
public final class Diagnostics {
  private Diagnostics() {}

  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The closing count line: "1 error", "3 errors, 1 warning". */
  public static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    String s = plural(errors, "error");
    return warnings == 0 ? s : s + ", " + plural(warnings, "warning");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
