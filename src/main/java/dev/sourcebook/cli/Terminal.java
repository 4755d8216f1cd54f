package dev.sourcebook.cli;

import java.io.Console;
import picocli.CommandLine.Help.Ansi;

/**
 * What a command line's output goes to, as far as what it prints depends on it: whether progress
 * is shown live (stderr a terminal) and whether help and usage errors are in colour (picocli's own
 * test, which reads the console and {@code NO_COLOR}, {@code CLICOLOR} and {@code
 * CLICOLOR_FORCE}). A {@link Daemon}'s JVM has no terminal: the client that asks it sends its own.
 */
record Terminal(boolean live, boolean colour) {
  static final Terminal NONE = new Terminal(false, false);

  /** This process's, read as a command line run in its own JVM would read it. */
  static Terminal ofThisProcess() {
    return new Terminal(isTerminal(System.console()), Ansi.AUTO.enabled());
  }

  /**
   * Whether the console is a terminal: from JDK 22 on, a JVM has a console even when its streams
   * are redirected, and says whether it is a terminal by {@code isTerminal}, a method JDK 17 lacks.
   */
  private static boolean isTerminal(Console console) {
    if (console == null) return false;
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22, a console is a terminal
    }
  }
}
