package dev.sourcebook.model;

/** Where a statement was made, when the source says so. */
public enum Venue implements Vocabulary {
  X_POST,
  SOCIAL_MEDIA_POST,
  COMMONS_SPEECH,
  RADIO_INTERVIEW,
  TV_INTERVIEW,
  NEWS_INTERVIEW,
  PRESS_STATEMENT,
  COURT,
  PRIVATE_COMMUNICATION,
  PUBLISHED_DOCUMENT
}
