package dev.sourcebook.emit;

import dev.sourcebook.model.Dataset;
import java.io.IOException;
import java.util.SortedMap;

/**
 * Files made beside the data files: the report site. Most of its pages follow from the records
 * alone and are made while the data files are; the index lists the data files with their sha256,
 * so it is made after them. The manifest and SHA256SUMS then list every page with the rest.
 */
public interface Pages {
  /** No pages: a dataset of data files only. */
  Pages NONE =
      new Pages() {
        @Override
        public void writeFromRecords(Dataset d, String compilerVersion, Out out) {}

        @Override
        public void writeIndex(Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, Out out) {}
      };

  /** Every page but the index: what follows from the records alone. */
  void writeFromRecords(Dataset d, String compilerVersion, Out out) throws IOException;

  /**
   * The index.
   *
   * @param files the sha256 of every data file by path (records, tables, schemas, datapackage.json,
   *     the database, CHANGES.md), for the downloads
   * @param changes the version's changelog entry, or null
   */
  void writeIndex(Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, Out out) throws IOException;

  /** Every page: {@link #writeFromRecords} and {@link #writeIndex}. */
  default void write(Dataset d, SortedMap<String, String> files, String changes, String compilerVersion, Out out) throws IOException {
    writeFromRecords(d, compilerVersion, out);
    writeIndex(d, files, changes, compilerVersion, out);
  }

  /** Where each page goes; may be called from several threads at once. */
  @FunctionalInterface
  interface Out {
    void write(String path, byte[] bytes) throws IOException;
  }
}
