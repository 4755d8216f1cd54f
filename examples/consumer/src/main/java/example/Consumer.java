package example;

import dev.sourcebook.model.Dataset;
import dev.sourcebook.DatasetReader;
import dev.sourcebook.DatasetResult;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import java.nio.file.Path;

/** Reads a built dataset (verifying it) and asks it a few questions. */
public class Consumer {
  public static void main(String[] args) {
    DatasetResult result = DatasetReader.read(Path.of(args[0]));
    if (result.dataset().isEmpty()) {
      result.diagnostics().forEach(System.err::println);
      System.exit(1);
    }
    Dataset d = result.dataset().get();
    System.out.println("read " + d.info().name() + " " + d.info().version() + ": " + d.statements().size() + " statements");
    for (Outcome o : d.outcomesOf("creasy-malicious-referral")) {
      System.out.println("  " + o.date().value() + "  " + o.type().code() + "  (" + o.authority() + ")");
    }
    Statement first = d.statementsBy("stella-creasy").get(0);
    String text = d.article(first.article()).orElseThrow().text();
    int from = text.offsetByCodePoints(0, first.start());
    String words = text.substring(from, text.offsetByCodePoints(from, first.end() - first.start()));
    System.out.println("Stella Creasy: " + d.statementsBy("stella-creasy").size() + " statements; the first at its offsets reads \"" + words + "\"");
    if (!words.equals(first.quote())) System.exit(1);
  }
}
