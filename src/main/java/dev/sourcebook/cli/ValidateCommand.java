package dev.sourcebook.cli;

import dev.sourcebook.DatasetReader;
import dev.sourcebook.DatasetResult;
import dev.sourcebook.DatasetWriter;
import dev.sourcebook.IncrementalCompiler;
import dev.sourcebook.SeedsCompiler;
import dev.sourcebook.diag.DiagnosticPrinter;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Characters;
import dev.sourcebook.reader.PublishedJson;
import dev.sourcebook.source.SeedsReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks DIR without writing anything, and prints the record counts when all is well.",
      "DIR is either a seeds folder (the INDEX, the source texts and the annotations: every quote"
          + " found in its source text) or a built dataset (exactly the files of a dataset, their"
          + " checksums and the manifest, every record against its JSON Schema, and the CSV tables"
          + " and datapackage.json against the JSON records), or the versions of one side by side"
          + " (dist/<name>, which holds versions.json): each version is checked.",
      "Both are held to the same rules of validity, with the same codes: ids, references, dates,"
          + " children never named, every quote words of its article at its offsets (README: The"
          + " rules of validity)."
    })
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.ParentCommand Main main;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "a seeds folder (it holds " + SeedsReader.INDEX_FILE + ") or a built dataset (it holds manifest.json)")
  Path dir;

  @Option(names = "--by-article", description = "also print a table of records per article")
  boolean byArticle;

  @CommandLine.Mixin RunOptions run;

  @Option(
      names = "--watch",
      description = {
        "keep watching the seeds folder DIR and validate it again after every change, until Ctrl-C;"
            + " runs after the first skip Java's start-up and warm-up, so they take a fraction of the time"
      })
  boolean watch;

  /** DIR as typed, fit for a terminal: a name may hold any character. */
  private String shown() {
    return dev.sourcebook.model.Characters.escape(dir.toString());
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean seeds = SeedsReader.looksLikeSeeds(dir);
    if (watch && !seeds) {
      err.println("sourcebook validate: --watch needs a seeds folder, and " + shown() + " has no " + SeedsReader.INDEX_FILE);
      return Main.USAGE;
    }
    if (watch) return watch(out, err);
    if (seeds) return report(validateSeeds(err), out, err);
    if (Files.exists(dir.resolve(DatasetFiles.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      return report(withProgress(err, progress -> DatasetReader.read(dir, main.validators(), progress)), out, err);
    }
    if (Files.exists(dir.resolve(DatasetWriter.INDEX), LinkOption.NOFOLLOW_LINKS)) return validateVersions(out, err);
    err.println(
        "sourcebook validate: " + shown() + " is neither a seeds folder (no " + SeedsReader.INDEX_FILE
            + "), a built dataset (no " + DatasetFiles.MANIFEST + ") nor the versions of one (no " + DatasetWriter.INDEX + ")");
    return Main.USAGE;
  }

  /** Every version in {@code <out>/<name>/}, each on its own: one that cannot be read does not hide the others. */
  private int validateVersions(PrintWriter out, PrintWriter err) {
    TerminalProgress progress = run.progress(err);
    List<DatasetReader.VersionRead> versions;
    try {
      versions = DatasetReader.readVersions(dir, main.validators(), progress);
    } catch (IOException e) {
      progress.done();
      err.println("sourcebook validate: " + Faults.describe(e, "list the versions in " + shown()));
      return Main.INTERNAL;
    }
    progress.done();
    int failed = 0;
    int older = 0;
    for (DatasetReader.VersionRead v : versions) {
      if (v.result().ok()) {
        new DiagnosticPrinter().print(v.result().diagnostics(), err);
        out.println(Characters.escape(v.folder().toString()) + ": valid, " + Counts.line(v.result().dataset().orElseThrow()));
        continue;
      }
      if (v.result().diagnostics().stream().allMatch(d -> d.code().equals("E-SCHEMA-VERSION"))) {
        // Of another schema version: its own checksums and schemas still say whether it is intact.
        PublishedJson.Result p = PublishedJson.read(v.folder());
        if (!Diagnostics.hasErrors(p.diagnostics())) {
          older++;
          out.println(
              v.folder() + ": intact (its checksums and its schema version " + p.schemaVersion() + " hold; this sourcebook's rules are"
                  + " for schema version " + Versions.SCHEMA + ")");
          continue;
        }
        new DiagnosticPrinter().print(p.diagnostics(), err);
      } else {
        new DiagnosticPrinter().print(v.result().diagnostics(), err);
      }
      failed++;
      err.println(Characters.escape(v.folder().toString()) + ": not valid, for the reasons above");
    }
    out.println(
        versions.size() + " versions: " + (versions.size() - failed - older) + " valid" + (older > 0 ? ", " + older + " intact of another schema version" : "")
            + (failed > 0 ? ", " + failed + " not valid" : ""));
    return failed == 0 ? Main.OK : Main.DATA_ERRORS;
  }

  private DatasetResult validateSeeds(PrintWriter err) {
    return withProgress(err, progress -> SeedsCompiler.compile(dir, main.validators(), progress));
  }

  private DatasetResult withProgress(PrintWriter err, Function<Progress, DatasetResult> work) {
    TerminalProgress progress = run.progress(err);
    DatasetResult c = work.apply(progress);
    progress.done();
    return c;
  }

  private int report(DatasetResult c, PrintWriter out, PrintWriter err) {
    new DiagnosticPrinter().print(c.diagnostics(), err);
    if (!c.ok()) return Main.DATA_ERRORS;
    var d = c.dataset().orElseThrow();
    out.println(dir + ": valid, " + Counts.line(d));
    if (byArticle) Counts.byArticle(d, out);
    return Main.OK;
  }

  /**
   * Validates, then again after every change, until the process is stopped or interrupted. Each
   * run after the first reads again only what the changed files give (the diagnostics are those
   * of a full run).
   */
  private int watch(PrintWriter out, PrintWriter err) {
    IncrementalCompiler compiler = new IncrementalCompiler(dir, main.validators());
    try (FolderWatch changes = new FolderWatch(dir)) {
      List<Path> changed = null;
      while (true) {
        long start = System.nanoTime();
        List<Path> since = changed;
        report(withProgress(err, progress -> since == null ? compiler.compile(progress) : compiler.compile(since, progress)), out, err);
        out.flush();
        err.printf(Locale.ROOT, "(%.2f s) watching %s for changes; Ctrl-C stops%n", (System.nanoTime() - start) / 1e9, dir);
        err.flush();
        changed = List.copyOf(changes.awaitChange());
        err.println();
        err.println(changed.get(0) + (changed.size() > 1 ? " and " + (changed.size() - 1) + " more" : "") + " changed: validating again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Main.OK;
    } catch (IOException e) {
      // The machine refused (on Linux, too many folders for fs.inotify.max_user_watches, say):
      // not the data's fault, nor a bug.
      err.println("sourcebook validate: " + Faults.describe(e, "watch " + shown() + " for changes"));
      return Main.INTERNAL;
    }
  }
}
