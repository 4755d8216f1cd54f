package dev.sourcebook.reader;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.emit.DatasetFiles;
import dev.sourcebook.emit.Pages;
import dev.sourcebook.emit.Sqlite;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.json.Versions;
import dev.sourcebook.model.Dataset;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The files of a built dataset that follow from its JSON records (the CSV tables, the schemas and
 * datapackage.json), compared with what this compiler makes of the records.
 */
public final class DerivedFiles {
  private final Path dir;

  private DerivedFiles(Path dir) {
    this.dir = dir;
  }

  private String shown(String file) {
    return dir + "/" + file;
  }

  /**
   * The CSV tables, the schemas and datapackage.json are what the JSON records give, byte for
   * byte: each is made again and compared with the file as it is made, never held whole.
   */
  public static List<Diagnostic> compare(Path dir, Dataset dataset, Schemas schemas, String compilerVersion) {
    DerivedFiles files = new DerivedFiles(dir);
    Map<String, Diagnostic> differences = new ConcurrentSkipListMap<>();
    try {
      DatasetFiles.writeDerived(
          dataset, schemas, compilerVersion, name ->
              files.new Comparison(
                  name, "E-CSV-MISMATCH",
                  name + " is not what the JSON records (and this compiler's schemas) give, from this "
                      + (name.equals(Sqlite.FILE) ? "point on (a database file: rebuild it from the JSON records)" : "line on"),
                  differences));
    } catch (IOException e) {
      differences.put("", Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot read " + dir + ": " + e.getMessage()));
    }
    return List.copyOf(differences.values());
  }

  /**
   * The report site's pages are what this compiler makes of the records and the data files, byte
   * for byte, and the folder holds those pages and no others. For a dataset this compiler made
   * (another compiler's pages are held to SHA256SUMS and the manifest only).
   *
   * @param sums the sha256 of every file of the folder but the manifest and SHA256SUMS
   */
  public static List<Diagnostic> compareSite(Path dir, Dataset dataset, Map<String, String> sums, String compilerVersion, Pages pages) {
    DerivedFiles files = new DerivedFiles(dir);
    Map<String, Diagnostic> differences = new ConcurrentSkipListMap<>();
    java.util.SortedMap<String, String> data = new java.util.TreeMap<>();
    sums.forEach((path, sum) -> { if (!path.startsWith(DatasetFiles.SITE)) data.put(path, sum); });
    try {
      String changes = data.containsKey(DatasetFiles.CHANGES) ? Files.readString(dir.resolve(DatasetFiles.CHANGES)) : null;
      java.util.Set<String> made =
          DatasetFiles.writePages(
                  dataset, data, changes, compilerVersion, pages,
                  name -> files.new Comparison(
                      name, "E-SITE-MISMATCH", name + " is not the page this compiler makes of the records, from this line on: rebuild the dataset",
                      differences))
              .keySet();
      for (String path : made) {
        if (!sums.containsKey(path)) {
          differences.put(path, Diagnostic.error(Location.of(files.shown(path)), "E-FILE-NOT-FOUND", "no " + path + " in " + dir + ": a page of the report site is missing"));
        }
      }
      for (String path : sums.keySet()) {
        if (path.startsWith(DatasetFiles.SITE) && !made.contains(path)) {
          differences.put(
              path, Diagnostic.error(Location.of(files.shown(path)), "E-UNEXPECTED-FILE", path + " is not a page of this dataset's report site"));
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      differences.put("", Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot read " + dir + ": " + e.getMessage()));
    }
    return List.copyOf(differences.values());
  }

  /**
   * The manifest is what this dataset gives: its records, the schema version of this compiler, the
   * compiler version it names, and the files' hashes. Its counts and hashes are checked one by one
   * before, to say which is wrong; this finds whatever else was changed or added.
   */
  public static List<Diagnostic> compareManifest(Path dir, Dataset dataset, Map<String, String> sums, String compilerVersion, String inputsSha256) {
    DerivedFiles files = new DerivedFiles(dir);
    Map<String, Diagnostic> differences = new ConcurrentSkipListMap<>();
    try (OutputStream out =
        files.new Comparison(
            DatasetFiles.MANIFEST, "E-MANIFEST", "manifest.json is not what the records and files of this dataset give, from this line on",
            differences)) {
      out.write(DatasetFiles.manifest(dataset, Versions.SCHEMA, compilerVersion, inputsSha256, sums));
    } catch (IOException e) {
      differences.put("", Diagnostic.error(Location.of(dir.toString()), "E-READ", "cannot read " + dir + ": " + e.getMessage()));
    }
    return List.copyOf(differences.values());
  }

  /**
   * Takes the bytes a file should hold and compares them with the file as they come; on close,
   * records where the file first differs (at most one diagnostic per file, with {@code code} and
   * {@code message}).
   */
  private final class Comparison extends OutputStream {
    private final String name;
    private final String code;
    private final String message;
    private final Map<String, Diagnostic> differences;
    private final InputStream actual;
    private final byte[] buffer = new byte[1 << 16];
    private int line = 1;
    private boolean differs;

    Comparison(String name, String code, String message, Map<String, Diagnostic> differences) throws IOException {
      this.name = name;
      this.code = code;
      this.message = message;
      this.differences = differences;
      // A missing file or one that is not a regular file is reported by the folder's check.
      Path file = dir.resolve(name);
      this.actual =
          Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? new BufferedInputStream(Files.newInputStream(file), 1 << 16) : null;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] expected, int off, int len) throws IOException {
      while (actual != null && !differs && len > 0) {
        int n = actual.readNBytes(buffer, 0, Math.min(len, buffer.length));
        for (int i = 0; i < n; i++) {
          if (buffer[i] != expected[off + i]) {
            different();
            return;
          }
          if (buffer[i] == '\n') line++;
        }
        if (n < Math.min(len, buffer.length)) {
          different(); // the file ends early
          return;
        }
        off += n;
        len -= n;
      }
    }

    @Override
    public void close() throws IOException {
      if (actual == null) return;
      if (!differs && actual.read() != -1) different(); // the file goes on
      actual.close();
    }

    private void different() {
      differs = true;
      // A binary file has no lines to show.
      Location at = name.equals(Sqlite.FILE) ? Location.of(shown(name)) : new Location(shown(name), line, 1);
      differences.put(name, Diagnostic.error(at, code, message));
    }
  }
}
