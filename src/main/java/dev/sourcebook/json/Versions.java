package dev.sourcebook.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions a built dataset records: the compiler's (from the build) and the schemas'. */
public final class Versions {
  private Versions() {}

  /** The major version of the JSON Schemas in {@code schema/}; it changes when a record does. */
  public static final String SCHEMA = "3";

  public static final String COMPILER = compilerVersion();

  private static String compilerVersion() {
    try (InputStream in = Versions.class.getResourceAsStream("/dev/sourcebook/version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
