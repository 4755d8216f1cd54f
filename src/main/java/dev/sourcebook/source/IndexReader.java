package dev.sourcebook.source;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Diagnostics;
import dev.sourcebook.diag.Location;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the INDEX: a tab-separated table with a header row, one source per line, no quoting (a
 * cell never holds a tab or a line break), {@code #} starting a comment line. A curator edits it
 * in a text editor or a spreadsheet; because cells are never quoted, every cell's column is exact.
 */
public final class IndexReader {
  public static final List<String> COLUMNS =
      List.of("id", "file", "sha256", "outlet", "headline", "published", "url", "language");

  private static final CSVFormat FORMAT =
      CSVFormat.Builder.create()
          .setDelimiter('\t')
          .setQuote(null)
          .setEscape(null)
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setRecordSeparator('\n')
          .get();

  /**
   * The rows read, and what was wrong.
   *
   * @param skippedIds the first cell of rows that could not be read (a wrong number of cells)
   * @param complete false when the header or the table itself is broken: then no row is read
   */
  public record Result(List<IndexEntry> entries, Set<String> skippedIds, boolean complete, List<Diagnostic> diagnostics) {}

  private IndexReader() {}

  public static Result read(String file, String content) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<IndexEntry> entries = new ArrayList<>();
    Set<String> skipped = new TreeSet<>();
    boolean complete = true;
    LineTable lines = new LineTable(content);
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content)).setFormat(FORMAT).get()) {
      List<String> header = null;
      for (CSVRecord record : parser) {
        int line = lines.lineOf((int) record.getCharacterPosition());
        List<String> cells = record.toList();
        List<Integer> columns = new ArrayList<>();
        int col = 1;
        for (String cell : cells) {
          columns.add(col);
          col += cell.codePointCount(0, cell.length()) + 1;
        }
        if (header == null) {
          header = cells;
          int before = diagnostics.size();
          checkHeader(file, line, header, columns, diagnostics);
          if (diagnostics.size() != before) {
            return new Result(List.of(), skipped, false, diagnostics);
          }
          continue;
        }
        if (cells.size() != header.size()) {
          diagnostics.add(
              Diagnostic.error(
                  new Location(file, line, 1),
                  "E-INDEX-CELL-COUNT",
                  "row has " + cells.size() + " cells but the header has " + header.size()
                      + "; separate cells with one tab each and leave unknown cells empty"));
          skipped.add(cells.get(0).strip());
          continue;
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Location> locations = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
          values.put(header.get(i), cells.get(i).strip());
          locations.put(header.get(i), new Location(file, line, columns.get(i)));
        }
        entries.add(new IndexEntry(values, locations, new Location(file, line, 1)));
      }
      if (header == null) {
        complete = false;
        diagnostics.add(
            Diagnostic.error(
                Location.of(file), "E-INDEX-EMPTY", "the INDEX has no header row; its columns are " + String.join(", ", COLUMNS)));
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      diagnostics.add(Diagnostic.error(Location.of(file), "E-INDEX-SYNTAX", Diagnostics.message(e.getMessage())));
      complete = false;
    }
    return new Result(entries, skipped, complete, diagnostics);
  }

  private static void checkHeader(
      String file, int line, List<String> header, List<Integer> columns, List<Diagnostic> diagnostics) {
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (!COLUMNS.contains(name)) {
        diagnostics.add(
            Diagnostic.error(
                new Location(file, line, columns.get(i)),
                "E-INDEX-UNKNOWN-COLUMN",
                "unknown column '" + name + "'; the columns are " + String.join(", ", COLUMNS)));
      } else if (header.indexOf(name) != i) {
        diagnostics.add(
            Diagnostic.error(new Location(file, line, columns.get(i)), "E-INDEX-DUPLICATE-COLUMN", "column '" + name + "' appears twice"));
      }
    }
    for (String name : COLUMNS) {
      if (!header.contains(name)) {
        diagnostics.add(
            Diagnostic.error(new Location(file, line, 1), "E-INDEX-MISSING-COLUMN", "the header has no column '" + name + "'"));
      }
    }
  }
}
