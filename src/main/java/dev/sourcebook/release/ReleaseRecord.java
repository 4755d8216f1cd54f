package dev.sourcebook.release;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a release pinned, kept with the seeds ({@code releases/<version>.json}) so that it holds in
 * a fresh clone and after {@code make clean}: the sha256 of every record (by type, then id) and of
 * every published file, and a digest of the inputs the release came from.
 *
 * @param records by record type ("articles", "actors", ...), the sha256 of each record's JSON, by id
 * @param files the sha256 of each published file, by relative path
 */
public record ReleaseRecord(
    String name,
    String version,
    String schemaVersion,
    String compilerVersion,
    String inputsSha256,
    Map<String, Map<String, String>> records,
    Map<String, String> files) {

  public ReleaseRecord {
    records = records == null ? Map.of() : sorted(records);
    files = files == null ? Map.of() : new TreeMap<>(files);
  }

  private static Map<String, Map<String, String>> sorted(Map<String, Map<String, String>> in) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    in.forEach((k, v) -> out.put(k, new TreeMap<>(v == null ? Map.of() : v)));
    return out;
  }
}
