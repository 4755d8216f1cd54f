package dev.sourcebook.model;

/** What an actor is. */
public enum ActorKind implements Vocabulary {
  PERSON("one person"),
  ORGANISATION("a body with its own name: a police force, a council, a party, a court"),
  GROUP("several people taken together: a family's children, a petition's signers");

  private final String meaning;

  ActorKind(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
