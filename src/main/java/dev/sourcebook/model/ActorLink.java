package dev.sourcebook.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A link from one actor to another: {@code child-of stella-creasy}. */
public record ActorLink(
    @NotNull LinkType relation,
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String actor) {}
