package dev.sourcebook.check;

import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;

/** The id and kind of any record, for checks that treat records alike. */
final class RecordIds {
  private RecordIds() {}

  static String idOf(Object record) {
    if (record instanceof Article a) return a.id();
    if (record instanceof Actor a) return a.id();
    if (record instanceof Incident i) return i.id();
    if (record instanceof Statement s) return s.id();
    if (record instanceof Outcome o) return o.id();
    throw new IllegalArgumentException("not a record of the dataset: " + record.getClass());
  }

  static String kindOf(Object record) {
    return record.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
