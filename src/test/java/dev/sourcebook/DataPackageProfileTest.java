package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sourcebook.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * datapackage.json against the Data Package profiles themselves, v1 and v2, as the standard's
 * own repository publishes them (frictionlessdata/datapackage, public/profiles/, public domain;
 * copied into src/test/resources/profiles so the test needs no network). datapackage-js checks v1
 * in make test; no tool on a registry reachable here checks v2.
 */
class DataPackageProfileTest {
  @TempDir static Path temp;
  static JsonNode descriptor;

  @BeforeAll
  static void build() throws IOException {
    descriptor = Json.MAPPER.readTree(GoldenTest.build("ok-minimal", temp).resolve("datapackage.json").toFile());
  }

  static Set<ValidationMessage> check(String profile, JsonNode descriptor) throws IOException {
    try (InputStream in = DataPackageProfileTest.class.getResourceAsStream("/profiles/datapackage-" + profile + ".json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Json.MAPPER.readTree(in));
      return schema.validate(descriptor);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "2.0"})
  void theDescriptorIsValidUnderTheProfile(String profile) throws IOException {
    assertEquals(Set.of(), check(profile, descriptor));
  }

  /** The profile is really applied: a broken descriptor fails it (so the test above can fail). */
  @ParameterizedTest
  @ValueSource(strings = {"1.0", "2.0"})
  void aBrokenDescriptorFailsTheProfile(String profile) throws IOException {
    ObjectNode broken = descriptor.deepCopy();
    ObjectNode firstField = (ObjectNode) broken.path("resources").path(0).path("schema").path("fields").path(0);
    firstField.put("type", "text"); // not a Table Schema type
    ((ObjectNode) broken.path("resources").path(1)).remove(List.of("path"));
    Set<ValidationMessage> messages = check(profile, broken);
    Set<String> where = new java.util.TreeSet<>();
    for (ValidationMessage m : messages) where.add(m.getInstanceLocation().toString());
    assertTrue(where.contains("$.resources[0].schema.fields[0]"), where.toString());
    assertTrue(where.contains("$.resources[1]"), where.toString());
  }
}
