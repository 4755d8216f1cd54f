package dev.sourcebook.model;

import java.util.List;

/**
 * A record of the dataset: every one has a stable id, and all but an article cite words of a
 * source. Named so that a wildcard import does not clash with {@code java.lang.Record}.
 */
public sealed interface DatasetRecord permits Article, Actor, Incident, Statement, Outcome {
  String id();

  /** The words of sources the record cites; a statement's own words are its quote. */
  List<Evidence> evidence();

  /** "article", "actor", ...: the kind of record, for messages. */
  default String kindOfRecord() {
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
