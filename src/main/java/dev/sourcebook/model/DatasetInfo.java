package dev.sourcebook.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the dataset calls itself: name (a slug), title, semantic version and licence. */
public record DatasetInfo(
    @NotNull
        @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE)
        @Size(max = 100, message = "must be at most 100 characters: it names a folder")
        String name,
    @NotBlank String title,
    @NotNull
        @Pattern(
            regexp = VERSION_PATTERN,
            message = "must be a semantic version such as 1.0.0, or a pre-release such as 1.1.0-draft")
        @Size(max = 64, message = "must be at most 64 characters: it names a folder")
        String version,
    @NotBlank String licence,
    String description) {

  /** These fields but the version: what two versions of one dataset have in common, or not. */
  public DatasetInfo unversioned() {
    return new DatasetInfo(name, title, null, licence, description);
  }

  /** A semantic version: {@code 1.0.0}, or a pre-release such as {@code 1.1.0-draft}. */
  public static final String VERSION_PATTERN = "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z][0-9A-Za-z.-]*))?$";
}
