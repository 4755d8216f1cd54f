package dev.sourcebook.emit;

import dev.sourcebook.model.Dataset;
import java.util.List;
import java.util.function.Function;

/**
 * One CSV table of the published dataset and its Table Schema: the single description from which
 * both the CSV file and its entry in {@code datapackage.json} are written.
 *
 * @param rows the table's rows, each a list of cell values in column order (null for unknown)
 */
public record Table(
    String name,
    String description,
    List<Column> columns,
    List<String> primaryKey,
    List<ForeignKey> foreignKeys,
    Function<Dataset, List<List<Object>>> rows) {

  public Table {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
  }

  public String file() {
    return name + ".csv";
  }

  /**
   * A column: its Frictionless type (string, integer, boolean, date), what it means (the
   * codebook), and its constraints.
   *
   * @param minimum the smallest value of an integer column
   */
  public record Column(
      String name, String type, String description, boolean required, List<String> allowed, String pattern, Integer minimum) {
    public Column {
      allowed = allowed == null ? null : List.copyOf(allowed);
    }

    public Column(String name, String type, String description, boolean required, List<String> allowed, String pattern) {
      this(name, type, description, required, allowed, pattern, type.equals("integer") ? 0 : null);
    }
  }

  /** Fields of this table that name a row of another (or, with resource "", this) table. */
  public record ForeignKey(List<String> fields, String resource, List<String> reference) {}
}
