package dev.sourcebook.model;

/** The part an actor plays in an incident. */
public enum Role implements Vocabulary {
  TARGET,
  FAMILY_TARGET,
  PERPETRATOR,
  RECIPIENT_AUTHORITY,
  INVESTIGATING_AUTHORITY,
  ADJUDICATING_AUTHORITY,
  COMMENTATOR
}
