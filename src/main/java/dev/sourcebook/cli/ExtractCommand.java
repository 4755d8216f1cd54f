package dev.sourcebook.cli;

import dev.sourcebook.DatasetResult;
import dev.sourcebook.SeedsCompiler;
import dev.sourcebook.extract.DraftWriter;
import dev.sourcebook.extract.Extractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Drafts the annotations of a new source text and writes them to stdout in the annotation"
          + " format: the quotations with their speakers (matched to the actors of --seeds by name"
          + " and alias, new actors proposed otherwise), and the lines left out as web debris.",
      "Everything in the draft is proposed: review it, save it under annotations/, then validate."
    })
final class ExtractCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the source text (UTF-8)")
  Path file;

  @Option(names = "--seeds", paramLabel = "DIR", description = "a seeds folder whose actors speakers are matched to")
  Path seeds;

  @Option(names = "--article", paramLabel = "ID", description = "the article's id in the INDEX (default: from the file name)")
  String article;

  // Read by Main's exception handler, which sees the arguments; declared here for --help.
  @Option(names = "--stacktrace", description = "print the stack trace of an internal error")
  boolean stacktrace;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("sourcebook extract: no file " + file);
      return Main.USAGE;
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    Extractor.KnownActors known = Extractor.KnownActors.NONE;
    if (seeds != null) {
      DatasetResult c = SeedsCompiler.compile(seeds);
      if (c.dataset().isEmpty()) {
        err.println("sourcebook extract: " + seeds + " has errors; run validate on it first");
        return Main.DATA_ERRORS;
      }
      known = Extractor.KnownActors.of(c.dataset().get());
    }
    String id = article != null ? article : Extractor.slug(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
    out.print(DraftWriter.yaml(id, file.toString(), text, Extractor.extract(text, known)));
    return Main.OK;
  }
}
