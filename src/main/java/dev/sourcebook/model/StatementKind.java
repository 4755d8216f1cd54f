package dev.sourcebook.model;

/** How a statement is reported: word for word, a few words of it, or paraphrased. */
public enum StatementKind implements Vocabulary {
  DIRECT,
  PARTIAL,
  INDIRECT
}
