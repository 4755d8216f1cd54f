package dev.sourcebook.model;

/** The kinds of harassment an incident involves. */
public enum IncidentType implements Vocabulary {
  MALICIOUS_REFERRAL,
  HARASSING_COMMUNICATIONS,
  FAMILY_IMAGERY_IN_ATTACK_MATERIAL,
  ONLINE_HARASSMENT,
  IN_PERSON_HARASSMENT
}
