package dev.sourcebook.emit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.json.Schemas;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.ActorKind;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.DatasetInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFilesTest {
  @Test
  void aRecordThatFailsItsSchemaIsACompilerBugNotOutput() {
    // An actor with no evidence cannot come out of the compiler; if it ever did, nothing is published.
    Actor bare = new Actor("someone", ActorKind.PERSON, "Someone", List.of(), "a person", false, List.of(), List.of());
    Dataset d = new Dataset(new DatasetInfo("t", "T", "1.0.0", "CC0-1.0", null), List.of(), List.of(bare), List.of(), List.of(), List.of());
    var e = assertThrows(DatasetFiles.SchemaViolation.class, () -> DatasetFiles.of(d, new Schemas(), "0", "1", Provenance.NONE, dev.sourcebook.emit.Pages.NONE));
    assertTrue(e.getMessage().contains("actors.json /0 (someone): evidence: must have at least 1 items"), e.getMessage());
  }
}
