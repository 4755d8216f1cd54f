package dev.sourcebook.model;

/** How one actor relates to another. The first three are family links. */
public enum LinkType implements Vocabulary {
  SPOUSE_OF("the actor is the wife, husband or partner of the other"),
  CHILD_OF("the actor is a child of the other"),
  PARENT_OF("the actor is a parent of the other"),
  MEMBER_OF("the actor belongs to the other, an organisation or group");

  private final String meaning;

  LinkType(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }

  public boolean isFamily() {
    return this != MEMBER_OF;
  }
}
