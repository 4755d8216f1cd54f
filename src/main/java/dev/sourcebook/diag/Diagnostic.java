package dev.sourcebook.diag;

import dev.sourcebook.model.Characters;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One problem found in the input, printed javac style: {@code path:line:col: error[CODE]: message}.
 * Codes are stable (documented in the README) so that scripts and tests can rely on them.
 */
public record Diagnostic(Location location, Severity severity, String code, String message)
    implements Comparable<Diagnostic> {

  private static final Pattern CODE = Pattern.compile("[EW](-[A-Z0-9]+)+");

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    // A message quotes input (a key, a quote, a file name): never let it reach a terminal raw.
    message = Characters.escape(message);
    location = location.file().equals(Characters.escape(location.file())) ? location
        : new Location(Characters.escape(location.file()), location.line(), location.column());
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("malformed diagnostic code: " + code);
    }
  }

  public static Diagnostic error(Location location, String code, String message) {
    return new Diagnostic(location, Severity.ERROR, code, message);
  }

  public static Diagnostic warning(Location location, String code, String message) {
    return new Diagnostic(location, Severity.WARNING, code, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public int compareTo(Diagnostic o) {
    return ORDER.compare(this, o);
  }

  /** The one-line form: {@code path:line:col: error[CODE]: message}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + "[" + code + "]: " + message;
  }
}
