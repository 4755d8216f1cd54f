package dev.sourcebook;

import dev.sourcebook.check.ConstraintRule;
import dev.sourcebook.check.RuleSet;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.model.Dataset;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The rules of validity and the JSON Schemas, which the compiler, the reader and the writer all
 * check with. Loading them takes about a third of a second each (Hibernate Validator, networknt),
 * so {@link #load} starts both on threads of their own and a caller makes one and keeps it: a
 * command line makes it first, before it reads its arguments, and {@code validate --watch} keeps
 * it for every run. Nothing is shared between instances.
 */
public final class Validators {
  private final CompletableFuture<RuleSet> rules;
  private CompletableFuture<Schemas> schemas;

  /** Datasets that passed every rule of this instance: immutable, so they stay valid. */
  private final Set<Dataset> checked = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private Validators(boolean schemasNow) {
    rules = start("sourcebook-rules", () -> new RuleSet(new ConstraintRule()));
    if (schemasNow) schemas = start("sourcebook-schemas", Schemas::new);
  }

  /** Starts loading the rules and the schemas, each on a daemon thread of its own. */
  public static Validators load() {
    return new Validators(true);
  }

  /**
   * Starts loading the rules only; the schemas load when first asked for. For work that seldom
   * needs them (validating seeds, which only a released version's check of bytes does), so that
   * loading them does not take a core from the work.
   */
  public static Validators loadRules() {
    return new Validators(false);
  }

  /** The rules, waiting until they are loaded. */
  public RuleSet rules() {
    return rules.join();
  }

  /** The JSON Schemas, waiting until they are loaded. */
  public synchronized Schemas schemas() {
    if (schemas == null) schemas = start("sourcebook-schemas", Schemas::new);
    return schemas.join();
  }

  /** Remembers that {@code d} passed every rule, so that writing it need not check it again. */
  void passed(Dataset d) {
    checked.add(d);
  }

  boolean hasPassed(Dataset d) {
    return checked.contains(d);
  }

  private static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    return CompletableFuture.supplyAsync(
        work,
        task -> {
          Thread t = new Thread(task, name);
          t.setDaemon(true); // never keeps a process alive
          t.start();
        });
  }
}
