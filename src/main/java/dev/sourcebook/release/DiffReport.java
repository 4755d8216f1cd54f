package dev.sourcebook.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sourcebook.json.Json;
import dev.sourcebook.model.Characters;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link DatasetDiff} in words: plain text for a terminal, Markdown for a changelog, JSON for
 * tools. Every value from the data is untrusted: shown as JSON (quotes, escapes), with controls
 * and bidirectional controls escaped, and in Markdown with the marks of emphasis, code, links,
 * images and HTML escaped, so no value becomes markup.
 */
public final class DiffReport {
  private DiffReport() {}

  /** The diff for a terminal. */
  public static String text(DatasetDiff d) {
    StringBuilder out = new StringBuilder();
    out.append(shown(d.name())).append(' ').append(shown(d.before().version())).append(" -> ").append(shown(d.after().version()))
        .append(": ").append(Characters.escape(verdict(d))).append('\n');
    if (!Objects.equals(d.before().compilerVersion(), d.after().compilerVersion())) {
      out.append("written by sourcebook ").append(shown(d.before().compilerVersion())).append(" -> ").append(shown(d.after().compilerVersion())).append('\n');
    }
    if (!Objects.equals(d.before().schemaVersion(), d.after().schemaVersion())) {
      out.append("schema version ").append(shown(d.before().schemaVersion())).append(" -> ").append(shown(d.after().schemaVersion())).append('\n');
    }
    for (DatasetDiff.TypeDiff t : d.records()) {
      out.append('\n').append(t.type()).append(": ").append(counts(t)).append('\n');
      t.added().forEach(id -> out.append("  + ").append(id).append('\n'));
      t.removed().forEach(id -> out.append("  - ").append(id).append('\n'));
      for (DatasetDiff.RecordChange c : t.changed()) {
        out.append("  ~ ").append(c.id()).append('\n');
        for (DatasetDiff.FieldChange f : c.fields()) {
          out.append("      ").append(f.path()).append(": ").append(value(f.old())).append(" -> ").append(value(f.now())).append('\n');
        }
      }
    }
    if (!d.schema().isEmpty()) {
      out.append("\nschemas:\n");
      d.schema().removed().forEach(s -> out.append("  - ").append(s).append('\n'));
      d.schema().added().forEach(s -> out.append("  + ").append(s).append('\n'));
    }
    if (!d.filesAdded().isEmpty() || !d.filesRemoved().isEmpty()) {
      out.append("\nfiles:\n");
      d.filesRemoved().forEach(f -> out.append("  - ").append(shown(f)).append('\n'));
      d.filesAdded().forEach(f -> out.append("  + ").append(shown(f)).append('\n'));
    }
    if (!d.files().isEmpty()) {
      out.append("\nfiles whose bytes differ:\n");
      d.files().forEach(f -> out.append("  ~ ").append(shown(f)).append('\n'));
    }
    return out.toString();
  }

  /** The diff as a changelog entry, under a heading of the newer version. */
  public static String markdown(DatasetDiff d) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(md(shown(d.after().version()))).append("\n\n");
    out.append("From ").append(md(shown(d.before().version()))).append(": ").append(md(verdict(d))).append(".\n");
    if (!Objects.equals(d.before().compilerVersion(), d.after().compilerVersion())) {
      out.append("\nWritten by sourcebook ").append(md(shown(d.before().compilerVersion()))).append(" before, ")
          .append(md(shown(d.after().compilerVersion()))).append(" now.\n");
    }
    if (!Objects.equals(d.before().schemaVersion(), d.after().schemaVersion())) {
      out.append("\nSchema version ").append(md(shown(d.before().schemaVersion()))).append(" before, ")
          .append(md(shown(d.after().schemaVersion()))).append(" now.\n");
    }
    for (DatasetDiff.TypeDiff t : d.records()) {
      out.append("\n### ").append(md(t.type())).append(": ").append(md(counts(t))).append("\n\n");
      t.added().forEach(id -> out.append("- added ").append(md(id)).append('\n'));
      t.removed().forEach(id -> out.append("- removed ").append(md(id)).append('\n'));
      for (DatasetDiff.RecordChange c : t.changed()) {
        out.append("- changed ").append(md(c.id())).append('\n');
        for (DatasetDiff.FieldChange f : c.fields()) {
          out.append("  - ").append(md(f.path())).append(": ").append(md(value(f.old()))).append(" → ").append(md(value(f.now()))).append('\n');
        }
      }
    }
    if (!d.schema().isEmpty()) {
      out.append("\n### schemas\n\n");
      d.schema().removed().forEach(s -> out.append("- removed or changed: ").append(md(s)).append('\n'));
      d.schema().added().forEach(s -> out.append("- added: ").append(md(s)).append('\n'));
    }
    if (!d.filesAdded().isEmpty() || !d.filesRemoved().isEmpty()) {
      out.append("\n### files\n\n");
      d.filesRemoved().forEach(f -> out.append("- removed: ").append(md(f)).append('\n'));
      d.filesAdded().forEach(f -> out.append("- added: ").append(md(f)).append('\n'));
    }
    if (!d.files().isEmpty()) {
      out.append("\n### files whose bytes differ\n\n");
      d.files().forEach(f -> out.append("- ").append(md(f)).append('\n'));
    }
    return out.toString();
  }

  /** The diff as JSON, for tools. */
  public static byte[] json(DatasetDiff d) {
    return Json.bytes(d);
  }

  /** A name or version a manifest gave (untrusted, maybe absent), fit for a terminal. */
  private static String shown(String version) {
    return version == null ? "(unknown)" : Characters.escape(version);
  }

  /** "a patch change: 1.0.1 or later", or that nothing changed. */
  static String verdict(DatasetDiff d) {
    if (d.isEmpty()) return "the same records, schemas and data files";
    String needs = "a " + d.required().word() + " change, so a version of " + d.smallest() + " or later";
    return d.versionTooSmall() ? needs + ", not " + d.after().version() : needs;
  }

  private static String counts(DatasetDiff.TypeDiff t) {
    StringBuilder s = new StringBuilder();
    for (var e : List.of(
        java.util.Map.entry("added", t.added().size()),
        java.util.Map.entry("removed", t.removed().size()),
        java.util.Map.entry("changed", t.changed().size()))) {
      if (e.getValue() == 0) continue;
      if (s.length() > 0) s.append(", ");
      s.append(e.getValue()).append(' ').append(e.getKey());
    }
    return s.toString();
  }

  /** A value as JSON on one line, or "(absent)"; controls and bidirectional controls escaped. */
  static String value(JsonNode v) {
    if (v == null) return "(absent)";
    try {
      return Characters.escape(Json.MAPPER.writeValueAsString(v));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Text that Markdown shows as it is, mid-line: each mark that can start emphasis, code, a link,
   * an image, HTML, an entity or a table cell backslash-escaped (CommonMark allows it for any ASCII
   * punctuation).
   */
  public static String md(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\`*_[]<>!|~&#".indexOf(c) >= 0) out.append('\\');
      out.append(c);
    }
    return Characters.escape(out.toString());
  }
}
