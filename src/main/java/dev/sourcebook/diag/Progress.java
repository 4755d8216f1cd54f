package dev.sourcebook.diag;

/**
 * Told when each stage of a long run starts, so that a command line can show progress (and
 * timings). A library caller that does not care passes {@link #NONE}.
 */
@FunctionalInterface
public interface Progress {
  /** A stage starts: "reading seeds", "binding annotations", ... The previous one has ended. */
  void stage(String name);

  /**
   * The run waits for something outside it (another build of the same dataset): said wherever the
   * output goes, so that a run that waits is never taken for one that hangs.
   */
  default void waiting(String why) {}

  /** The run has ended. */
  default void done() {}

  Progress NONE = name -> {};
}
