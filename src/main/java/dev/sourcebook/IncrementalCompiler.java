package dev.sourcebook;

import dev.sourcebook.check.RuleMemo;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.source.SeedsMemo;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Compiles one seeds folder again and again, as {@code validate --watch} does after every save:
 * each compilation gives what {@link SeedsCompiler#compile} would, but reads, parses and binds
 * again only the files said to have changed (and the annotation files whose quotes are in a
 * changed text), and runs the rules that look at one record at a time only on records that
 * changed; the rules across records run on all of them. Not for two compilations at once.
 */
public final class IncrementalCompiler {
  private final Path seeds;
  private final Validators validators;
  private final SeedsCompiler.Memos memos = new SeedsCompiler.Memos(new SeedsMemo(), new RuleMemo());

  public IncrementalCompiler(Path seeds, Validators validators) {
    this.seeds = seeds;
    this.validators = validators;
  }

  /** Compiles, reading every file. */
  public DatasetResult compile(Progress progress) {
    memos.files().clear();
    return run(progress);
  }

  /**
   * Compiles, reading again what came from {@code changed}: every path that may have changed,
   * been made or been removed since the last compilation (a folder stands for all under it).
   */
  public DatasetResult compile(Collection<Path> changed, Progress progress) {
    memos.files().changed(changed);
    return run(progress);
  }

  private DatasetResult run(Progress progress) {
    return SeedsCompiler.compileLocated(seeds, validators, progress, false, java.util.Set.of(), true, memos).result();
  }

  /** Annotation files whose binding the last compilation took from the one before: for tests and timings. */
  public int reusedFiles() {
    return memos.files().binding().reused();
  }

  /** Records whose findings the last compilation took from the one before: for tests and timings. */
  public int reusedRecords() {
    return memos.rules().reused();
  }
}
