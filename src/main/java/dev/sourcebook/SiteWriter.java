package dev.sourcebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Progress;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The report site of a built dataset, made from its records (which are checked in full first).
 * {@code build} and {@code release} make it in every dataset folder they write; this makes it for
 * a folder that a compiler before 0.5.0 wrote, into a folder of its own: a published folder never
 * changes, so a site is never added to one.
 */
public final class SiteWriter {
  private SiteWriter() {}

  /** The site's folder and its number of files, or the diagnostics that say why nothing was written. */
  public record Result(Optional<Path> folder, int files, List<Diagnostic> diagnostics) {}

  /**
   * @param out where the site goes; null for {@code <dataset>/site}, which is allowed only when
   *     the dataset's manifest lists its pages (then they are checked and left as they are)
   */
  public static Result write(Path dataset, Path out, Validators validators, Progress progress) throws IOException {
    DatasetResult read = DatasetReader.read(dataset, validators, progress);
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    if (read.dataset().isEmpty()) return new Result(Optional.empty(), 0, diagnostics);
    JsonNode manifest = Json.MAPPER.readTree(dataset.resolve(DatasetFiles.MANIFEST).toFile());
    SortedMap<String, String> files = new TreeMap<>();
    int pages = 0;
    for (Iterator<String> it = manifest.path("files").fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (path.startsWith(DatasetFiles.SITE)) pages++;
      else files.put(path, manifest.path("files").path(path).asText());
    }
    Path inside = dataset.resolve("site");
    if (out == null || out.toAbsolutePath().normalize().equals(inside.toAbsolutePath().normalize())) {
      if (pages > 0) return new Result(Optional.of(inside), pages, diagnostics); // read in full above: as this compiler makes them, or held to their checksums
      diagnostics.add(
          Diagnostic.error(
              Location.of(dataset.resolve(DatasetFiles.MANIFEST).toString()), "E-SITE-OUT",
              dataset + " was published without a report site (by sourcebook " + manifest.path("compiler_version").asText("?")
                  + "), and a published folder never changes: give --out FOLDER, outside it, for the site"));
      return new Result(Optional.empty(), 0, diagnostics);
    }
    Path target = out.toAbsolutePath().normalize();
    if (target.startsWith(dataset.toAbsolutePath().normalize())) {
      diagnostics.add(
          Diagnostic.error(
              Location.of(out.toString()), "E-SITE-OUT",
              out + " is inside the dataset's folder, which holds only what sourcebook wrote: give a folder outside it"));
      return new Result(Optional.empty(), 0, diagnostics);
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isSite(target)) {
      diagnostics.add(
          Diagnostic.error(
              Location.of(out.toString()), "E-SITE-OUT",
              out + " exists and is not a report site this command wrote (no index.html and style.css): give a new or empty folder"));
      return new Result(Optional.empty(), 0, diagnostics);
    }
    if (Diagnostics.hasErrors(diagnostics)) return new Result(Optional.empty(), 0, diagnostics);
    progress.stage("writing the report site");
    String dataRoot = (target.relativize(dataset.toAbsolutePath().normalize()) + "/").replace('\\', '/');
    String changes = files.containsKey(DatasetFiles.CHANGES) ? Files.readString(dataset.resolve(DatasetFiles.CHANGES), StandardCharsets.UTF_8) : null;
    Dataset d = read.dataset().get();
    // Written beside the target and moved into place: a failure leaves the earlier site as it was.
    Path staging = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    DatasetWriter.deleteTree(staging);
    int[] count = {0};
    new Site(dataRoot)
        .write(
            d, files, changes, manifest.path("compiler_version").asText(Versions.COMPILER),
            (path, bytes) -> {
              Path file = staging.resolve(path);
              Files.createDirectories(file.getParent());
              Files.write(file, bytes);
              synchronized (count) {
                count[0]++;
              }
            });
    DatasetWriter.deleteTree(target);
    Files.move(staging, target);
    return new Result(Optional.of(target), count[0], diagnostics);
  }

  private static boolean isSite(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) return false;
    try (Stream<Path> list = Files.list(folder)) {
      if (list.findAny().isEmpty()) return true;
    }
    return Files.isRegularFile(folder.resolve("index.html")) && Files.isRegularFile(folder.resolve("style.css"));
  }

}
