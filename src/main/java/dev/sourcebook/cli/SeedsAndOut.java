package dev.sourcebook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the commands that write a dataset read the seeds from and write it to. */
final class SeedsAndOut {
  @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds", description = "the seeds folder (default: ${DEFAULT-VALUE})")
  Path seeds;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "dist", description = "where datasets go (default: ${DEFAULT-VALUE})")
  Path out;
}
