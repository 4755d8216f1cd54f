package dev.sourcebook.cli;

import dev.sourcebook.diag.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows the stage a long run is in, on a terminal only (a pipe or a log gets nothing), and with
 * {@code --timings} how long each stage took, wherever stderr goes.
 */
final class TerminalProgress implements Progress {
  private final PrintWriter err;
  private final boolean live;
  private final boolean timings;
  private String current;
  private long started;

  TerminalProgress(PrintWriter err, boolean terminal, boolean timings) {
    this.err = err;
    this.live = terminal;
    this.timings = timings;
  }

  @Override
  public void stage(String name) {
    end();
    current = name;
    started = System.nanoTime();
    if (live) {
      err.print("\r\033[K" + name + "...");
      err.flush();
    }
  }

  @Override
  public void waiting(String why) {
    if (live) err.print("\r\033[K");
    err.println("sourcebook: " + why);
    err.flush();
  }

  @Override
  public void done() {
    end();
    current = null;
  }

  private void end() {
    if (current == null) return;
    if (live) {
      err.print("\r\033[K");
    }
    if (timings) {
      err.println(String.format(Locale.ROOT, "%8.3f s  %s", (System.nanoTime() - started) / 1e9, current));
    }
    err.flush();
  }
}
