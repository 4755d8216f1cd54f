package dev.sourcebook.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A machine's refusal (no space, no permission, a read-only disk) said in one line a user can act
 * on, without Java's exception names.
 */
final class Faults {
  private Faults() {}

  /** "cannot write the dataset under dist: no space left on the device; free some space and build again". */
  static String describe(IOException e, String doing) {
    String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    String what;
    String fix;
    if (e instanceof AccessDeniedException || r.contains("permission denied") || r.contains("operation not permitted")) {
      what = "permission denied";
      fix = "give yourself write permission there, or choose another folder with --out";
    } else if (r.contains("no space left")) {
      what = "no space left on the device";
      fix = "free some space and run it again";
    } else if (r.contains("read-only file system")) {
      what = "the file system is read-only";
      fix = "choose a writable folder with --out";
    } else if (r.contains("quota")) {
      what = "over the disk quota";
      fix = "free some space and run it again";
    } else if (e instanceof NoSuchFileException) {
      what = "no such file or folder";
      fix = "check the path";
    } else if (e instanceof NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException || r.contains("not a directory")) {
      what = "a file stands where a folder is needed";
      fix = "move the file away or choose another folder";
    } else {
      what = reason == null || reason.isBlank() ? "the system refused" : reason;
      fix = "check the folder and run it again";
    }
    return "cannot " + doing + ": " + what + (file == null ? "" : " (" + file + ")") + "; " + fix;
  }
}
