package dev.sourcebook.model;

/** How one actor relates to another. The first three are family links. */
public enum LinkType implements Vocabulary {
  SPOUSE_OF,
  CHILD_OF,
  PARENT_OF,
  MEMBER_OF;

  public boolean isFamily() {
    return this != MEMBER_OF;
  }
}
