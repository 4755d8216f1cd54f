package dev.sourcebook.check;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Visits every string value of a record, nested records and lists included, with its property
 * path ({@code evidence[1].quote}): for rules about text wherever it stands. Keeps the components
 * of each record class it meets, read by reflection once.
 */
final class RecordStrings {
  private final Map<Class<?>, RecordComponent[]> components = new ConcurrentHashMap<>();

  /** Calls {@code visit} with the path and value of every string under {@code value}. */
  void forEach(Object value, BiConsumer<String, String> visit) {
    walk(value, "", visit);
  }

  private void walk(Object value, String path, BiConsumer<String, String> visit) {
    if (value instanceof String s) {
      visit.accept(path, s);
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) walk(list.get(i), path + "[" + i + "]", visit);
    } else if (value instanceof Record r) {
      for (RecordComponent c : components.computeIfAbsent(r.getClass(), Class::getRecordComponents)) {
        if (c.getType().isPrimitive() || c.getType().isEnum()) continue;
        walk(get(c, r), path.isEmpty() ? c.getName() : path + "." + c.getName(), visit);
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
