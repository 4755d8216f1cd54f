package dev.sourcebook.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
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
    return schemas.get(type).validate(record).stream()
        .map(ValidationMessage::toString)
        .sorted()
        .toList();
  }
}
