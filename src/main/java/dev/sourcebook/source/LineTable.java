package dev.sourcebook.source;

import java.util.Arrays;

/** Turns a char offset into a 1-based line and a 1-based column in code points. */
public final class LineTable {
  private final String text;
  private final int[] starts;

  public LineTable(String text) {
    this.text = text;
    int n = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
    starts = new int[n];
    int k = 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
  }

  public int lineOf(int charOffset) {
    int i = Arrays.binarySearch(starts, charOffset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  public int columnOf(int charOffset) {
    int start = starts[lineOf(charOffset) - 1];
    return text.codePointCount(start, charOffset) + 1;
  }
}
