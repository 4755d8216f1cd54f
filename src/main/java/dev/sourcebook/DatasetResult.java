package dev.sourcebook;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.model.Dataset;
import java.util.List;
import java.util.Optional;

/**
 * What compiling seeds or reading a built dataset gave: the dataset when there were no errors,
 * and every diagnostic, sorted.
 */
public record DatasetResult(Optional<Dataset> dataset, List<Diagnostic> diagnostics) {
  public DatasetResult {
    diagnostics = diagnostics.stream().sorted().toList();
  }

  public boolean ok() {
    return dataset.isPresent() && !Diagnostics.hasErrors(diagnostics);
  }
}
