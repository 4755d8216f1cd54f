package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * Something that happened to a target, in the curator's words, backed by quotes.
 *
 * @param standing whose account it is: title and summary say it as that account
 */
public record Incident(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotBlank String title,
    @NotBlank String summary,
    @NotEmpty List<@NotNull IncidentType> types,
    @NotNull @Valid PartialDate date,
    String place,
    @NotEmpty List<@Valid Participant> participants,
    @NotNull @Valid Standing standing,
    @NotEmpty List<@Valid Evidence> evidence) implements DatasetRecord {

  public Incident {
    types = List.copyOf(types);
    participants = List.copyOf(participants);
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
