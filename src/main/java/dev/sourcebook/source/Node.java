package dev.sourcebook.source;

import dev.sourcebook.diag.Location;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it was written, so that every later diagnostic can point at it.
 * Jackson's own tree forgets positions; this one keeps them.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {
  Location location();

  /** What the node is, as a user would say it: "a map", "a list", "a number". */
  String describe();

  /** A mapping, in the order written. Keys are unique (the reader reports duplicates). */
  record MapNode(Location location, Map<String, Entry> entries) implements Node {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A key's position and its value. */
  record Entry(Location keyLocation, Node value) {}

  record ListNode(Location location, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar: its text as written and the type YAML gives it. */
  record Scalar(Location location, String text, ScalarType type) implements Node {
    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "a string";
        case INTEGER, FLOAT -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing (null)";
      };
    }
  }

  enum ScalarType {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }
}
