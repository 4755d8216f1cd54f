package dev.sourcebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File and query helpers the tests share. */
final class TestFiles {
  private TestFiles() {}

  /** The first column of what an SQL query gives, as text: for the database tests. */
  static java.util.List<String> column(java.sql.Statement s, String sql) throws java.sql.SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (java.sql.ResultSet r = s.executeQuery(sql)) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }

  /** Copies the folder {@code from} to {@code to}, replacing what {@code to} held. */
  static void copyTree(Path from, Path to) throws IOException {
    deleteTree(to);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }

  /** Deletes {@code dir} and all under it, if it is there; links are deleted, not followed. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
