package dev.sourcebook;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own, so that it overlaps what the caller does next and
 * never keeps a process alive: loading Hibernate Validator and the JSON Schemas, which take about
 * a third of a second each.
 */
public final class Background {
  private Background() {}

  public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    return CompletableFuture.supplyAsync(
        work,
        task -> {
          Thread t = new Thread(task, name);
          t.setDaemon(true);
          t.start();
        });
  }
}
