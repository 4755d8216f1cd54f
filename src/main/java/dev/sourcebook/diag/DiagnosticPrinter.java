package dev.sourcebook.diag;

import dev.sourcebook.model.Characters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints diagnostics as javac does: the diagnostic line, the source line it points at, a caret
 * under the column; then the count. Sorted, all at once.
 */
public final class DiagnosticPrinter {
  private final Map<String, List<String>> lines = new HashMap<>();

  public void print(List<Diagnostic> diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics.stream().sorted().toList()) {
      out.println(d);
      String source = sourceLine(d.location());
      if (source != null) {
        out.println("    " + source);
        out.println("    " + " ".repeat(caretIndent(source, d.location().column())) + "^");
      }
    }
    if (!diagnostics.isEmpty()) out.println(Diagnostics.summary(diagnostics));
    out.flush();
  }

  /** Columns count code points; the caret needs chars, with tabs kept so that it lines up. */
  private static int caretIndent(String line, int column) {
    int cps = Math.min(column - 1, line.codePointCount(0, line.length()));
    return line.offsetByCodePoints(0, cps);
  }

  private String sourceLine(Location l) {
    List<String> file = lines.computeIfAbsent(l.file(), DiagnosticPrinter::read);
    if (file.isEmpty() || l.line() > file.size() || (l.line() == 1 && l.column() == 1 && file.get(0).isEmpty())) {
      return null;
    }
    String line = file.get(l.line() - 1);
    // Long lines (an INDEX row) would bury the message: they are not shown.
    if (line.length() > 200) return null;
    // Show the line as it is, but never send its control characters to the terminal.
    // One char for one, so that the caret still lines up.
    StringBuilder shown = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
        shown.append(c).append(line.charAt(++i));
      } else {
        shown.append(c == '\t' ? ' ' : Characters.isUnsafeToShow(c) ? '?' : c);
      }
    }
    return shown.toString();
  }

  private static List<String> read(String file) {
    try {
      Path p = Path.of(file);
      // Never a link: it may lead out of the folder the user named (what a diagnostic warns of).
      if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(p) > 16 << 20) return List.of();
      byte[] bytes = Files.readAllBytes(p);
      // A binary file (dataset.sqlite) has no lines to show.
      for (byte b : bytes) if (b == 0) return List.of();
      return List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
