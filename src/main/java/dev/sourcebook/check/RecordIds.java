package dev.sourcebook.check;

import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;

/** The id, kind and evidence of any record, for code that treats records alike. */
public final class RecordIds {
  private RecordIds() {}

  public static String idOf(Object record) {
    if (record instanceof Article a) return a.id();
    if (record instanceof Actor a) return a.id();
    if (record instanceof Incident i) return i.id();
    if (record instanceof Statement s) return s.id();
    if (record instanceof Outcome o) return o.id();
    throw new IllegalArgumentException("not a record of the dataset: " + record.getClass());
  }

  /** The evidence a record cites; a statement's own words are not evidence here. */
  public static java.util.List<dev.sourcebook.model.Evidence> evidenceOf(Object record) {
    if (record instanceof Actor a) return a.evidence();
    if (record instanceof Incident i) return i.evidence();
    if (record instanceof Outcome o) return o.evidence();
    return java.util.List.of();
  }

  public static String kindOf(Object record) {
    return record.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
