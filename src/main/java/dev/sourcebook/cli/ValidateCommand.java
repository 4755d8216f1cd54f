package dev.sourcebook.cli;

import dev.sourcebook.Compilation;
import dev.sourcebook.Compiler;
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
      "Checks a seeds folder (the INDEX, the source texts and the annotations) without writing",
      "anything: every record, every reference, every quote against its source text.",
      "Prints the record counts when all is well, the diagnostics when not."
    })
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "a seeds folder (it holds " + SeedsReader.INDEX_FILE + ")")
  Path dir;

  @Option(names = "--by-article", description = "also print a table of records per article")
  boolean byArticle;

  @Option(names = "--stacktrace", description = "print the stack trace of an internal error")
  boolean stacktrace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(dir.resolve(SeedsReader.INDEX_FILE))) {
      err.println("sourcebook validate: " + dir + " is not a seeds folder: it has no " + SeedsReader.INDEX_FILE);
      return Main.USAGE;
    }
    Compilation c = Compiler.compile(dir);
    new DiagnosticPrinter().print(c.diagnostics(), err);
    if (!c.ok()) return Main.DATA_ERRORS;
    var d = c.dataset().orElseThrow();
    out.println(dir + ": valid, " + Counts.line(d));
    if (byArticle) Counts.byArticle(d, out);
    return Main.OK;
  }
}
