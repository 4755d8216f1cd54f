package dev.sourcebook.cli;

import dev.sourcebook.Releaser;
import dev.sourcebook.diag.DiagnosticPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes the version in dataset.yaml: builds it into OUT/<name>/<version>/ and leaves a release"
          + " record in SEEDS/releases/<version>.json (commit it with the seeds) that pins every record and"
          + " file. A released version never changes: build refuses to change it, and release again is"
          + " fine only when nothing changed.",
      "The version rule, against the latest release: a removed record needs a major version, an added"
          + " record a minor one, a changed record a patch; never smaller, never backwards. A pre-release"
          + " (1.1.0-draft) is built freely and never released."
    })
final class ReleaseCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "seeds", description = "the seeds folder (default: ${DEFAULT-VALUE})")
  Path seeds;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "dist", description = "where datasets go (default: ${DEFAULT-VALUE})")
  Path out;

  // Read by Main's exception handler, which sees the arguments; declared here for --help.
  @Option(names = "--stacktrace", description = "print the stack trace of an internal error")
  boolean stacktrace;

  @Option(names = "--timings", description = "print how long each stage took, on stderr")
  boolean timings;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TerminalProgress progress = new TerminalProgress(err, timings);
    try {
      Releaser.Result r = Releaser.release(seeds, out, main.validators(), progress);
      progress.done();
      new DiagnosticPrinter().print(r.diagnostics(), err);
      if (r.folder().isEmpty()) {
        err.println("nothing released");
        return Main.DATA_ERRORS;
      }
      stdout.println(
          (r.again() ? "already released, and the build is the same: " : "released ") + r.folder().get()
              + "; record " + r.record().orElseThrow());
      return Main.OK;
    } catch (IOException e) {
      progress.done();
      err.println("sourcebook release: " + Faults.describe(e, "release into " + out) + "; the earlier output is unchanged");
      return Main.INTERNAL;
    }
  }
}
