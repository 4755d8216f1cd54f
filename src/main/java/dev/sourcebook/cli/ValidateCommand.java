package dev.sourcebook.cli;

import dev.sourcebook.DatasetResult;
import dev.sourcebook.Compiler;
import dev.sourcebook.DatasetReader;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.source.SeedsReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks DIR without writing anything, and prints the record counts when all is well.",
      "DIR is either a seeds folder (the INDEX, the source texts and the annotations: every record,"
          + " every reference, every quote against its source text) or a built dataset (checksums,"
          + " every record against its schema, keys, quotes at their offsets, and the CSV tables"
          + " and datapackage.json against the JSON records)."
    })
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "a seeds folder (it holds " + SeedsReader.INDEX_FILE + ") or a built dataset (it holds manifest.json)")
  Path dir;

  @Option(names = "--by-article", description = "also print a table of records per article")
  boolean byArticle;

  // Read by Main's exception handler, which sees the arguments; declared here for --help.
  @Option(names = "--stacktrace", description = "print the stack trace of an internal error")
  boolean stacktrace;

  @Option(names = "--timings", description = "print how long each stage took, on stderr")
  boolean timings;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DatasetResult c;
    if (Files.isRegularFile(dir.resolve(SeedsReader.INDEX_FILE))) {
      TerminalProgress progress = new TerminalProgress(err, timings);
      c = Compiler.compile(dir, progress);
      progress.done();
    } else if (Files.isRegularFile(dir.resolve(DatasetFiles.MANIFEST))) {
      c = DatasetReader.read(dir);
    } else {
      err.println(
          "sourcebook validate: " + dir + " is neither a seeds folder (no " + SeedsReader.INDEX_FILE
              + ") nor a built dataset (no " + DatasetFiles.MANIFEST + ")");
      return Main.USAGE;
    }
    new DiagnosticPrinter().print(c.diagnostics(), err);
    if (!c.ok()) return Main.DATA_ERRORS;
    var d = c.dataset().orElseThrow();
    out.println(dir + ": valid, " + Counts.line(d));
    if (byArticle) Counts.byArticle(d, out);
    return Main.OK;
  }
}
