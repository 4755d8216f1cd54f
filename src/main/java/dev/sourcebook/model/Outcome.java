package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * What an authority did about an incident, as of a date. Outcomes are never overwritten: a later
 * decision is a new outcome, and the earlier one says it was superseded by it.
 *
 * @param supersededBy the later outcome, present exactly when status is superseded
 */
public record Outcome(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String incident,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String authority,
    @NotNull OutcomeType type,
    String details,
    @NotNull @Valid PartialDate date,
    @NotNull OutcomeStatus status,
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String supersededBy,
    @NotEmpty List<@Valid Evidence> evidence) implements DatasetRecord {

  public Outcome {
    evidence = List.copyOf(evidence);
  }
}
