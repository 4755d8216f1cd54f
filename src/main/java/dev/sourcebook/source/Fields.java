package dev.sourcebook.source;

import dev.sourcebook.check.DateParser;
import dev.sourcebook.check.Spelling;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Characters;
import dev.sourcebook.model.PartialDate;
import dev.sourcebook.model.Vocabulary;
import dev.sourcebook.source.Node.ListNode;
import dev.sourcebook.source.Node.MapNode;
import dev.sourcebook.source.Node.Scalar;
import dev.sourcebook.source.Node.ScalarType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the fields of one YAML map: reports unknown keys (a typo must never silently drop data),
 * missing and mistyped values, and records where every value stands under its property path.
 * Problems are added to the diagnostics list; the value read is then null.
 */
final class Fields {
  private final MapNode map;
  private final AnnotationFormat.Shape shape;
  private final String what;
  private final String prefix;
  private final Map<String, Location> paths;
  private final List<Diagnostic> diagnostics;

  /**
   * @param shape the kind of map: its keys, which are required, and its name for messages
   * @param prefix the property path of the map inside its record ("" for the record itself)
   */
  Fields(MapNode map, AnnotationFormat.Shape shape, String prefix, Map<String, Location> paths, List<Diagnostic> diagnostics) {
    this.map = map;
    this.shape = shape;
    this.what = shape.name();
    List<String> known = shape.keys();
    this.prefix = prefix;
    this.paths = paths;
    this.diagnostics = diagnostics;
    if (!prefix.isEmpty()) paths.put(prefix, map.location());
    for (var e : map.entries().entrySet()) {
      if (!known.contains(e.getKey())) {
        diagnostics.add(
            Diagnostic.error(
                e.getValue().keyLocation(), "E-UNKNOWN-FIELD", unknownField(e.getKey(), known)));
      }
    }
  }

  private String unknownField(String key, List<String> known) {
    String message = "unknown field '" + key + "' in " + what;
    String near = nearest(key, known);
    return near != null
        ? message + "; did you mean '" + near + "'?"
        : message + "; the fields are " + String.join(", ", known);
  }

  Map<String, Location> paths() {
    return paths;
  }

  Location location() {
    return map.location();
  }

  /**
   * The property path of a key: YAML's snake_case key under its Java name ({@code superseded_by}
   * is {@code supersededBy}), as Bean Validation and the checks name it.
   */
  String path(String key) {
    String property = Origin.property(key);
    return prefix.isEmpty() ? property : prefix + "." + property;
  }

  /**
   * Whether the format requires {@code key}; a key the format does not have, or of another type
   * than the caller reads, is a mistake of this program, not of the input.
   */
  private boolean required(String key, AnnotationFormat.Type... readAs) {
    AnnotationFormat.Field f =
        shape.field(key).orElseThrow(() -> new IllegalStateException("AnnotationFormat has no '" + key + "' in " + what));
    if (!List.of(readAs).contains(f.type())) {
      throw new IllegalStateException("'" + key + "' of " + what + " is " + f.type() + " in AnnotationFormat, read as " + List.of(readAs));
    }
    return f.required();
  }

  /** The value's node, or null when the key is absent; the format says whether that is an error. */
  Node node(String key) {
    return node(key, required(key, AnnotationFormat.Type.WORDS, AnnotationFormat.Type.MAP));
  }

  /** The value's node when the key is there: to point at it, after it was read. */
  Node at(String key) {
    return node(key, false);
  }

  String string(String key) {
    return string(key, required(key, AnnotationFormat.Type.ID, AnnotationFormat.Type.TEXT));
  }

  List<Node> list(String key) {
    return list(key, required(key, AnnotationFormat.Type.MAPS));
  }

  List<String> strings(String key) {
    return strings(key, required(key, AnnotationFormat.Type.IDS, AnnotationFormat.Type.TEXTS));
  }

  <E extends Enum<E> & Vocabulary> E vocabulary(String key, Class<E> type) {
    return vocabulary(key, type, vocabularyRequired(key, type, AnnotationFormat.Type.CODE));
  }

  <E extends Enum<E> & Vocabulary> List<E> vocabularies(String key, Class<E> type) {
    return vocabularies(key, type, vocabularyRequired(key, type, AnnotationFormat.Type.CODES));
  }

  private boolean vocabularyRequired(String key, Class<?> type, AnnotationFormat.Type readAs) {
    boolean required = required(key, readAs);
    if (shape.field(key).orElseThrow().vocabulary() != type) {
      throw new IllegalStateException("'" + key + "' of " + what + " is read as " + type.getSimpleName() + ", not as AnnotationFormat says");
    }
    return required;
  }

  PartialDate date(String key) {
    return date(key, required(key, AnnotationFormat.Type.DATE));
  }

  private Node node(String key, boolean required) {
    Node.Entry entry = map.entries().get(key);
    if (entry == null || isNull(entry.value())) {
      if (required) {
        diagnostics.add(
            Diagnostic.error(
                entry == null ? map.location() : entry.value().location(),
                "E-MISSING-FIELD",
                what + " has no '" + key + "'"));
      }
      return null;
    }
    paths.put(path(key), entry.value().location());
    return entry.value();
  }

  private String string(String key, boolean required) {
    Node n = node(key, required);
    return n == null ? null : asString(n, key);
  }

  String asString(Node n, String name) {
    if (n instanceof Scalar s && s.type() == ScalarType.STRING) {
      // A YAML escape ("\0", "\e", "\x85", "\ud800") writes what the file itself may not hold.
      String problem = Characters.problem(name, s.text());
      if (problem == null) return s.text();
      diagnostics.add(Diagnostic.error(n.location(), "E-TEXT-CONTROL", problem + "; remove it or its escape"));
      return null;
    }
    if (n instanceof Scalar s && s.type() != ScalarType.STRING && s.type() != ScalarType.NULL) {
      // 1.0, 2023, yes: YAML reads them as a number or a boolean; the words are what was meant.
      diagnostics.add(
          Diagnostic.error(
              n.location(), "E-WRONG-TYPE",
              "'" + name + "' must be a string, and YAML reads " + s.text() + " as " + n.describe() + ": put it in quotes, '" + s.text() + "'"
                  + (name.equals("version") ? ", and write a version in three parts, such as '1.0.0'" : "")));
      return null;
    }
    typeError(n, name, "a string");
    return null;
  }

  boolean bool(String key) {
    required(key, AnnotationFormat.Type.BOOLEAN);
    Node n = node(key, false);
    if (n == null) return false;
    if (n instanceof Scalar s && s.type() == ScalarType.BOOLEAN) return Boolean.parseBoolean(s.text());
    typeError(n, key, "true or false");
    return false;
  }

  Integer occurrence(String key) {
    required(key, AnnotationFormat.Type.OCCURRENCE);
    Node n = node(key, false);
    if (n == null) return null;
    if (n instanceof Scalar s && s.type() == ScalarType.INTEGER) {
      try {
        return Integer.valueOf(s.text());
      } catch (NumberFormatException e) {
        // too large: reported below as a type error
      }
    }
    typeError(n, key, "a whole number");
    return null;
  }

  /** The items of a list; an absent key is an empty list (reported when required). */
  private List<Node> list(String key, boolean required) {
    Node n = node(key, required);
    if (n == null) return List.of();
    if (n instanceof ListNode l) {
      if (l.items().isEmpty() && required) {
        diagnostics.add(Diagnostic.error(l.location(), "E-EMPTY-LIST", what + " needs at least one '" + key + "'"));
      }
      return l.items();
    }
    typeError(n, key, "a list");
    return List.of();
  }

  private List<String> strings(String key, boolean required) {
    List<String> out = new ArrayList<>();
    List<Node> items = list(key, required);
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      paths.put(path(key) + "[" + i + "]", item.location());
      String s = asString(item, key + "[" + i + "]");
      if (s != null) out.add(s);
    }
    return out;
  }

  private <E extends Enum<E> & Vocabulary> E vocabulary(String key, Class<E> type, boolean required) {
    Node n = node(key, required);
    return n == null ? null : asVocabulary(n, key, type);
  }

  <E extends Enum<E> & Vocabulary> E asVocabulary(Node n, String name, Class<E> type) {
    String code = asString(n, name);
    if (code == null) return null;
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) return e;
    }
    String known = Arrays.stream(type.getEnumConstants()).map(Vocabulary::code).collect(Collectors.joining(", "));
    String near = nearest(code, Arrays.stream(type.getEnumConstants()).map(Vocabulary::code).toList());
    diagnostics.add(
        Diagnostic.error(
            n.location(),
            "E-UNKNOWN-VALUE",
            "unknown " + name + " '" + code + "'"
                + (near != null ? "; did you mean '" + near + "'?" : "; expected one of: " + known)));
    return null;
  }

  private <E extends Enum<E> & Vocabulary> List<E> vocabularies(String key, Class<E> type, boolean required) {
    List<E> out = new ArrayList<>();
    List<Node> items = list(key, required);
    for (int i = 0; i < items.size(); i++) {
      paths.put(path(key) + "[" + i + "]", items.get(i).location());
      E e = asVocabulary(items.get(i), key.endsWith("s") ? key.substring(0, key.length() - 1) : key, type);
      if (e != null) out.add(e);
    }
    return out;
  }

  private PartialDate date(String key, boolean required) {
    Node n = node(key, required);
    if (n == null) return required ? null : PartialDate.UNKNOWN;
    // YAML reads 2023 as a number; a year is still a date.
    String text = n instanceof Scalar s && s.type() == ScalarType.INTEGER ? s.text() : asString(n, key);
    if (text == null) return null;
    DateParser.Result parsed = DateParser.parse(text);
    if (parsed instanceof DateParser.Invalid bad) {
      diagnostics.add(Diagnostic.error(n.location(), bad.code(), bad.message()));
      return null;
    }
    return ((DateParser.Ok) parsed).date();
  }

  /** The node as a map, or null after reporting that it is not one. */
  MapNode asMap(Node n, String name) {
    if (n instanceof MapNode m) return m;
    typeError(n, name, "a map");
    return null;
  }

  private void typeError(Node n, String name, String expected) {
    diagnostics.add(
        Diagnostic.error(
            n.location(), "E-WRONG-TYPE", "'" + name + "' must be " + expected + ", not " + n.describe()));
  }

  private static boolean isNull(Node n) {
    return n instanceof Scalar s && s.type() == ScalarType.NULL;
  }

  /** The known word within two edits of {@code word} (one for short words), for "did you mean". */
  static String nearest(String word, List<String> known) {
    return Spelling.nearest(word, known);
  }

}
