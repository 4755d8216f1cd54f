package dev.sourcebook.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.sourcebook.model.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * The one JSON style of the published dataset: snake_case keys in record order, vocabulary codes,
 * two-space indent, {@code \n} line ends, a final newline. Nulls are written, so that every record
 * of a type has the same keys.
 */
public final class Json {
  private Json() {}

  public static final ObjectMapper MAPPER = mapper();

  private static ObjectMapper mapper() {
    SimpleModule vocabulary = new SimpleModule("vocabulary");
    vocabulary.addSerializer(
        Vocabulary.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Vocabulary v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(v.code());
          }
        });
    vocabulary.setDeserializers(
        new SimpleDeserializers() {
          @Override
          public JsonDeserializer<?> findEnumDeserializer(
              Class<?> type, DeserializationConfig config, BeanDescription bean) {
            return Vocabulary.class.isAssignableFrom(type) ? codes(type) : null;
          }
        });
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(vocabulary)
        .build();
  }

  /** Reads a vocabulary code back into its enum constant; an unknown code is an error. */
  private static JsonDeserializer<Object> codes(Class<?> type) {
    return new JsonDeserializer<>() {
      @Override
      public Object deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        String code = p.getValueAsString();
        for (Object c : type.getEnumConstants()) {
          if (((Vocabulary) c).code().equals(code)) return c;
        }
        return ctx.handleWeirdStringValue(type, code, "not a code of %s", type.getSimpleName());
      }
    };
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter()
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter)
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
  }

  /**
   * Writes a JSON array one element at a time, each element turned into a tree first and shown to
   * {@code inspect} (with its index) before it is written: neither the whole array nor its bytes
   * are ever held. The bytes are those {@link #bytes} gives for the list. {@code out} is not
   * closed.
   */
  public static void writeArray(List<?> values, ObjIntConsumer<JsonNode> inspect, OutputStream out) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(printer());
      g.writeStartArray();
      for (int i = 0; i < values.size(); i++) {
        JsonNode node = MAPPER.valueToTree(values.get(i));
        inspect.accept(node, i);
        MAPPER.writeTree(g, node);
      }
      g.writeEndArray();
    }
    out.write('\n');
  }

  /** The value as UTF-8 JSON bytes, pretty-printed, ending with a newline. */
  public static byte[] bytes(Object value) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MAPPER.writer(printer()).writeValue(out, value);
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
