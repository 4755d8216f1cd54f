package dev.sourcebook.model;

/** Whether an outcome is only reported, confirmed by the authority that acted, or overtaken by a later one. */
public enum OutcomeStatus implements Vocabulary {
  REPORTED,
  CONFIRMED,
  SUPERSEDED
}
