package dev.sourcebook.source;

import dev.sourcebook.diag.Location;
import java.util.Map;

/**
 * One row of the INDEX as written: every column's text (empty when blank) and where it stands.
 */
public record IndexEntry(Map<String, String> values, Map<String, Location> locations, Location row) {
  public IndexEntry {
    values = Map.copyOf(values);
    locations = Map.copyOf(locations);
  }

  public String get(String column) {
    return values.getOrDefault(column, "");
  }

  /** The value, or null when the cell is blank (the INDEX's way of saying unknown). */
  public String orNull(String column) {
    String v = get(column);
    return v.isEmpty() ? null : v;
  }

  public Location at(String column) {
    return locations.getOrDefault(column, row);
  }
}
