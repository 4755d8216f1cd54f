package dev.sourcebook.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Schemas (draft 2020-12) of the published records, as committed in {@code schema/} and
 * shipped in the jar; the records are their source of truth (SchemaTest).
 */
public final class Schemas {
  /** The record types of the dataset, each with its JSON file. */
  public enum RecordType {
    ARTICLE(Article.class, "articles.json"),
    ACTOR(Actor.class, "actors.json"),
    INCIDENT(Incident.class, "incidents.json"),
    STATEMENT(Statement.class, "statements.json"),
    OUTCOME(Outcome.class, "outcomes.json");

    private final Class<? extends Record> recordClass;
    private final String file;

    RecordType(Class<? extends Record> recordClass, String file) {
      this.recordClass = recordClass;
      this.file = file;
    }

    public Class<? extends Record> recordClass() {
      return recordClass;
    }

    public String file() {
      return file;
    }

    public String title() {
      return recordClass.getSimpleName();
    }

    public String slug() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code 1/statement.schema.json}: the folder is the schema's major version. */
  public static String path(RecordType type) {
    return Versions.SCHEMA + "/" + type.slug() + ".schema.json";
  }

  public static String id(RecordType type) {
    return "https://sourcebook.dev/schema/" + path(type);
  }

  private final Map<RecordType, JsonSchema> schemas = new EnumMap<>(RecordType.class);
  private final Map<RecordType, byte[]> bytes = new EnumMap<>(RecordType.class);

  /** Loads networknt and the five schemas: about a third of a second (see Validators). */
  public Schemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    for (RecordType t : RecordType.values()) {
      try (InputStream in = Schemas.class.getResourceAsStream("/dev/sourcebook/schema/" + path(t))) {
        if (in == null) throw new IllegalStateException("schema missing from the jar: " + path(t));
        byte[] b = in.readAllBytes();
        bytes.put(t, b);
        schemas.put(t, factory.getSchema(Json.MAPPER.readTree(b)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The schema file as committed, for publishing beside the data. */
  public byte[] bytes(RecordType type) {
    return bytes.get(type).clone();
  }

  /** What is wrong with one record, as "JSON pointer: message" lines; empty when valid. */
  public List<String> validate(RecordType type, JsonNode record) {
    return violations(type, record).stream().map(Violation::toString).toList();
  }

  /**
   * One way a record fails its schema: the keyword that fails ({@code enum}, {@code required},
   * ...), the property path of the value it is about ({@code evidence[0].quote}, the form the
   * rules and the front ends name values by), and networknt's words for it.
   *
   * @param pattern for the {@code pattern} keyword, the pattern the value does not match
   * @param nullValue the value is null (where the schema wants another type)
   */
  public record Violation(String keyword, String path, String pattern, boolean nullValue, String message) {
    @Override
    public String toString() {
      return (path.isEmpty() ? "" : path + ": ") + message;
    }
  }

  /** What is wrong with one record, in the order of the paths; empty when it is valid. */
  public List<Violation> violations(RecordType type, JsonNode record) {
    return violations(schemas.get(type), record);
  }

  /**
   * A check of records against a schema document that is not this compiler's (another schema
   * version's, as a built dataset publishes it): "path: message" lines, empty when valid.
   */
  public static java.util.function.Function<JsonNode, List<String>> foreign(JsonNode schemaDocument) {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaDocument);
    return record -> violations(schema, record).stream().map(Violation::toString).toList();
  }

  private static List<Violation> violations(JsonSchema schema, JsonNode record) {
    List<Violation> out = new java.util.ArrayList<>();
    for (ValidationMessage m : schema.validate(record)) {
      StringBuilder path = new StringBuilder();
      JsonNodePath at = m.getInstanceLocation();
      for (int i = 0; i < at.getNameCount(); i++) {
        Object e = at.getElement(i);
        if (e instanceof Integer index) path.append('[').append(index).append(']');
        else path.append(path.length() == 0 ? "" : ".").append(dev.sourcebook.diag.Origin.property(String.valueOf(e)));
      }
      // A required or unknown property is about the property, not the object that has or lacks it.
      if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
        path.append(path.length() == 0 ? "" : ".").append(dev.sourcebook.diag.Origin.property(m.getProperty()));
      }
      String pattern = "pattern".equals(m.getType()) && m.getSchemaNode() != null ? m.getSchemaNode().asText() : null;
      String message = m.getMessage();
      int colon = message.indexOf(": ");
      if (message.startsWith("$") && colon > 0) message = message.substring(colon + 2);
      boolean nullValue = m.getInstanceNode() != null && m.getInstanceNode().isNull();
      out.add(new Violation(m.getType(), path.toString(), pattern, nullValue, message));
    }
    out.sort(java.util.Comparator.comparing(Violation::path).thenComparing(Violation::message));
    return out;
  }
}
