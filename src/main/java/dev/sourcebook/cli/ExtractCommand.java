package dev.sourcebook.cli;

import dev.sourcebook.DatasetResult;
import dev.sourcebook.SeedsCompiler;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.extract.DraftWriter;
import dev.sourcebook.extract.Extractor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Characters;
import dev.sourcebook.model.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
      "Everything in the draft is proposed, and the file says so (draft: unreviewed), which validate"
          + " refuses (E-DRAFT) until the curator has checked every record and deleted that line.",
      "The draft may be written straight into the seeds (--out, or a shell's > FILE): that file is"
          + " left out when the seeds are read."
    })
final class ExtractCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the source text (UTF-8)")
  Path file;

  @Option(
      names = "--seeds",
      paramLabel = "DIR",
      description = "the seeds folder whose actors speakers are matched to (default: seeds, when there is one)")
  Path seeds;

  @Option(
      names = "--article",
      paramLabel = "ID",
      description = "the article's id (default: the INDEX's id of FILE, else one made from the file name)")
  String article;

  @Option(names = "--out", paramLabel = "OUT", description = "write the draft to OUT instead of stdout")
  Path draftFile;

  // Read by Main's exception handler, which sees the arguments; declared here for --help.
  @Option(names = "--stacktrace", description = "print the stack trace of an internal error")
  boolean stacktrace;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("sourcebook extract: no file " + Characters.escape(file.toString()));
      return Main.USAGE;
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    Extractor.KnownActors known = Extractor.KnownActors.NONE;
    Path from = seeds != null ? seeds : Files.isDirectory(Path.of("seeds")) ? Path.of("seeds") : null;
    String id = article;
    if (from != null) {
      // The file the draft goes to may be in the seeds, and is empty while they are read.
      Set<Path> skip = new HashSet<>();
      if (draftFile != null) skip.add(draftFile);
      redirectedStdout().ifPresent(skip::add);
      DatasetResult c = SeedsCompiler.compileWithout(from, skip);
      if (c.dataset().isEmpty()) {
        new DiagnosticPrinter().print(c.diagnostics(), err);
        err.println("sourcebook extract: the seeds in " + Characters.escape(from.toString()) + " have errors (above): fix them first, or draft without --seeds");
        return Main.DATA_ERRORS;
      }
      known = Extractor.KnownActors.of(c.dataset().get());
      if (id == null) id = indexId(from, c.dataset().get()).orElse(null);
    }
    if (id == null) id = Extractor.slug(file.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
    String draft = DraftWriter.yaml(id, file.toString(), text, Extractor.extract(text, known));
    if (draftFile != null) {
      Files.writeString(draftFile, draft, StandardCharsets.UTF_8);
      err.println("draft of " + Characters.escape(id) + " written to " + Characters.escape(draftFile.toString()) + ": review it, then delete its 'draft:' line");
    } else {
      out.print(draft);
    }
    return Main.OK;
  }

  /** The id the INDEX gives FILE, when FILE is one of the seeds' sources. */
  private Optional<String> indexId(Path seedsFolder, Dataset d) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (Article a : d.articles()) {
      try {
        if (seedsFolder.resolve(a.file()).toRealPath().equals(real)) return Optional.of(a.id());
      } catch (IOException e) {
        // a source that cannot be resolved is not FILE
      }
    }
    return Optional.empty();
  }

  /** Where this process's standard output goes, when it is a file (Linux: /proc/self/fd/1). */
  private static Optional<Path> redirectedStdout() {
    try {
      Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/1"));
      return Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return Optional.empty();
    }
  }
}
