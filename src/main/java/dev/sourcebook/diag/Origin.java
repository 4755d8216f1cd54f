package dev.sourcebook.diag;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a record and each of its values were written. Paths are property paths as Bean Validation
 * writes them: {@code id}, {@code aliases[0]}, {@code evidence[1].quote}.
 *
 * <p>A dataset holds one origin per record, so it is kept small: sorted arrays rather than a map,
 * and path names shared between records (there are few distinct ones).
 */
public final class Origin {
  /** Compiled once: String.replaceAll compiles its pattern on every call. */
  private static final java.util.regex.Pattern CAMEL_HUMP = java.util.regex.Pattern.compile("([a-z])([A-Z])");

  private final Location location;
  private final String[] paths;
  private final Location[] locations;

  public Origin(Location location, Map<String, Location> paths) {
    this.location = location;
    @SuppressWarnings("unchecked")
    Map.Entry<String, Location>[] sorted = paths.entrySet().toArray(new Map.Entry[0]);
    Arrays.sort(sorted, Map.Entry.comparingByKey());
    this.paths = new String[sorted.length];
    this.locations = new Location[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      this.paths[i] = sorted[i].getKey().intern();
      this.locations[i] = sorted[i].getValue();
    }
  }

  /**
   * The property a key of the data names: {@code superseded_by} is {@code supersededBy}. Both
   * front ends (YAML and JSON) name paths this way, so that a rule's path finds the value in either.
   */
  public static String property(String key) {
    StringBuilder s = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '_' && i + 1 < key.length()) s.append(Character.toUpperCase(key.charAt(++i)));
      else s.append(c);
    }
    return s.toString();
  }

  /** The key of the data a property path names, as a curator writes it: {@code supersededBy} is {@code superseded_by}. */
  public static String key(String path) {
    return CAMEL_HUMP.matcher(path).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** Where the record starts. */
  public Location location() {
    return location;
  }

  /** The location of every path that has one, by path. */
  public Map<String, Location> paths() {
    Map<String, Location> out = new TreeMap<>();
    for (int i = 0; i < paths.length; i++) out.put(paths[i], locations[i]);
    return Collections.unmodifiableMap(out);
  }

  /** The location of {@code path}, or of the nearest enclosing value that has one. */
  public Location at(String path) {
    String p = path;
    while (!p.isEmpty()) {
      int i = Arrays.binarySearch(paths, p);
      if (i >= 0) return locations[i];
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return location;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other
        && location.equals(other.location)
        && Arrays.equals(paths, other.paths)
        && Arrays.equals(locations, other.locations);
  }

  @Override
  public int hashCode() {
    return 31 * location.hashCode() + Arrays.hashCode(paths);
  }

  @Override
  public String toString() {
    return "Origin[" + location + ", " + paths() + "]";
  }
}
