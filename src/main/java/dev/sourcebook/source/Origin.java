package dev.sourcebook.source;

import dev.sourcebook.diag.Location;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a record and each of its values were written. Paths are property paths as Bean Validation
 * writes them: {@code id}, {@code aliases[0]}, {@code evidence[1].quote}.
 */
public record Origin(Location location, Map<String, Location> paths) {
  public Origin {
    paths = java.util.Collections.unmodifiableMap(new TreeMap<>(paths));
  }

  /** The location of {@code path}, or of the nearest enclosing value that has one. */
  public Location at(String path) {
    String p = path;
    while (!p.isEmpty()) {
      Location l = paths.get(p);
      if (l != null) return l;
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return location;
  }
}
