package dev.sourcebook.source;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Location;
import dev.sourcebook.model.Characters;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of an input file into text, or says exactly where it cannot: strict UTF-8, no
 * byte-order mark, no control characters but tab, line feed and carriage return (no C1 controls
 * either), no line longer than {@link Limits#LINE_CHARS} (its line end not counted). CR and CRLF line ends are kept as they are (a source text is
 * never changed; offsets count them like any other character).
 */
final class TextDecoder {
  private TextDecoder() {}

  /** The text, or null after adding the diagnostics that say why not. */
  static String decode(byte[] bytes, String file, boolean mayBeEmpty, List<Diagnostic> out) {
    if (bytes.length == 0 && !mayBeEmpty) {
      out.add(Diagnostic.error(Location.of(file), "E-TEXT-EMPTY", "the file is empty"));
      return null;
    }
    // The String constructor is the fast way, but it replaces bad bytes with U+FFFD; only a text
    // that has U+FFFD in it, rare in news, is decoded again strictly to tell the two apart.
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      if (text.indexOf('\uFFFD') >= 0) {
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes));
      }
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes);
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      out.add(
          Diagnostic.error(
              at(file, before, before.length()),
              "E-TEXT-ENCODING",
              "byte 0x" + String.format(Locale.ROOT, "%02x", bytes[bad] & 0xff) + " is not UTF-8; save the file as UTF-8"));
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      out.add(
          Diagnostic.error(
              Location.of(file), "E-TEXT-BOM", "the file starts with a byte-order mark; save it as UTF-8 without one"));
      return null;
    }
    int lineStart = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        // A line end is not part of the line: LF, CRLF and CR alike.
        if (c == '\n') line++;
        lineStart = i + 1;
      } else if (i - lineStart >= Limits.LINE_CHARS) {
        out.add(
            Diagnostic.error(
                new Location(file, line, 1),
                "E-LINE-TOO-LONG",
                "line " + line + " is longer than " + Limits.LINE_CHARS + " characters; break it"));
        return null;
      }
      // Strict UTF-8 has no lone surrogates: a surrogate here is half of a pair.
      if (Characters.isForbidden(c) && !Character.isSurrogate(c)) {
        out.add(
            Diagnostic.error(
                at(file, text, i),
                "E-TEXT-CONTROL",
                String.format(Locale.ROOT, "control character U+%04X in the text; remove it", (int) c)));
        return null;
      }
    }
    return text;
  }

  private static Location at(String file, String text, int offset) {
    LineTable lines = new LineTable(text);
    return new Location(file, lines.lineOf(offset), lines.columnOf(offset));
  }

  private static int firstInvalid(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
    return result.isError() ? in.position() : Math.max(0, bytes.length - 1);
  }
}
