package dev.sourcebook.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An actor's part in an incident. */
public record Participant(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String actor,
    @NotNull Role role) {}
