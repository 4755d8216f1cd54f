package dev.sourcebook.reader;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourcebook.diag.Location;
import dev.sourcebook.diag.Origin;
import java.io.IOException;
import java.util.Map;

/**
 * Reads one JSON value into a tree and keeps where each value stands, under the property path
 * the rules name it by ({@code evidence[1].quote}, {@code supersededBy}), so that a diagnostic about
 * a record of a built dataset points at the value, as one about the seeds does.
 */
final class LocatedJson {
  private final String file;
  private final Map<String, String> properties = new java.util.HashMap<>();
  private Map<String, Location> paths;

  /** A reader for the records of one file, shown to users as {@code file}. */
  LocatedJson(String file) {
    this.file = file;
  }

  /** The value the parser stands on, with the location of each value under it put in {@code paths}. */
  JsonNode read(JsonParser p, Map<String, Location> paths) throws IOException {
    this.paths = paths;
    return value(p, "");
  }

  private JsonNode value(JsonParser p, String path) throws IOException {
    if (!path.isEmpty()) paths.put(path, at(file, p.currentTokenLocation()));
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode o = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          String property = properties.computeIfAbsent(key, Origin::property);
          o.set(key, value(p, path.isEmpty() ? property : path + "." + property));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = nodes.arrayNode();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) a.add(value(p, path + "[" + i + "]"));
        return a;
      }
      case VALUE_STRING -> {
        return nodes.textNode(p.getText());
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.readValueAsTree();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return nodes.booleanNode(p.getBooleanValue());
      }
      default -> {
        return nodes.nullNode();
      }
    }
  }

  static Location at(String file, JsonLocation l) {
    return l == null || l.getLineNr() < 1 ? Location.of(file) : new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
  }
}
