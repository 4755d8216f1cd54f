package dev.sourcebook.cli;

import dev.sourcebook.Releaser;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.model.Characters;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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

  @CommandLine.Mixin SeedsAndOut paths;

  @CommandLine.Mixin RunOptions run;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TerminalProgress progress = run.progress(err);
    try {
      Releaser.Result r = Releaser.release(paths.seeds, paths.out, main.validators(), progress);
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
      err.println("sourcebook release: " + Faults.describe(e, "release into " + Characters.escape(String.valueOf(paths.out))) + "; the earlier output is unchanged");
      return Main.INTERNAL;
    }
  }
}
