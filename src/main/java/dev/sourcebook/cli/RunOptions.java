package dev.sourcebook.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of every command that compiles or reads: how it reports its own work. */
final class RunOptions {
  /** The command these options are part of; its root is {@link Main}, which knows where stderr goes. */
  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec command;

  // Read by Main's exception handler, which sees the arguments; declared here for --help.
  @Option(names = "--stacktrace", description = "print the stack trace of an internal error")
  boolean stacktrace;

  @Option(names = "--timings", description = "print how long each stage took, on stderr")
  boolean timings;

  TerminalProgress progress(PrintWriter err) {
    return new TerminalProgress(err, ((Main) command.root().userObject()).terminal().live(), timings);
  }
}
