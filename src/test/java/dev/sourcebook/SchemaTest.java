package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.sourcebook.json.Json;
import dev.sourcebook.json.Schemas;
import dev.sourcebook.model.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The records are the single source of truth for the JSON Schemas in {@code schema/}: this test
 * generates them from the records and fails when the committed copy differs. Run with {@code
 * -Dsourcebook.regenerate=true} to rewrite them.
 */
class SchemaTest {
  static ObjectNode generate(Schemas.RecordType type) {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(
                new JakartaValidationModule(
                    JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                    JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
            .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forFields().withPropertyNameOverrideResolver(f -> snake(f.getName()));
    // Every key is always written (null where unknown), so every key is required.
    config.forFields().withRequiredCheck(f -> true);
    config
        .forTypesInGeneral()
        .withCustomDefinitionProvider(
            (javaType, context) -> {
              Class<?> erased = javaType.getErasedType();
              if (!erased.isEnum() || !Vocabulary.class.isAssignableFrom(erased)) return null;
              ObjectNode node = context.getGeneratorConfig().createObjectNode().put("type", "string");
              ArrayNode codes = node.putArray("enum");
              for (Object c : erased.getEnumConstants()) codes.add(((Vocabulary) c).code());
              return new CustomDefinition(node);
            });
    ObjectNode body = new SchemaGenerator(config.build()).generateSchema(type.recordClass());
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", Schemas.id(type));
    schema.put("title", type.title());
    schema.put("description", "One record of " + type.file() + "; the file is an array of them.");
    schema.setAll(body);
    return schema;
  }

  static String snake(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  @TestFactory
  Stream<DynamicTest> committedSchemasMatchTheRecords() {
    return Stream.of(Schemas.RecordType.values())
        .map(
            type ->
                DynamicTest.dynamicTest(
                    type.name().toLowerCase(Locale.ROOT),
                    () -> {
                      String generated = new String(Json.bytes(generate(type)), StandardCharsets.UTF_8);
                      Path committed = Path.of("schema").resolve(Schemas.path(type));
                      if (GoldenTest.REGENERATE) {
                        Files.createDirectories(committed.getParent());
                        Files.writeString(committed, generated);
                      }
                      assertEquals(generated, read(committed), committed + " is stale: run mvn test -Dsourcebook.regenerate=true");
                    }));
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p) : "";
  }
}
