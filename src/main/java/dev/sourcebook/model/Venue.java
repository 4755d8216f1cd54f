package dev.sourcebook.model;

/** Where a statement was made, when the source says so. */
public enum Venue implements Vocabulary {
  X_POST("a post on X (Twitter)"),
  SOCIAL_MEDIA_POST("a post on another social network"),
  COMMONS_SPEECH("a speech in the House of Commons"),
  RADIO_INTERVIEW("a radio interview"),
  TV_INTERVIEW("a television interview"),
  NEWS_INTERVIEW("an interview with a newspaper or news site"),
  PRESS_STATEMENT("a statement issued to the press"),
  COURT("said in court"),
  PRIVATE_COMMUNICATION("a private message, email or letter"),
  PUBLISHED_DOCUMENT("a report, decision or other published document");

  private final String meaning;

  Venue(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
