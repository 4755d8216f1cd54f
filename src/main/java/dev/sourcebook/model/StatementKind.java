package dev.sourcebook.model;

/** How a statement is reported: word for word, a few words of it, or paraphrased. */
public enum StatementKind implements Vocabulary {
  DIRECT("a whole quotation in the source's quotation marks"),
  PARTIAL("a few quoted words inside the source's own sentence"),
  INDIRECT("the source's report of what was said, without quotation marks");

  private final String meaning;

  StatementKind(String meaning) {
    this.meaning = meaning;
  }

  @Override
  public String meaning() {
    return meaning;
  }
}
