package dev.sourcebook.model;

/** What an authority did about an incident. */
public enum OutcomeType implements Vocabulary {
  COMMUNITY_RESOLUTION,
  INFORMAL_WARNING,
  CAUTION,
  NO_PROSECUTION,
  CONVICTION,
  SUSPENDED_SENTENCE,
  RESTRAINING_ORDER,
  UNPAID_WORK,
  SAFEGUARDING_REVIEW_NO_ACTION,
  RECORD_RETAINED,
  DELETION_REFUSED,
  HARASSMENT_ORDER_SIGNED,
  PARTY_NO_ACTION;

  /** A decision that finds the perpetrator did it: a court's conviction and sentence, a police caution. */
  public boolean adjudicates() {
    return switch (this) {
      case CONVICTION, SUSPENDED_SENTENCE, RESTRAINING_ORDER, UNPAID_WORK, CAUTION -> true;
      default -> false;
    };
  }
}
