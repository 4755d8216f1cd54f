package dev.sourcebook.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code bin/sourcebook} runs for a short command line: the command line's answer from a
 * {@link Daemon} already up for this folder, jar and JVM, relayed byte for byte with its exit code;
 * else the command run here, as {@code java -jar} would, and then a daemon started for the next
 * time. Only {@code validate} (not {@code --watch}) is sent: it reads and writes nothing but its
 * output, so a daemon's run is the same as this process's. {@code SOURCEBOOK_DAEMON=off} turns it
 * off; {@code SOURCEBOOK_DAEMON_DIR} says where the sockets are, {@code SOURCEBOOK_DAEMON_IDLE}
 * after how many seconds unused a daemon stops.
 */
public final class DaemonClient {
  private DaemonClient() {}

  public static void main(String[] args) {
    boolean terminal = System.console() != null;
    Path socket = served(args) && !"off".equals(System.getenv("SOURCEBOOK_DAEMON")) ? socketFor(Path.of(System.getProperty("user.dir"))) : null;
    if (socket != null) {
      int code = ask(socket, args, terminal, System.out, System.err);
      if (code >= 0) System.exit(code);
    }
    int code = Main.runGuarded(args, System.out, System.err, terminal, null);
    if (socket != null) start(socket, args);
    System.exit(code);
  }

  /** Whether a daemon may run this command line: {@code validate}, which changes nothing, but not its {@code --watch}. */
  static boolean served(String[] args) {
    return args.length > 0 && args[0].equals("validate") && !Arrays.asList(args).contains("--watch");
  }

  /**
   * Sends the command line to the daemon at {@code socket} and copies what it prints to {@code out}
   * and {@code err}; returns its exit code, or -1 when it ran nothing (no daemon there, or one that
   * refused), so that the caller runs the command line itself.
   */
  static int ask(Path socket, String[] args, boolean terminal, OutputStream out, OutputStream err) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (IOException | UnsupportedOperationException e) {
      return -1; // none is up
    }
    boolean printed = false;
    try (channel) {
      DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
      request.writeInt(Daemon.MAGIC);
      request.writeInt(Daemon.PROTOCOL);
      Daemon.writeString(request, System.getProperty("user.dir"));
      request.writeBoolean(terminal);
      request.writeInt(args.length);
      for (String a : args) Daemon.writeString(request, a);
      request.flush();
      DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
      byte[] buffer = new byte[8192];
      while (true) {
        int kind = answer.read();
        switch (kind) {
          case Daemon.STDOUT, Daemon.STDERR -> {
            OutputStream to = kind == Daemon.STDOUT ? out : err;
            for (int left = answer.readInt(); left > 0; ) {
              int n = answer.read(buffer, 0, Math.min(left, buffer.length));
              if (n < 0) throw new EOFException();
              to.write(buffer, 0, n);
              left -= n;
            }
            to.flush();
            printed = true;
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
    } catch (IOException e) {
      if (!printed) return -1; // nothing shown yet: running it here shows it once
      new java.io.PrintWriter(err, true, StandardCharsets.UTF_8)
          .println("sourcebook: internal error: the background JVM stopped before the command finished (" + e
              + "); run it again, or set SOURCEBOOK_DAEMON=off to run every command in its own JVM");
      return Main.INTERNAL;
    }
  }

  /**
   * Starts a daemon for the next command line in this folder, in a session of its own (so that
   * Ctrl-C in this terminal does not reach it), away from this process's streams (so that nothing
   * waiting for them waits for it), with its log beside its socket. It warms up on {@code args}.
   */
  static void start(Path socket, String[] args) {
    List<String> command = new ArrayList<>();
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC"));
    String archive = System.getProperty("sourcebook.cds");
    if (archive != null) command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"));
    command.addAll(List.of("-cp", jar().toString(), Daemon.class.getName(), socket.toString()));
    String idle = System.getenv("SOURCEBOOK_DAEMON_IDLE");
    if (idle != null && idle.matches("[0-9]{1,7}")) command.add(idle);
    command.add("--");
    command.addAll(Arrays.asList(args));
    // Started by a shell that leaves it in the background and ends at once: a child of this JVM's
    // own would keep a thread of it waiting in native code, and JDK 17 then takes 0.3 s to exit.
    command.addAll(0, List.of("/bin/sh", "-c", "\"$@\" &", "sh"));
    try {
      new ProcessBuilder(command)
          .redirectInput(new File("/dev/null"))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(socket.resolveSibling(socket.getFileName() + ".log").toFile())
          .start()
          .waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (IOException e) {
      // No daemon: every command line runs in its own JVM, as without the launcher.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The socket of the daemon for this working folder, this jar and this JVM (its encodings and
   * locale too, which a command's output may depend on), in a folder only this user can
   * enter; null where there can be none (no POSIX file permissions, or a folder that is not safe).
   */
  static Path socketFor(Path folder) {
    try {
      if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return null;
      Path dir = socketFolder();
      if (dir == null) return null;
      Path jar = jar();
      Daemon.FileStamp stamp = Daemon.FileStamp.of(jar);
      // A name, not a secret: the daemon checks the folder and the jar itself. FNV-1a, 64 bits:
      // SHA-256 would load the security providers, a tenth of what this process may take.
      long hash = 0xcbf29ce484222325L;
      for (Object part : List.of(
          Daemon.PROTOCOL, folder, jar, stamp.size(), stamp.modified(), System.getProperty("java.home"),
          String.valueOf(System.getProperty("sourcebook.cds")), String.valueOf(System.getProperty("sun.jnu.encoding")),
          String.valueOf(System.getProperty("file.encoding")), Locale.getDefault().toLanguageTag())) {
        for (byte b : (part + "\0").getBytes(StandardCharsets.UTF_8)) hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
      }
      Path socket = dir.resolve(Long.toUnsignedString(hash, 16) + ".sock");
      return socket.toString().length() < 100 ? socket : null; // the limit of a socket's address
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** {@code $SOURCEBOOK_DAEMON_DIR}, else {@code $XDG_RUNTIME_DIR/sourcebook}, else a folder of this user's in the temporary folder. */
  private static Path socketFolder() throws IOException {
    String given = System.getenv("SOURCEBOOK_DAEMON_DIR");
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    Path dir = given != null && !given.isEmpty() ? Path.of(given)
        : runtime != null && !runtime.isEmpty() ? Path.of(runtime, "sourcebook")
        : Path.of(System.getProperty("java.io.tmpdir"), "sourcebook-" + System.getProperty("user.name"));
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
