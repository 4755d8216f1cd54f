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

  /**
   * Another library's message in the diagnostic style: one line, no capital start, no final
   * period ("Duplicate field 'name'." is "duplicate field 'name'").
   */
  public static String message(String message) {
    if (message == null || message.isBlank()) return "invalid syntax";
    String s = message.strip().replaceAll("\\s+", " ");
    if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
