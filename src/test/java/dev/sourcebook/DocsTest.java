package dev.sourcebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.DatePrecision;
import dev.sourcebook.model.IncidentType;
import dev.sourcebook.model.LinkType;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.OutcomeType;
import dev.sourcebook.model.Role;
import dev.sourcebook.model.StandingKind;
import dev.sourcebook.model.StatementKind;
import dev.sourcebook.model.Venue;
import dev.sourcebook.model.Vocabulary;
import dev.sourcebook.source.AnnotationFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README is the curator's reference: it must name every code the compiler knows. */
class DocsTest {
  static final String README = GoldenTest.read(Path.of("README.md"));

  @Test
  void everyDiagnosticCodeIsDocumented() throws IOException {
    TreeSet<String> missing = new TreeSet<>();
    Pattern code = Pattern.compile("\"([EW](-[A-Z0-9]+)+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = code.matcher(Files.readString(p));
        while (m.find()) if (!README.contains(m.group(1))) missing.add(m.group(1));
      }
    }
    assertEquals(new TreeSet<String>(), missing, "diagnostic codes missing from README.md");
  }

  @Test
  void everyVocabularyCodeIsDocumented() {
    TreeSet<String> missing = new TreeSet<>();
    for (Class<? extends Vocabulary> type :
        List.of(ActorKind.class, LinkType.class, IncidentType.class, Role.class, StatementKind.class,
            Venue.class, OutcomeType.class, OutcomeStatus.class, DatePrecision.class, StandingKind.class)) {
      for (Vocabulary v : type.getEnumConstants()) {
        if (!README.contains(" " + v.code() + ",") && !README.contains(" " + v.code() + " |")) {
          missing.add(type.getSimpleName() + "." + v.code());
        }
      }
    }
    assertEquals(new TreeSet<String>(), missing, "vocabulary codes missing from README.md");
  }

  /** The README's table of rules is the rule set: each rule, in order, with its codes and what it asks. */
  @Test
  void everyRuleIsInTheReadmeWithItsCodes() {
    List<String> expected =
        new dev.sourcebook.check.RuleSet(new dev.sourcebook.check.ConstraintRule()).rules().stream()
            .map(r -> "| `" + r.getClass().getSimpleName() + "` | " + String.join(", ", r.codes()) + " | " + r.summary() + " |")
            .toList();
    List<String> documented = README.lines().filter(l -> l.matches("\\| `[A-Za-z]+Rule` \\|.*")).toList();
    assertEquals(expected, documented, "README.md's table of rules, in RuleSet's order (from each rule's @RuleInfo)");
  }

  /** The README's field reference is AnnotationFormat's, which the reader follows: they cannot drift. */
  @Test
  void theFieldReferenceIsTheFormatTheReaderFollows() throws IOException {
    String start = "<!-- fields: generated from AnnotationFormat; DocsTest -Dsourcebook.regenerate=true rewrites it -->\n";
    String end = "<!-- end of fields -->";
    int from = README.indexOf(start) + start.length();
    int to = README.indexOf(end);
    assertTrue(from >= start.length() && to >= from, "README.md has the markers of the field reference");
    String generated = AnnotationFormat.markdown() + "\n";
    if (GoldenTest.REGENERATE) Files.writeString(Path.of("README.md"), README.substring(0, from) + generated + README.substring(to));
    else assertEquals(generated, README.substring(from, to), "README.md's field reference; regenerate with -Dsourcebook.regenerate=true");
  }
}
