package dev.sourcebook.model;

/** What an actor is. */
public enum ActorKind implements Vocabulary {
  PERSON,
  ORGANISATION,
  GROUP
}
