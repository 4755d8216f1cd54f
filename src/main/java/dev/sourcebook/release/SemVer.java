package dev.sourcebook.release;

import dev.sourcebook.model.DatasetInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A semantic version, {@code 1.2.3} or {@code 1.2.3-draft}: ordered as semver orders them. */
public record SemVer(int major, int minor, int patch, String preRelease) implements Comparable<SemVer> {
  private static final Pattern FORM = Pattern.compile(DatasetInfo.VERSION_PATTERN);

  /** The version, or null when {@code text} is not one. */
  public static SemVer parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) return null;
    try {
      return new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    } catch (NumberFormatException e) {
      return null; // a number past int: no version anyone releases
    }
  }

  /** A pre-release ({@code 1.1.0-draft}) is never released: it can be rebuilt freely. */
  public boolean isPreRelease() {
    return preRelease != null;
  }

  /** The smallest version after this one that makes a change of the given size. */
  public SemVer next(Bump bump) {
    return switch (bump) {
      case MAJOR -> new SemVer(major + 1, 0, 0, null);
      case MINOR -> new SemVer(major, minor + 1, 0, null);
      case PATCH, NONE -> new SemVer(major, minor, patch + 1, null);
    };
  }

  /** The size of the step from {@code earlier} to this version. */
  public Bump stepFrom(SemVer earlier) {
    if (major != earlier.major) return Bump.MAJOR;
    if (minor != earlier.minor) return Bump.MINOR;
    return patch != earlier.patch ? Bump.PATCH : Bump.NONE;
  }

  @Override
  public int compareTo(SemVer o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) c = Integer.compare(minor, o.minor);
    if (c == 0) c = Integer.compare(patch, o.patch);
    if (c != 0) return c;
    // 1.0.0-draft comes before 1.0.0
    if (preRelease == null || o.preRelease == null) return preRelease == null ? (o.preRelease == null ? 0 : 1) : -1;
    return preRelease.compareTo(o.preRelease);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
  }

  /** How large a change between two versions is, smallest first. */
  public enum Bump {
    NONE,
    PATCH,
    MINOR,
    MAJOR;

    @com.fasterxml.jackson.annotation.JsonValue
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
