package dev.sourcebook.model;

/** The part an actor plays in an incident. */
public enum Role implements Vocabulary {
  TARGET("the public figure the incident was aimed at"),
  FAMILY_TARGET("a family member drawn into it"),
  PERPETRATOR("who did it (as the incident's standing allows)"),
  RECIPIENT_AUTHORITY("the authority a referral or complaint was made to"),
  INVESTIGATING_AUTHORITY("the authority that looked into it"),
  ADJUDICATING_AUTHORITY("the court or body that decided on it"),
  COMMENTATOR("someone who spoke about it without taking part");

  private final String meaning;

  Role(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
