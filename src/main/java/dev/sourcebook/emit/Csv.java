package dev.sourcebook.emit;

import dev.sourcebook.model.Dataset;
import dev.sourcebook.model.Vocabulary;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as CSV: RFC 4180 quoting, UTF-8, a header row, {@code \n} line ends (not RFC
 * 4180's CRLF), empty cells for unknown values, booleans as {@code TRUE}/{@code FALSE} (what R,
 * pandas and DuckDB type as booleans). Every text cell holds the words exactly: a quote that starts
 * with "-" is published as it is, never with the apostrophe OWASP advises against spreadsheet
 * formulas, since {@code text[start:end] == quote} must hold in every format. Spreadsheet users are
 * told how to open the tables as text instead (README: Spreadsheets; {@link #startsLikeFormula}).
 */
public final class Csv {
  private Csv() {}

  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  /** The table as CSV bytes. */
  public static byte[] bytes(Table table, Dataset d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(table, d, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes the table to {@code out}, row by row; {@code out} is not closed. */
  public static void write(Table table, Dataset d, OutputStream out) throws IOException {
    // Buffered as chars: the encoder under it would otherwise wrap every cell in a buffer of its own.
    Writer chars = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    CSVPrinter p = new CSVPrinter(chars, FORMAT);
    p.printRecord(table.columns().stream().map(Table.Column::name).toList());
    for (List<Object> row : table.rows().apply(d)) {
      for (Object value : row) p.print(cell(value));
      p.println();
    }
    p.flush();
  }

  static String cell(Object value) {
    // String first: a test against a final class is one compare, against an interface (Vocabulary)
    // a search that slows every thread doing it at once.
    if (value instanceof String s) return s;
    if (value == null) return "";
    if (value instanceof Boolean b) return b ? "TRUE" : "FALSE";
    if (value instanceof Vocabulary v) return v.code();
    return value.toString();
  }

  /**
   * True for a text that a spreadsheet opening the CSV directly may take for a formula: it starts
   * with =, +, -, @, a tab or a carriage return (OWASP's list).
   */
  public static boolean startsLikeFormula(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** The text cells of the dataset's tables that {@link #startsLikeFormula start like a formula}. */
  public static long formulaLikeCells(Dataset d) {
    long n = 0;
    for (Table t : Tables.ALL) {
      for (List<Object> row : t.rows().apply(d)) {
        for (Object value : row) if (value instanceof String s && startsLikeFormula(s)) n++;
      }
    }
    return n;
  }
}
