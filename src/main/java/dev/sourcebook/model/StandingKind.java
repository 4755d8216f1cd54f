package dev.sourcebook.model;

/**
 * Whose account a fact is: what a reader may repeat as established, and what only as someone's
 * word. Titles, summaries and descriptions follow it ("says", "accuses", "admitted", "convicted").
 */
public enum StandingKind implements Vocabulary {
  /** One side's account, not yet admitted or found: "he says", "who claims". */
  ALLEGED("one side's account, not yet admitted or found"),
  /** Accepted by the one it is about: "admitted he was responsible". */
  ADMITTED("accepted by the one it is about"),
  /** Found or done by an authority, in its own words or a record of its decision: a court, the police, a council. */
  FOUND("found or done by an authority, in its own words or a record of its decision");

  private final String meaning;

  StandingKind(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
