package dev.sourcebook.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Words of a source that back a fact: the article, the words exactly as the published article
 * text has them, and their position in that text in Unicode code points ({@code [start, end)}).
 */
public record Evidence(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String article,
    @NotBlank String quote,
    @PositiveOrZero int start,
    @PositiveOrZero int end) {}
