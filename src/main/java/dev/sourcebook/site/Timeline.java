package dev.sourcebook.site;

import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.OutcomeStatus;
import dev.sourcebook.model.PartialDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident's outcomes on a time axis, for an inline SVG: each outcome a row, drawn as a dot
 * when its day is known and as a bar over every day it may be (a month-precise date spans the
 * month); an open end runs to the edge with an arrow. Coordinates are in the SVG's own units.
 */
public record Timeline(int width, int height, List<Tick> ticks, List<Row> rows) {
  static final int LABEL = 200;
  static final int RIGHT = 20;
  static final int ROW = 34;
  static final int TOP = 30;

  /** A year mark on the axis. */
  public record Tick(double x, String label) {}

  /**
   * One outcome.
   *
   * @param x where its mark begins; @param w its width (0 for a dot)
   * @param openStart the earliest day is unknown: the bar runs from the axis' start
   * @param openEnd the latest day is unknown: the bar runs to the axis' end
   */
  public record Row(
      String id, String label, String date, String precision, boolean superseded, double y, double x, double w, boolean openStart,
      boolean openEnd, boolean dated) {
    public boolean dot() {
      return dated && w == 0;
    }

    public double textY() {
      return y + 4;
    }

    public double end() {
      return x + w;
    }
  }

  /** Null when no outcome has a known day at either end. */
  static Timeline of(List<Outcome> outcomes, int width) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Outcome o : outcomes) {
      for (String day : days(o.date())) {
        long d = LocalDate.parse(day).toEpochDay();
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
    }
    if (min == Long.MAX_VALUE) return null;
    // Room on both sides, for open ends and so that a single day is not drawn on the edge.
    long pad = Math.max(15, (max - min) / 10);
    long from = min - pad;
    long to = max + pad;
    double chart = width - LABEL - RIGHT;
    double perDay = chart / (to - from);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      PartialDate d = o.date();
      double y = TOP + i * ROW + ROW / 2.0;
      boolean superseded = o.status() == OutcomeStatus.SUPERSEDED;
      String label = o.type().code();
      if (d.earliest() == null && d.latest() == null) {
        rows.add(new Row(o.id(), label, d.value(), d.precision().code(), superseded, y, 0, 0, false, false, false));
        continue;
      }
      double x0 = d.earliest() == null ? LABEL : LABEL + (LocalDate.parse(d.earliest()).toEpochDay() - from) * perDay;
      double x1 = d.latest() == null ? width - RIGHT : LABEL + (LocalDate.parse(d.latest()).toEpochDay() + 1 - from) * perDay;
      boolean oneDay = d.earliest() != null && d.earliest().equals(d.latest());
      rows.add(
          new Row(
              o.id(), label, d.value(), d.precision().code(), superseded, y, round(oneDay ? x0 + perDay / 2 : x0), oneDay ? 0 : round(x1 - x0),
              d.earliest() == null, d.latest() == null, true));
    }
    List<Tick> ticks = new ArrayList<>();
    int firstYear = LocalDate.ofEpochDay(from).getYear() + 1;
    int lastYear = LocalDate.ofEpochDay(to).getYear();
    int step = Math.max(1, (lastYear - firstYear + 1) / 8);
    for (int year = firstYear; year <= lastYear; year += step) {
      ticks.add(new Tick(round(LABEL + (LocalDate.of(year, 1, 1).toEpochDay() - from) * perDay), String.valueOf(year)));
    }
    if (ticks.isEmpty() || (max - min) < 400) {
      // A short span: mark the months instead.
      ticks.clear();
      LocalDate m = LocalDate.ofEpochDay(from).withDayOfMonth(1).plusMonths(1);
      int months = 0;
      while (m.toEpochDay() < to) {
        months++;
        m = m.plusMonths(1);
      }
      int every = Math.max(1, months / 8);
      m = LocalDate.ofEpochDay(from).withDayOfMonth(1).plusMonths(1);
      for (int i = 0; m.toEpochDay() < to; i++, m = m.plusMonths(1)) {
        if (i % every == 0) ticks.add(new Tick(round(LABEL + (m.toEpochDay() - from) * perDay), m.toString().substring(0, 7)));
      }
    }
    return new Timeline(width, TOP + outcomes.size() * ROW + 10, ticks, rows);
  }

  private static List<String> days(PartialDate d) {
    List<String> out = new ArrayList<>();
    if (d.earliest() != null) out.add(d.earliest());
    if (d.latest() != null) out.add(d.latest());
    return out;
  }

  /** Two decimals: enough for a drawing, and the same text on every machine. */
  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  public double axisY() {
    return TOP - 8;
  }

  public int chartStart() {
    return LABEL;
  }

  public int chartEnd() {
    return width - RIGHT;
  }
}
