package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Whose account an incident or an outcome is, and the words of a source that show it ("who
 * claims his family has been harassed", "admitted he was responsible", "a man convicted of
 * harassing her").
 *
 * @param by the actor whose account it is: the one who alleges it, the one who admitted it, or the
 *     authority that found it
 */
public record Standing(
    @NotNull StandingKind kind,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String by,
    @NotNull @Valid Evidence evidence) {}
