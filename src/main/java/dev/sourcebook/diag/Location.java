package dev.sourcebook.diag;

import java.util.Objects;

/**
 * A place in an input file: a path as the user would type it (relative to the working directory
 * where possible) and a 1-based line and column. Column counts Unicode code points.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** The start of a file, for problems that belong to the file as a whole. */
  public static Location of(String file) {
    return new Location(file, 1, 1);
  }

  @Override
  public int compareTo(Location o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
