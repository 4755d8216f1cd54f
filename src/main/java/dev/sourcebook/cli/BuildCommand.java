package dev.sourcebook.cli;

import dev.sourcebook.Builder;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.emit.Csv;
import dev.sourcebook.model.Characters;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles a seeds folder and writes the dataset to OUT/<name>/<version>/: JSON records, CSV"
          + " tables, JSON Schemas, datapackage.json, manifest.json and SHA256SUMS.",
      "Nothing is written when the seeds have errors; the earlier output is replaced whole, never"
          + " in part."
    })
final class BuildCommand implements Callable<Integer> {
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
      Builder.Result r = Builder.build(paths.seeds, paths.out, main.validators(), progress);
      progress.done();
      new DiagnosticPrinter().print(r.diagnostics(), err);
      if (r.folder().isEmpty()) {
        err.println("nothing written");
        return Main.DATA_ERRORS;
      }
      stdout.println("built " + Characters.escape(r.folder().get().toString()) + ": " + Counts.line(r.dataset().orElseThrow()));
      long formulas = Csv.formulaLikeCells(r.dataset().orElseThrow());
      if (formulas > 0) {
        stdout.println(
            "note: " + formulas + " text cells of the CSV tables start with =, +, - or @; a spreadsheet that opens a CSV"
                + " directly may run them as formulas: import the CSVs with text columns (README: Spreadsheets)");
      }
      return Main.OK;
    } catch (IOException e) {
      progress.done();
      // The machine refused (no space, no permission): not the data's fault, nor a bug.
      err.println("sourcebook build: " + Faults.describe(e, "write the dataset under " + Characters.escape(String.valueOf(paths.out))) + "; the earlier output is unchanged");
      return Main.INTERNAL;
    }
  }
}
