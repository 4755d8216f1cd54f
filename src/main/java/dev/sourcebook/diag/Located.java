package dev.sourcebook.diag;

/** A record with the place it was read from. */
public record Located<T>(T value, Origin origin) {
  /** The records without their places. */
  public static <T> java.util.List<T> values(java.util.List<Located<T>> located) {
    return located.stream().map(Located::value).toList();
  }
}
