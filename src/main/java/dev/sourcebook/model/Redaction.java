package dev.sourcebook.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A span of an article's text that the published dataset hides (a child's name, say). The
 * replacement has the same length in code points, so every offset stays valid.
 */
public record Redaction(@PositiveOrZero int start, @PositiveOrZero int end, @NotBlank String reason) {}
