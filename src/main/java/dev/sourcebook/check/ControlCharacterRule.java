package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.model.Characters;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * No value of any record holds a control character (but tab and line ends), a C1 control or a
 * lone surrogate, whether it came from a source text, a YAML escape or a JSON file. Each is
 * reported once per value, at the value.
 */
public final class ControlCharacterRule implements Rule {
  /** The components of each record class met, read by reflection once per rule set. */
  private final Map<Class<?>, RecordComponent[]> components = new ConcurrentHashMap<>();

  @Override
  public List<String> codes() {
    return List.of("E-TEXT-CONTROL");
  }

  @Override
  public String summary() {
    return "no value holds a control character other than tab and line ends, a C1 control or a lone surrogate";
  }

  @Override
  public void check(Records records, List<Diagnostic> out) {
    if (records.info() != null) walk(records.info(), records.info().value(), "", out);
    for (Located<?> r : records.all()) walk(r, r.value(), "", out);
  }

  /** Visits every string under {@code value}, naming each by its property path. */
  private void walk(Located<?> record, Object value, String path, List<Diagnostic> out) {
    if (value instanceof String s) {
      int i = Characters.firstForbidden(s);
      if (i >= 0) {
        out.add(
            Diagnostic.error(
                record.origin().at(path),
                "E-TEXT-CONTROL",
                String.format(
                    Locale.ROOT,
                    "'%s' holds the control character %s (character %d); remove it",
                    ConstraintRule.snake(path.isEmpty() ? "value" : path),
                    Characters.name(s.codePointAt(i)),
                    s.codePointCount(0, i) + 1)));
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) walk(record, list.get(i), path + "[" + i + "]", out);
    } else if (value instanceof Record r) {
      for (RecordComponent c : components.computeIfAbsent(r.getClass(), Class::getRecordComponents)) {
        if (c.getType().isPrimitive() || c.getType().isEnum()) continue;
        walk(record, get(c, r), path.isEmpty() ? c.getName() : path + "." + c.getName(), out);
      }
    }
  }

  private static Object get(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c + " of " + r.getClass(), e);
    }
  }
}
