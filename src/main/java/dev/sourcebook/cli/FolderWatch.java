package dev.sourcebook.cli;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Tells when files under a folder change, for {@code validate --watch}: every folder under the
 * root is watched, folders made later too. Symbolic links are not followed; editors' scratch
 * files do not count.
 */
final class FolderWatch implements AutoCloseable {
  /**
   * An editor's save is often several events (write a temporary file, rename it over the old
   * one): a change is over when nothing more has happened for this long.
   */
  private static final long QUIET_MILLIS = 150;

  private final WatchService service;

  FolderWatch(Path root) throws IOException {
    this.service = root.getFileSystem().newWatchService();
    watchTree(root);
  }

  /**
   * Blocks until something under the folder changes and has then been quiet for a moment.
   * Returns the paths that changed (under the folder as it was given), in order; never empty.
   */
  Set<Path> awaitChange() throws InterruptedException, IOException {
    Set<Path> changed = new TreeSet<>();
    while (changed.isEmpty()) collect(service.take(), changed);
    return changed;
  }

  /** Adds what {@code key} saw, and what more comes until things have been quiet for a moment. */
  private void collect(WatchKey key, Set<Path> changed) throws InterruptedException, IOException {
    do {
      Path dir = (Path) key.watchable();
      for (WatchEvent<?> event : key.pollEvents()) {
        if (!(event.context() instanceof Path name)) {
          changed.add(dir); // events were lost (overflow): say where
          continue;
        }
        if (isEditorScratch(name.toString())) continue;
        Path path = dir.resolve(name);
        changed.add(path);
        if (event.kind() == ENTRY_CREATE && Files.isDirectory(path, NOFOLLOW_LINKS)) {
          try {
            watchTree(path);
          } catch (NoSuchFileException removedAgain) {
            // made and removed before it could be watched: nothing to watch
          }
        }
      }
      if (!key.reset()) changed.add(dir); // the folder itself went
    } while ((key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null);
  }

  /**
   * An editor's swap, lock, autosave or backup file beside the file being edited: vim writes its
   * swap file every few seconds while the curator types, and that must not start a run.
   */
  static boolean isEditorScratch(String name) {
    return name.endsWith("~")
        || name.matches("\\..*\\.sw[a-p]") // vim: .records.yaml.swp
        || name.equals("4913") // vim: a file it makes to test that the folder is writable
        || name.startsWith(".#") // emacs: lock
        || (name.length() > 1 && name.startsWith("#") && name.endsWith("#")); // emacs: autosave
  }

  private void watchTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path d : walk.filter(p -> Files.isDirectory(p, NOFOLLOW_LINKS)).toList()) {
        d.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
