package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A source: one captured news text and what the INDEX says of it. {@code text} is the published
 * text, with the curator's redactions applied; {@code sha256} is of that text's UTF-8 bytes, which
 * are the captured bytes unless words are redacted (the capture's hash would let anyone confirm a
 * guessed name: it stays in the INDEX).
 * Outlet, title and url are null when unknown.
 */
public record Article(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotBlank String file,
    @NotNull @Pattern(regexp = "^[0-9a-f]{64}$") String sha256,
    String outlet,
    String title,
    @NotNull @Valid PartialDate published,
    String url,
    @NotNull @Pattern(regexp = "^[a-z]{2,3}(-[A-Za-z0-9]+)*$") String language,
    @NotNull String text,
    @NotNull List<@Valid Redaction> redactions) implements DatasetRecord {

  public Article {
    redactions = List.copyOf(redactions);
  }

  /** An article cites nothing: it is the source. */
  @Override
  public List<Evidence> evidence() {
    return List.of();
  }
}
