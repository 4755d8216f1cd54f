package dev.sourcebook.cli;

import dev.sourcebook.Validators;
import dev.sourcebook.json.Versions;
import dev.sourcebook.source.SeedsReader;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code sourcebook} command. It only wraps the library: {@code dev.sourcebook.SeedsCompiler} and
 * {@code DatasetWriter} do the work.
 */
@Command(
    name = "sourcebook",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Compiles news sources and a curator's annotations into an evidence-backed dataset: every"
          + " fact is backed by words that the compiler finds in a source text.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 fine, 1 the data has errors, 2 usage error, 3 internal failure.",
      "Diagnostics go to stderr as path:line:col: error[CODE]: message.",
      "The README explains the seeds folder and the annotation format."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Loaded early by {@link #run} for the commands that check records; see {@link #validators()}. */
  private Validators validators;

  /** What the output goes to: whether progress is live, whether help is in colour. */
  private Terminal terminal = Terminal.NONE;

  /** The rules and schemas, loaded once per run of the command line. */
  Validators validators() {
    if (validators == null) validators = Validators.load();
    return validators;
  }

  public static final int OK = 0;
  public static final int DATA_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, validate, release, diff or extract");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sourcebook " + Versions.COMPILER + " (schema version " + Versions.SCHEMA + ")"};
    }
  }

  /**
   * The subcommands, in the order help lists them. Only the one named is given to picocli (whose
   * model of a command is made by reflection, some 25 ms each): all of them when none is named,
   * for the help that lists them.
   */
  private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

  private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
    java.util.Map<String, java.util.function.Supplier<Object>> c = new java.util.LinkedHashMap<>();
    c.put("build", BuildCommand::new);
    c.put("validate", ValidateCommand::new);
    c.put("release", ReleaseCommand::new);
    c.put("diff", DiffCommand::new);
    c.put("site", SiteCommand::new);
    c.put("extract", ExtractCommand::new);
    c.put("help", CommandLine.HelpCommand::new);
    return java.util.Collections.unmodifiableMap(c);
  }

  Terminal terminal() {
    return terminal;
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.ofThisProcess(), null);
  }

  /**
   * Runs the command line with the given streams, as on the given terminal, with the rules and
   * schemas given (a {@link Daemon} keeps one set for every command line it runs) or, when null,
   * loaded for this run.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal, Validators loaded) {
    // The commands that check records need the rules and the JSON Schemas, a third of a second
    // each to load: let them load while picocli builds its model of the command line.
    String command = args.length > 0 ? args[0] : "";
    Main main = new Main();
    main.terminal = terminal;
    if (loaded != null) {
      main.validators = loaded;
    } else if (command.matches("build|release|diff|site")) {
      main.validators = Validators.load();
    } else if (command.equals("validate")) {
      // Validating seeds needs the JSON Schemas only to compare a released version's bytes.
      main.validators = validatesSeeds(args) ? Validators.loadRules() : Validators.load();
    }
    CommandLine cl = new CommandLine(main);
    if (COMMANDS.containsKey(command) && !command.equals("help")) {
      cl.addSubcommand(command, COMMANDS.get(command).get());
    } else {
      COMMANDS.forEach((name, make) -> cl.addSubcommand(name, make.get()));
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> internalError(ex, parseResult.expandedArgs().contains("--stacktrace"), err));
    return cl.execute(args);
  }

  /** Says that sourcebook failed, not the data: the failure, and its stack trace if asked for. */
  static int internalError(Throwable e, boolean trace, PrintWriter err) {
    err.println("sourcebook: internal error: " + e);
    if (trace) {
      e.printStackTrace(err);
    } else {
      err.println("(this is a bug in sourcebook, not in your data; rerun with --stacktrace and report it)");
    }
    err.flush();
    return INTERNAL;
  }

  /** Whether a validate command line names a seeds folder, as ValidateCommand will find it. */
  private static boolean validatesSeeds(String[] args) {
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("-")) continue;
      try {
        return SeedsReader.looksLikeSeeds(java.nio.file.Path.of(args[i]));
      } catch (java.nio.file.InvalidPathException e) {
        return false; // picocli and the command say what is wrong with it
      }
    }
    return false;
  }

  public static void main(String[] args) {
    System.exit(runGuarded(args, System.out, System.err, Terminal.ofThisProcess(), null));
  }

  /** {@link #run}, writing UTF-8 to the given streams, with the JVM's own failures said as such. */
  static int runGuarded(String[] args, java.io.OutputStream stdout, java.io.OutputStream stderr, Terminal terminal, Validators loaded) {
    PrintWriter out = new PrintWriter(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(stderr, true, java.nio.charset.StandardCharsets.UTF_8);
    int code;
    try {
      code = run(args, out, err, terminal, loaded);
    } catch (OutOfMemoryError e) {
      // Nothing was replaced: the output folder changes only by the final renames.
      err.println("sourcebook: out of memory; the earlier output is unchanged (give Java more: java -Xmx2g -jar ..., or SOURCEBOOK_JAVA_OPTS=-Xmx2g bin/sourcebook ...)");
      code = INTERNAL;
    } catch (StackOverflowError e) {
      err.println("sourcebook: internal error: the stack overflowed; the earlier output is unchanged"
          + " (this is a bug in sourcebook, not in your data; rerun with --stacktrace and report it)");
      code = INTERNAL;
    } catch (RuntimeException | Error e) {
      // picocli's handler sees what a command throws: this is the rest (an Error, or a failure
      // before the command runs).
      code = internalError(e, java.util.Arrays.asList(args).contains("--stacktrace"), err);
    }
    out.flush();
    err.flush();
    return code;
  }
}
