package dev.sourcebook.model;

/** Whether an outcome is only reported, confirmed by the authority that acted, or overtaken by a later one. */
public enum OutcomeStatus implements Vocabulary {
  REPORTED("reported by a source, not confirmed by the authority"),
  CONFIRMED("confirmed by the authority or a record of its decision"),
  SUPERSEDED("replaced by a later outcome, which it names");

  private final String meaning;

  OutcomeStatus(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
