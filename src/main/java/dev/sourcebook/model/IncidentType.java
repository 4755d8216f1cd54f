package dev.sourcebook.model;

/** The kinds of harassment an incident involves. */
public enum IncidentType implements Vocabulary {
  MALICIOUS_REFERRAL("a report to an authority (social services, the police) made to harm rather than to protect"),
  HARASSING_COMMUNICATIONS("repeated messages, calls or letters that harass"),
  FAMILY_IMAGERY_IN_ATTACK_MATERIAL("images of family members used in attack adverts, leaflets or posts"),
  ONLINE_HARASSMENT("harassment on social media or elsewhere online"),
  IN_PERSON_HARASSMENT("harassment face to face: at home, at events, in the street");

  private final String meaning;

  IncidentType(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
