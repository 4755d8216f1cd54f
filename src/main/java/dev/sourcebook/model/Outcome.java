package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * What an authority did about an incident, as of a date. Outcomes are never overwritten: a later
 * decision is a new outcome, and the earlier one says it was superseded by it.
 *
 * @param authority the actor that acted; null when the sources do not say who
 * @param standing whose account it is that the authority did it: its own (found), or another's
 * @param supersededBy the later outcome, present exactly when status is superseded
 */
public record Outcome(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String incident,
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String authority,
    @NotNull OutcomeType type,
    String details,
    @NotNull @Valid PartialDate date,
    @NotNull OutcomeStatus status,
    @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String supersededBy,
    @NotNull @Valid Standing standing,
    @NotEmpty List<@Valid Evidence> evidence) implements DatasetRecord {

  public Outcome {
    evidence = List.copyOf(evidence);
  }

  /** The evidence, and the words that show the standing. */
  @Override
  public Map<String, Evidence> citations() {
    Map<String, Evidence> out = DatasetRecord.super.citations();
    if (standing != null && standing.evidence() != null) out.put("standing.evidence", standing.evidence());
    return out;
  }
}
