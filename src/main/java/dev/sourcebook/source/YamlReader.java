package dev.sourcebook.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Location;
import dev.sourcebook.source.Node.Entry;
import dev.sourcebook.source.Node.ListNode;
import dev.sourcebook.source.Node.MapNode;
import dev.sourcebook.source.Node.Scalar;
import dev.sourcebook.source.Node.ScalarType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link Node} tree with positions. Refuses what would make the
 * data ambiguous: duplicate keys, aliases, several documents in one file.
 */
public final class YamlReader {
  private static final YAMLFactory FACTORY = factory();

  private static YAMLFactory factory() {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML's own default (3 MB) is below our file size limit; the limit is enforced before.
    options.setCodePointLimit((int) Limits.YAML_BYTES);
    options.setNestingDepthLimit(Limits.YAML_DEPTH + 8);
    options.setAllowDuplicateKeys(true); // reported by this reader, with both places
    return YAMLFactory.builder().loaderOptions(options).build();
  }

  /** The tree (null when the file could not be read) and what was wrong with it. */
  public record Result(Node root, List<Diagnostic> diagnostics) {}

  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /** The text being parsed, to say what a syntax error is in a curator's words. */
  private String content = "";

  private YamlReader(String file) {
    this.file = file;
  }

  /**
   * Parses {@code content}, reporting problems against {@code file} (the path shown to users).
   */
  public static Result read(String file, String content) {
    return new YamlReader(file).parse(content);
  }

  private Result parse(String content) {
    this.content = content;
    try (JsonParser parser = FACTORY.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        diagnostics.add(Diagnostic.error(Location.of(file), "E-YAML-EMPTY", "the file has no YAML document"));
        return new Result(null, diagnostics);
      }
      Node root = readValue(parser, 0);
      if (parser.nextToken() != null) {
        diagnostics.add(
            Diagnostic.error(
                at(parser.currentTokenLocation()),
                "E-YAML-MULTIPLE-DOCUMENTS",
                "a file holds one YAML document; move this one to a file of its own"));
        return new Result(null, diagnostics);
      }
      return new Result(root, diagnostics);
    } catch (TooDeep e) {
      diagnostics.add(
          Diagnostic.error(
              e.location,
              "E-YAML-TOO-DEEP",
              "values nested more than " + Limits.YAML_DEPTH + " deep; annotations need no more than five levels"));
      return new Result(null, diagnostics);
    } catch (JsonProcessingException e) {
      diagnostics.add(syntaxError(e));
      return new Result(null, diagnostics);
    } catch (IOException e) {
      // Parsing a String does no I/O; anything here is the parser failing.
      diagnostics.add(Diagnostic.error(Location.of(file), "E-YAML-SYNTAX", Diagnostics.message(e.getMessage())));
      return new Result(null, diagnostics);
    }
  }

  private Node readValue(JsonParser p, int depth) throws IOException {
    Location location = at(p.currentTokenLocation());
    if (depth > Limits.YAML_DEPTH) {
      throw new TooDeep(location);
    }
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      diagnostics.add(
          Diagnostic.error(
              location,
              "E-YAML-ALIAS",
              "YAML aliases (*" + p.getText() + ") are not allowed; write the value out in full"));
      return new Scalar(location, "", ScalarType.NULL);
    }
    JsonToken token = p.currentToken();
    return switch (token) {
      case START_OBJECT -> readMap(p, location, depth);
      case START_ARRAY -> readList(p, location, depth);
      case VALUE_STRING -> new Scalar(location, p.getText(), ScalarType.STRING);
      case VALUE_NUMBER_INT -> new Scalar(location, p.getText(), ScalarType.INTEGER);
      case VALUE_NUMBER_FLOAT -> new Scalar(location, p.getText(), ScalarType.FLOAT);
      case VALUE_TRUE, VALUE_FALSE -> new Scalar(location, p.getText(), ScalarType.BOOLEAN);
      case VALUE_NULL -> new Scalar(location, "", ScalarType.NULL);
      default -> new Scalar(location, p.getText(), ScalarType.STRING);
    };
  }

  private MapNode readMap(JsonParser p, Location location, int depth) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      Location keyLocation = at(p.currentTokenLocation());
      p.nextToken();
      Node value = readValue(p, depth + 1);
      Entry previous = entries.get(key);
      if (previous != null) {
        diagnostics.add(
            Diagnostic.error(
                keyLocation,
                "E-YAML-DUPLICATE-KEY",
                "duplicate key '" + key + "' (first at line " + previous.keyLocation().line() + ")"));
      } else {
        entries.put(key, new Entry(keyLocation, value));
      }
    }
    return new MapNode(location, entries);
  }

  private ListNode readList(JsonParser p, Location location, int depth) throws IOException {
    List<Node> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(readValue(p, depth + 1));
    }
    return new ListNode(location, items);
  }

  /** Stops reading at the first value nested too deep. */
  private static final class TooDeep extends RuntimeException {
    final Location location;

    TooDeep(Location location) {
      super(null, null, false, false);
      this.location = location;
    }
  }

  private Diagnostic syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      var mark = marked.getProblemMark();
      // A line YAML took for a key fails where the key should have ended, a line or two later:
      // the line itself is where the key started.
      if (marked.getProblem() != null && marked.getProblem().contains("could not find expected ':'") && marked.getContextMark() != null) {
        mark = marked.getContextMark();
      }
      String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
      if (marked.getContext() != null) {
        problem = marked.getContext() + ": " + problem;
      }
      return Diagnostic.error(
          new Location(file, mark.getLine() + 1, mark.getColumn() + 1), "E-YAML-SYNTAX",
          Diagnostics.message(explained(problem, mark.getLine(), mark.getColumn())));
    }
    return Diagnostic.error(at(e.getLocation()), "E-YAML-SYNTAX", Diagnostics.message(e.getOriginalMessage()));
  }

  /**
   * The parser's words for the usual mistakes, said as what to do about them (its own words kept
   * in parentheses, for whoever knows YAML).
   */
  private String explained(String problem, int line, int column) {
    String text = lineOf(line);
    String advice = null;
    if (problem.contains("expected <block end>, but found")) {
      advice = "this line is indented differently from the lines of the record or list above it: start every key of a record"
          + " in the same column, and a list's items (- ...) in the same column";
    } else if (problem.contains("mapping values are not allowed here")) {
      advice = "a colon and a space inside a value: put the whole value in quotes (quote: 'She said: no') or use >- and the"
          + " value on the next lines";
    } else if (problem.contains("'\\t(TAB)'") || problem.contains("\t(TAB)")) {
      boolean afterKey = column > 0 && text.substring(0, Math.min(column, text.length())).contains(":");
      advice = afterKey
          ? "a tab after a colon: write a space between a key and its value (YAML allows no tab there)"
          : "a tab in the indentation: indent with spaces only";
    } else if (problem.contains("could not find expected ':'")) {
      advice = "a line of a value that YAML takes for a key: indent the value's next lines under it, or use >- and indent"
          + " them all";
    }
    return advice == null ? problem : advice + " (" + problem + ")";
  }

  private String lineOf(int zeroBased) {
    int start = 0;
    for (int i = 0; i < zeroBased && start >= 0; i++) {
      start = content.indexOf('\n', start);
      if (start >= 0) start++;
    }
    if (start < 0 || start > content.length()) return "";
    int end = content.indexOf('\n', start);
    return content.substring(start, end < 0 ? content.length() : end);
  }

  private Location at(JsonLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return Location.of(file);
    }
    return new Location(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
  }
}
