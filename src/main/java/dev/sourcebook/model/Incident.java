package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** Something that happened to a target, in the curator's words, backed by quotes. */
public record Incident(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotBlank String title,
    @NotBlank String summary,
    @NotEmpty List<@NotNull IncidentType> types,
    @NotNull @Valid PartialDate date,
    String place,
    @NotEmpty List<@Valid Participant> participants,
    @NotEmpty List<@Valid Evidence> evidence) implements DatasetRecord {

  public Incident {
    types = List.copyOf(types);
    participants = List.copyOf(participants);
    evidence = List.copyOf(evidence);
  }
}
