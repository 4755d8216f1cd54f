package dev.sourcebook.cli;

import dev.sourcebook.SiteWriter;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.model.Characters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    description = {
      "Makes the report site of DIR, a built dataset: plain HTML pages (the dataset, each incident,"
          + " actor and article, a codebook and a search) where every claim links to its words,"
          + " highlighted in the article. Open index.html in a browser, or put the folder on any web"
          + " server; no page asks anything of another host.",
      "build and release already make it, in DIR/site/, listed in the manifest and SHA256SUMS: then"
          + " this checks it. A dataset published without one (by sourcebook before 0.5.0) is never"
          + " changed: give --out for a folder outside it. DIR is checked in full first."
    })
final class SiteCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "DIR", description = "a built dataset: dist/<name>/<version>")
  Path dataset;

  @Option(names = "--out", paramLabel = "FOLDER", description = "where the site goes, outside DIR (default: DIR/site, when DIR has one)")
  Path out;

  @CommandLine.Mixin RunOptions run;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TerminalProgress progress = run.progress(err);
    SiteWriter.Result r = SiteWriter.write(dataset, this.out, main.validators(), progress);
    progress.done();
    new DiagnosticPrinter().print(r.diagnostics(), err);
    if (r.folder().isEmpty()) {
      err.println("no site written: fix the errors above");
      return Main.DATA_ERRORS;
    }
    out.println("site " + Characters.escape(r.folder().get().toString()) + ": " + r.files() + " files; open " + Characters.escape(r.folder().get().resolve("index.html").toString()));
    return Main.OK;
  }
}
