package dev.sourcebook.cli;

import dev.sourcebook.Differ;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.release.DatasetDiff;
import dev.sourcebook.release.DiffReport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Shows what changed from OLD to NEW, two versions of one dataset: per record type the records"
          + " added, removed and changed, each change field by field (old -> new, evidence quotes"
          + " and offsets included), the schemas' fields and codes added and removed, and the"
          + " version step the change needs (README: Releases).",
      "OLD and NEW are each a built dataset (dist/<name>/<version>) or a seeds folder; both are"
          + " checked in full first. Exit 0 whatever changed; 1 when either has errors or they are"
          + " two different datasets."
    })
final class DiffCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    markdown
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "OLD", description = "the earlier version: a built dataset or a seeds folder")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "the later version: a built dataset or a seeds folder")
  Path after;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (for a terminal), json (for tools) or markdown (for a changelog); default: ${DEFAULT-VALUE}")
  Format format;

  @CommandLine.Mixin RunOptions run;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TerminalProgress progress = run.progress(err);
    Differ.Result r = Differ.diff(before, after, main.validators(), progress);
    progress.done();
    new DiagnosticPrinter().print(r.diagnostics(), err);
    if (r.diff().isEmpty()) {
      err.println("no diff: fix the errors above");
      return Main.DATA_ERRORS;
    }
    DatasetDiff d = r.diff().get();
    out.print(
        switch (format) {
          case text -> DiffReport.text(d);
          case markdown -> DiffReport.markdown(d);
          case json -> new String(DiffReport.json(d), StandardCharsets.UTF_8);
        });
    return Main.OK;
  }
}
