package dev.sourcebook.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of the dataset: every one has a stable id, and all but an article cite words of a
 * source. Named so that a wildcard import does not clash with {@code java.lang.Record}.
 */
public sealed interface DatasetRecord permits Article, Actor, Incident, Statement, Outcome {
  String id();

  /** The words of sources the record cites; a statement's own words are its quote. */
  List<Evidence> evidence();

  /**
   * Every quote the record cites, by the path of its value: {@code evidence[0]}, {@code
   * standing.evidence}, a statement's {@code quote}.
   */
  default Map<String, Evidence> citations() {
    Map<String, Evidence> out = new LinkedHashMap<>();
    List<Evidence> evidence = evidence();
    if (evidence != null) for (int i = 0; i < evidence.size(); i++) out.put("evidence[" + i + "]", evidence.get(i));
    return out;
  }

  /** "article", "actor", ...: the kind of record, for messages. */
  default String kindOfRecord() {
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
