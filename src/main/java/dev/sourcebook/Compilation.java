package dev.sourcebook;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/**
 * What compiling seeds gave: the dataset when there were no errors, and every diagnostic, sorted.
 */
public record Compilation(Optional<Dataset> dataset, List<Diagnostic> diagnostics) {
  public Compilation {
    diagnostics = diagnostics.stream().sorted().toList();
  }

  public boolean ok() {
    return dataset.isPresent() && !Diagnostics.hasErrors(diagnostics);
  }
}
