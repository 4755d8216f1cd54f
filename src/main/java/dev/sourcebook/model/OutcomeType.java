package dev.sourcebook.model;

/** What an authority did about an incident. */
public enum OutcomeType implements Vocabulary {
  COMMUNITY_RESOLUTION("a police community resolution, without prosecution"),
  INFORMAL_WARNING("an informal warning"),
  CAUTION("a formal police caution"),
  NO_PROSECUTION("a decision not to prosecute"),
  CONVICTION("a conviction by a court"),
  SUSPENDED_SENTENCE("a suspended prison sentence"),
  RESTRAINING_ORDER("a restraining order"),
  UNPAID_WORK("an order of unpaid work"),
  SAFEGUARDING_REVIEW_NO_ACTION("a safeguarding review that took no action"),
  RECORD_RETAINED("a record kept on file"),
  DELETION_REFUSED("a refusal to delete a record"),
  HARASSMENT_ORDER_SIGNED("a harassment order signed"),
  PARTY_NO_ACTION("a political party that took no action");

  private final String meaning;

  OutcomeType(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }

  /** A decision that finds the perpetrator did it: a court's conviction and sentence, a police caution. */
  public boolean adjudicates() {
    return switch (this) {
      case CONVICTION, SUSPENDED_SENTENCE, RESTRAINING_ORDER, UNPAID_WORK, CAUTION -> true;
      default -> false;
    };
  }
}
