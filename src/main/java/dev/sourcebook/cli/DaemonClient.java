package dev.sourcebook.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code bin/sourcebook} runs for a short command line: the command line's answer from a
 * {@link Daemon} already up for this folder, jar and JVM, relayed byte for byte with its exit code;
 * else the command run here, as {@code java -jar} would, and then a daemon started for the next
 * time. Only {@code validate} (not {@code --watch}) is sent: it changes nothing (what it writes is
 * its output and scratch files of its own), so a daemon's run is the same as this process's.
 *
 * <p>{@code SOURCEBOOK_DAEMON=off} turns it off; so does {@code CI} being set (a daemon would
 * outlive the job), unless {@code SOURCEBOOK_DAEMON=on}. {@code SOURCEBOOK_DAEMON_DIR} says where
 * the sockets are, {@code SOURCEBOOK_DAEMON_IDLE} after how many seconds unused a daemon stops.
 */
public final class DaemonClient {
  /**
   * How long a client waits for the daemon to take its command line (it runs one at a time) before
   * it runs it itself; once taken, it waits for the run to end, however long.
   */
  static final Duration TAKEN_WITHIN = Duration.ofSeconds(30);

  private DaemonClient() {}

  public static void main(String[] args) {
    Terminal terminal = Terminal.ofThisProcess();
    Path socket = mayServe(args) && wanted() ? socketFor(Path.of(System.getProperty("user.dir"))) : null;
    if (socket != null) {
      int code = ask(socket, args, terminal, System.out, System.err);
      if (code >= 0) System.exit(code);
    }
    int code = Main.runGuarded(args, System.out, System.err, terminal, null);
    if (socket != null && code != Main.INTERNAL) start(socket, args); // not to fail again, three times, in the background
    System.exit(code);
  }

  /** Whether a daemon may run this command line: {@code validate}, which changes nothing, but not its {@code --watch}. */
  static boolean mayServe(String[] args) {
    // picocli reads the arguments in a file named @FILE: they could say --watch.
    return args.length > 0 && args[0].equals("validate")
        && Arrays.stream(args).noneMatch(a -> a.equals("--watch") || a.startsWith("@"));
  }

  private static boolean wanted() {
    String setting = System.getenv("SOURCEBOOK_DAEMON");
    if ("off".equals(setting)) return false;
    return "on".equals(setting) || System.getenv("CI") == null;
  }

  /**
   * Sends the command line to the daemon at {@code socket} and copies what it prints to {@code out}
   * and {@code err}; returns its exit code, or -1 when it ran nothing (no daemon there, one that
   * refused, or one that did not take it within {@link #TAKEN_WITHIN}), so that the caller runs the
   * command line itself.
   */
  static int ask(Path socket, String[] args, Terminal terminal, OutputStream out, OutputStream err) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
    boolean[] taken = {false};
    // A daemon busy with another client's run, or stuck, or a queue so long that connecting waits:
    // closing the channel ends the wait.
    Thread patience = new Thread(() -> {
      try {
        Thread.sleep(TAKEN_WITHIN.toMillis());
        synchronized (taken) {
          if (!taken[0]) channel.close();
        }
      } catch (InterruptedException | IOException e) {
        // taken in time
      }
    }, "sourcebook-client-patience");
    patience.setDaemon(true);
    patience.start();
    boolean printed = false;
    try (channel) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      new Daemon.Request(System.getProperty("user.dir"), terminal, args)
          .write(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
      DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
      byte[] buffer = new byte[8192];
      while (true) {
        int kind = answer.read();
        switch (kind) {
          case Daemon.STARTED -> {
            synchronized (taken) {
              if (!channel.isOpen()) throw new EOFException("gave up waiting");
              taken[0] = true;
            }
          }
          case Daemon.STDOUT, Daemon.STDERR -> {
            OutputStream to = kind == Daemon.STDOUT ? out : err;
            printed = true; // from here on, running the command here would print it twice
            for (int left = answer.readInt(); left > 0; ) {
              int n = answer.read(buffer, 0, Math.min(left, buffer.length));
              if (n < 0) throw new EOFException();
              to.write(buffer, 0, n);
              left -= n;
            }
            to.flush();
          }
          case Daemon.EXIT -> {
            return answer.readInt();
          }
          case Daemon.REFUSED -> {
            return -1;
          }
          default -> throw new EOFException(); // -1: it stopped; anything else: not a daemon of ours
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      if (!printed) return -1; // none is up, or nothing shown yet: running it here shows it once
      new java.io.PrintWriter(err, true, StandardCharsets.UTF_8)
          .println("sourcebook: internal error: the background JVM stopped before the command finished (" + e
              + "); run it again, or set SOURCEBOOK_DAEMON=off to run every command in its own JVM");
      return Main.INTERNAL;
    } finally {
      patience.interrupt();
    }
  }

  /**
   * Starts a daemon for the next command line in this folder, away from this process's streams
   * (so that nothing waiting for them waits for it), out of reach of Ctrl-C in this terminal (in a
   * session of its own where {@code setsid} is, and a background command of a shell, which ignores
   * it, everywhere), appending to its log beside its socket. It warms up on {@code args}.
   */
  static void start(Path socket, String[] args) {
    // Started by a shell that leaves it in the background and ends at once: a child of this JVM's
    // own would keep a thread of it waiting in native code, and JDK 17 then takes 0.3 s to exit.
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" &", "sh"));
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The heap's default bound, as a command in its own JVM has (the same runs out of memory);
    // the serial collector gives back what a large run grew.
    command.addAll(List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
    String archive = System.getProperty("sourcebook.cds");
    if (archive != null) command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"));
    String idle = System.getenv("SOURCEBOOK_DAEMON_IDLE");
    Path jar = jar();
    Daemon.FileStamp stamp = Daemon.FileStamp.of(jar);
    command.addAll(List.of("-cp", jar.toString(), Daemon.class.getName(), socket.toString(),
        idle != null && idle.matches("[0-9]{1,7}") ? idle : String.valueOf(Daemon.DEFAULT_IDLE.toSeconds()),
        stamp.key(), String.valueOf(stamp.size()), String.valueOf(stamp.modified()), "--"));
    command.addAll(Arrays.asList(args));
    try {
      new ProcessBuilder(command)
          .redirectInput(new File("/dev/null"))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.appendTo(Daemon.logOf(socket).toFile()))
          .start()
          .waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException e) {
      // No daemon: every command line runs in its own JVM, as without the launcher.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The socket of the daemon for this working folder, this jar's path and this JVM (its encodings and
   * locale too, which a command's output may depend on), in a folder only this user can enter; null
   * where there can be none (no POSIX file permissions, a folder that is not safe, a path too long
   * for a socket's address).
   */
  static Path socketFor(Path folder) {
    try {
      if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return null;
      Path dir = socketFolder();
      if (dir == null) return null;
      // A name, not a secret: the daemon checks the folder and the jar itself. FNV-1a, 64 bits:
      // SHA-256 would load the security providers, a tenth of what this process may take. Not of
      // the jar's time: a daemon of a jar rebuilt since refuses and stops, and its successor takes
      // the same name (its lock file and log too, which would otherwise pile up, one per build).
      long hash = 0xcbf29ce484222325L;
      for (Object part : List.of(
          Daemon.PROTOCOL, folder, jar(), System.getProperty("java.home"),
          String.valueOf(System.getProperty("sourcebook.cds")), String.valueOf(System.getProperty("sun.jnu.encoding")),
          String.valueOf(System.getProperty("file.encoding")), Locale.getDefault().toLanguageTag(),
          Locale.getDefault(Locale.Category.FORMAT).toLanguageTag(),
          String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")), String.valueOf(System.getenv("JDK_JAVA_OPTIONS")))) {
        for (byte b : (part + "\0").getBytes(StandardCharsets.UTF_8)) hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
      }
      Path socket = dir.resolve(Long.toUnsignedString(hash, 16) + ".sock");
      // The longest address a socket may have is 104 bytes on macOS, 108 on Linux.
      return socket.toString().getBytes(StandardCharsets.UTF_8).length < 100 ? socket : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code $SOURCEBOOK_DAEMON_DIR}, else {@code $XDG_RUNTIME_DIR/sourcebook}, else a folder of this
   * user's in the temporary folder; made if missing, and used only if it is this user's alone.
   */
  private static Path socketFolder() throws IOException {
    String given = System.getenv("SOURCEBOOK_DAEMON_DIR");
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    return socketFolderAt(given != null && !given.isEmpty() ? Path.of(given)
        : runtime != null && !runtime.isEmpty() ? Path.of(runtime, "sourcebook")
        : Path.of(System.getProperty("java.io.tmpdir"), "sourcebook-" + System.getProperty("user.name")));
  }

  /** {@code dir}, made if missing, if it is this user's alone; else null. */
  static Path socketFolderAt(Path dir) throws IOException {
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // made by another process at the same moment: checked below like any other
      }
    }
    // Another user's folder, or one others may enter, could hold a socket that is not ours.
    boolean safe = Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
        && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(owner)
        && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    return safe ? dir : null;
  }

  /** The jar (or, in tests, the folder of classes) this class was loaded from. */
  static Path jar() {
    try {
      return Path.of(DaemonClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
