package dev.sourcebook.bench;

import dev.sourcebook.SeedsCompiler;
import dev.sourcebook.check.QuoteFinder;
import dev.sourcebook.emit.Csv;
import dev.sourcebook.emit.Tables;
import dev.sourcebook.json.Json;
import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.Statement;
import dev.sourcebook.source.AnnotationBinder;
import dev.sourcebook.source.AnnotationFile;
import dev.sourcebook.source.ArticleText;
import dev.sourcebook.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot paths of a build, on the project's own seeds: finding quotes, reading and binding an
 * annotation file, writing JSON and CSV. Run by {@code make bench}; the class name does not end
 * in Test, so Surefire leaves it alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HotPathBenchmark {
  static final String ARTICLE = "bbc-2023-05-01-creasy-troll";

  String text;
  List<String> quotes;
  String yaml;
  Map<String, ArticleText> articles;
  Dataset dataset;

  @Setup
  public void setUp() throws IOException {
    dataset = SeedsCompiler.compile(Path.of("seeds")).dataset().orElseThrow();
    text = Files.readString(Path.of("seeds/sources/001_18b8678d1fdb7dd6.txt"));
    quotes = dataset.statementsIn(ARTICLE).stream().map(Statement::quote).toList();
    yaml = Files.readString(Path.of("seeds/annotations/articles/" + ARTICLE + ".yaml"));
    articles = Map.of(ARTICLE, ArticleText.of(ARTICLE, text));
  }

  /** Normalising one article (4 KB) and finding its 21 quotes in it. */
  @Benchmark
  public int findQuotes() {
    QuoteFinder finder = new QuoteFinder(text);
    int found = 0;
    for (String q : quotes) found += finder.find(q).size();
    return found;
  }

  /** Reading one annotation file (21 statements) into a tree and binding it, quotes found. */
  @Benchmark
  public int readAndBindYaml() {
    YamlReader.Result tree = YamlReader.read("a.yaml", yaml);
    return AnnotationBinder.bind(List.of(new AnnotationFile("a.yaml", tree.root())), articles, Set.of(), true)
        .statements()
        .size();
  }

  /** Writing the 79 statements of the seeds as JSON. */
  @Benchmark
  public int writeStatementsJson() {
    return Json.bytes(dataset.statements()).length;
  }

  /** Writing every CSV table of the seeds. */
  @Benchmark
  public int writeAllCsv() {
    int n = 0;
    for (var t : Tables.ALL) n += Csv.bytes(t, dataset).length;
    return n;
  }
}
