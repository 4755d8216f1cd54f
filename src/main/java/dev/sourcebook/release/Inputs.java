package dev.sourcebook.release;

import dev.sourcebook.check.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The digest of the inputs a dataset was compiled from, as its manifest and release record give
 * it: the sha256 of a listing of every file of the seeds folder with its own sha256, sorted by
 * path. Left out: what {@code release} writes there (the release records, CHANGELOG.md), and what
 * an editor leaves beside the files it edits (hidden files such as {@code .x.yaml.swp}, backups
 * such as {@code x.yaml~} and {@code #x.yaml#}), so that an open editor does not change it.
 */
public final class Inputs {
  private Inputs() {}

  public static String sha256(Path seeds) throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(seeds)) {
      files =
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .map(p -> seeds.relativize(p).toString().replace('\\', '/'))
              .filter(Inputs::isInput)
              .sorted()
              .toList();
    }
    StringBuilder listing = new StringBuilder();
    for (String rel : files) listing.append(Sha256.hex(seeds.resolve(rel))).append("  ").append(rel).append('\n');
    return Sha256.hex(listing.toString().getBytes(StandardCharsets.UTF_8));
  }

  static boolean isInput(String rel) {
    if (rel.startsWith(Releases.DIR + "/") || rel.equals(Changelog.FILE)) return false;
    for (String part : rel.split("/")) {
      if (part.startsWith(".") || part.endsWith("~") || part.startsWith("#") && part.endsWith("#")) return false;
    }
    return true;
  }
}
