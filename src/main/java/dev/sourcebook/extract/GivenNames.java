package dev.sourcebook.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Given names that are mostly a woman's ('f') or a man's ('m'), from given-names.txt beside this
 * class: what lets the extractor tell "she" from "he" where the text gives no honorific. Read when
 * the first extractor asks, never by the commands that do not draft.
 */
final class GivenNames {
  private GivenNames() {}

  /** 'f', 'm', or null for a name the list does not hold (or holds for both). */
  static Character gender(String givenName) {
    return Table.GENDERS.get(givenName);
  }

  /** Loaded on first use (the holder idiom): an immutable table, the same for every extractor. */
  private static final class Table {
    static final Map<String, Character> GENDERS = load();

    private static Map<String, Character> load() {
      Map<String, Character> genders = new HashMap<>();
      try (InputStream in = GivenNames.class.getResourceAsStream("given-names.txt")) {
        if (in == null) throw new IllegalStateException("given-names.txt is missing from the jar");
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.isBlank() || line.startsWith("#")) continue;
          String[] words = line.strip().split("\\s+");
          for (int i = 1; i < words.length; i++) genders.put(words[i], words[0].charAt(0));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.copyOf(genders);
    }
  }
}
