package dev.sourcebook;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.release.ReleaseCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a seeds folder and writes its dataset, with what only the seeds know beside the
 * records: their digest (manifest.json) and the version's changelog entry (CHANGES.md). A released
 * version gives exactly the bytes its release record pinned, or nothing is written.
 */
public final class Builder {
  private Builder() {}

  /** The dataset and its folder, or the diagnostics that say why nothing was written. */
  public record Result(Optional<Dataset> dataset, Optional<Path> folder, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted().toList();
    }
  }

  /** An {@link IOException} is the machine's refusal (no space, no permission); the earlier output is then as it was. */
  public static Result build(Path seeds, Path out, Validators validators, Progress progress) throws IOException {
    SeedsCompiler.Compiled compiled = SeedsCompiler.compileLocated(seeds, validators, progress, true);
    List<Diagnostic> diagnostics = new ArrayList<>(compiled.result().diagnostics());
    if (!compiled.result().ok()) return new Result(Optional.empty(), Optional.empty(), diagnostics);
    Dataset d = compiled.result().dataset().orElseThrow();
    DatasetWriter.Result written = DatasetWriter.write(out, d, compiled.provenance(), releasedBytes(compiled), validators, progress);
    diagnostics.addAll(written.diagnostics());
    return new Result(Optional.of(d), written.folder(), diagnostics);
  }

  /** A released version's files, as they are written, must be the bytes its record pinned. */
  static DatasetWriter.Check releasedBytes(SeedsCompiler.Compiled compiled) {
    Dataset d = compiled.result().dataset().orElseThrow();
    return files -> {
      List<Diagnostic> out = new ArrayList<>();
      ReleaseCheck.checkFiles(compiled.releases(), d, compiled.info(), compiled.provenance(), files, out);
      return out;
    };
  }
}
