package dev.sourcebook.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form the INDEX, the manifest and SHA256SUMS use. */
public final class Sha256 {
  private Sha256() {}

  public static String hex(byte[] bytes) {
    return hexOf(digest().digest(bytes));
  }

  /** The hash of a file, read as a stream: the file is never held whole. */
  public static String hex(Path file) throws IOException {
    MessageDigest sha = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return hex(sha);
  }

  /** A new SHA-256 digest, for bytes that come in parts. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** A finished digest as lower-case hex. */
  public static String hex(MessageDigest finished) {
    return hexOf(finished.digest());
  }

  private static String hexOf(byte[] sum) {
    return HexFormat.of().formatHex(sum);
  }
}
