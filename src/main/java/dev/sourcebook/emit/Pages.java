package dev.sourcebook.emit;

import dev.sourcebook.model.Dataset;
import java.io.IOException;
import java.util.SortedMap;

/**
 * Files made after the data files, from the dataset and those files' sha256: the report site. The
 * manifest and SHA256SUMS then list them with the rest.
 */
@FunctionalInterface
public interface Pages {
  /** No pages: a dataset of data files only. */
  Pages NONE = (d, files, changes, compilerVersion, out) -> {};

  /**
   * @param files the sha256 of every data file by path (records, tables, schemas, datapackage.json,
   *     the database, CHANGES.md), for the downloads
   * @param changes the version's changelog entry, or null
   */
  void write(Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, Out out) throws IOException;

  /** Where each page goes; may be called from several threads at once. */
  @FunctionalInterface
  interface Out {
    void write(String path, byte[] bytes) throws IOException;
  }
}
