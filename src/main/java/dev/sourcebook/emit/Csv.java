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
 * Writes a table as CSV: RFC 4180, UTF-8, a header row, {@code \n} line ends, empty cells for
 * unknown values. A text cell that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, tab or carriage return) gets a leading apostrophe, as OWASP advises; the JSON files keep the
 * words unchanged.
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
    if (value instanceof String s) return neutralise(s);
    if (value == null) return "";
    if (value instanceof Vocabulary v) return v.code();
    return value.toString();
  }

  /** The OWASP rule against CSV injection. */
  public static String neutralise(String s) {
    if (s.isEmpty()) return s;
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }
}
