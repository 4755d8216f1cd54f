package dev.sourcebook.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Map;

/**
 * Words a source attributes to an actor, exactly as the published article text has them, at
 * code-point offsets {@code [start, end)} of that text.
 *
 * @param venue where the words were said, null when the source does not say
 * @param about the incidents the statement is about
 */
public record Statement(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String article,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String speaker,
    @NotNull StatementKind kind,
    Venue venue,
    @NotNull List<@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> about,
    @NotBlank String quote,
    @PositiveOrZero int start,
    @PositiveOrZero int end) implements DatasetRecord {

  public Statement {
    about = List.copyOf(about);
  }

  /** The statement's own words, as evidence of themselves. */
  @Override
  public List<Evidence> evidence() {
    return List.of(new Evidence(article, quote, start, end));
  }

  @Override
  public Map<String, Evidence> citations() {
    return Map.of("quote", new Evidence(article, quote, start, end));
  }
}
