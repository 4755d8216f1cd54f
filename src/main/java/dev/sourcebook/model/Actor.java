package dev.sourcebook.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A person, organisation or group that takes part in the stories.
 *
 * @param name null when the sources withhold it, and always null for a minor
 * @param aliases every way the sources name the actor, each found in some source text
 * @param evidence the words that identify the actor
 */
public record Actor(
    @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
    @NotNull ActorKind kind,
    String name,
    @NotNull List<@NotBlank String> aliases,
    @NotBlank String description,
    boolean minor,
    @NotNull List<@Valid ActorLink> links,
    @NotEmpty List<@Valid Evidence> evidence) implements DatasetRecord {

  public Actor {
    aliases = List.copyOf(aliases);
    links = List.copyOf(links);
    evidence = List.copyOf(evidence);
  }
}
