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
import java.nio.channels.AsynchronousCloseException;
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
 * What {@code bin/sourcebook} runs for {@code validate} and {@code build}: the command line's answer
 * from a {@link Daemon} already up for this folder, jar, JVM and {@link Kind}, relayed byte for byte
 * with its exit code. When none is up, a short validate runs here, as {@code java -jar} would, and
 * then starts a daemon that warms up for the next time; a build starts the daemon first and has it
 * run the build, so that the next build finds it warm (a warm-up would have to write a dataset).
 * Whatever no daemon runs, this process runs itself: the launcher gives it the flags the command
 * would have in its own JVM.
 *
 * <p>The launcher says which kind of daemon a command line goes to ({@code -Dsourcebook.daemon}),
 * with which JVM flags it is started ({@code -Dsourcebook.daemon.jvm}) and the umask its files are
 * made with ({@code -Dsourcebook.umask}); it sends none when {@code SOURCEBOOK_DAEMON=off}, or
 * {@code CI} is set (a daemon would outlive the job) unless {@code SOURCEBOOK_DAEMON=on}. {@code
 * SOURCEBOOK_DAEMON_DIR} says where the sockets are, {@code SOURCEBOOK_DAEMON_IDLE} after how many
 * seconds unused a daemon stops.
 */
public final class DaemonClient {
  /** What {@link #ask} returns when a daemon was there but ran nothing: it refused, or did not take the command line in time. */
  static final int NOT_RUN = -1;
  /** What {@link #ask} returns when no daemon was there to connect to. */
  static final int NONE_UP = -2;

  /** How long a client waits its turn before it says so, on a terminal. */
  static final Duration NOTICE_AFTER = Duration.ofSeconds(1);

  /** How long a build waits for the daemon it started to be ready (a JVM's start and the rules' loading: about a second). */
  static final Duration READY_WITHIN = Duration.ofSeconds(30);

  /**
   * The command lines a daemon runs, each kind in a JVM of its own: a validate's daemon is small
   * and quick to start, a build's has the heap and compiler settings of a long run.
   */
  enum Kind {
    /** {@code validate}, but not its {@code --watch}: it changes nothing (what it writes is its output and scratch files of its own). */
    VALIDATE(Duration.ofSeconds(30)),
    /**
     * {@code build}: it writes the new version whole at its end, as in its own JVM, so a client gone
     * midway leaves the earlier one; and nothing of one build is kept for the next but loaded,
     * compiled code and the rules. A build behind another waits for it (a 50k build: 1.5
     * minutes): two at once on the same cores would take as long, and hold two heaps.
     */
    BUILD(Duration.ofMinutes(10));

    /**
     * How long a client waits for the daemon to take its command line (it runs one at a time) before
     * it runs it itself; once taken, it waits for the run to end, however long.
     */
    final Duration takenWithin;

    Kind(Duration takenWithin) {
      this.takenWithin = takenWithin;
    }

    /** How the launcher and the daemon's command line name it. */
    String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a daemon of this kind runs this command line. */
    boolean serves(String[] args) {
      // picocli reads the arguments in a file named @FILE: they could say anything.
      if (args.length == 0 || Arrays.stream(args).anyMatch(a -> a.startsWith("@"))) return false;
      return switch (this) {
        case VALIDATE -> args[0].equals("validate") && Arrays.stream(args).noneMatch(a -> a.equals("--watch"));
        case BUILD -> args[0].equals("build");
      };
    }

    /** The kind the launcher named, or null for none. */
    static Kind named(String name) {
      for (Kind k : values()) if (k.word().equals(name)) return k;
      return null;
    }
  }

  private DaemonClient() {}

  public static void main(String[] args) {
    Terminal terminal = Terminal.ofThisProcess();
    Kind kind = Kind.named(System.getProperty("sourcebook.daemon"));
    Path socket = kind != null && kind.serves(args) ? socketFor(Path.of(System.getProperty("user.dir")), kind) : null;
    if (socket != null) {
      int code = ask(socket, args, terminal, System.out, System.err, kind.takenWithin);
      // A build that no daemon ran starts one: none was up; or one refused, out of date (its jar
      // rebuilt, its folder replaced), and stops now, so the one started takes its place; or one
      // did not take it in time, and then the one started finds its lock held and stops.
      if (code < 0 && kind == Kind.BUILD) code = startAndAsk(socket, args, terminal);
      if (code >= 0) System.exit(code);
    }
    int code = Main.runGuarded(args, System.out, System.err, terminal, null);
    // A validate's daemon warms up on this command line; not after one that failed inside, not
    // to fail again, three times, in the background.
    if (socket != null && kind == Kind.VALIDATE && code != Main.INTERNAL) start(socket, kind, args);
    System.exit(code);
  }

  /**
   * Starts a daemon that serves at once, without a warm-up, and has it run the command line, as
   * soon as it is ready; {@link #NOT_RUN} when it stopped without serving, is not ready within
   * {@link #READY_WITHIN} or runs nothing (then this process runs the command line itself).
   */
  static int startAndAsk(Path socket, String[] args, Terminal terminal) {
    ProcessHandle daemon = start(socket, Kind.BUILD, new String[0]);
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      boolean alive = daemon != null && running(daemon); // before asking: one that binds and serves, then stops, has answered
      int code = ask(socket, args, terminal, System.out, System.err, Kind.BUILD.takenWithin);
      if (code != NONE_UP) return code;
      if (!alive) return NOT_RUN;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return NOT_RUN;
  }

  /**
   * Whether a process runs: one that has ended but that nobody has reaped yet is gone too (a
   * zombie, for which {@link ProcessHandle#isAlive} is true: in a container whose first process
   * reaps no orphans, a daemon that stopped without serving would be waited for in vain).
   */
  private static boolean running(ProcessHandle process) {
    if (!process.isAlive()) return false;
    try {
      // "pid (command) state ...": the state follows the last parenthesis (a command may hold one).
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"), StandardCharsets.US_ASCII);
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return true; // no /proc (macOS, where launchd reaps orphans at once): isAlive says it
    }
  }

  /**
   * Sends the command line to the daemon at {@code socket} and copies what it prints to {@code out}
   * and {@code err}; returns its exit code, or when it ran nothing (so that the caller runs the
   * command line itself) {@link #NONE_UP} for no daemon there and {@link #NOT_RUN} for one that
   * refused or did not take it within {@code takenWithin}. A daemon that took it and then stopped
   * before its end is an internal error: it may have stopped for want of memory, which running it
   * again here would meet too.
   */
  static int ask(Path socket, String[] args, Terminal terminal, OutputStream out, OutputStream err, Duration takenWithin) {
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException | UnsupportedOperationException e) {
      return NONE_UP;
    }
    boolean[] taken = {false};
    // A daemon busy with another client's run, or stuck, or a queue so long that connecting waits:
    // closing the channel ends the wait. On a terminal, a wait longer than a moment is said, once.
    Thread patience = new Thread(() -> {
      try {
        long notice = Math.min(NOTICE_AFTER.toMillis(), takenWithin.toMillis());
        Thread.sleep(notice);
        synchronized (taken) {
          if (!taken[0] && terminal.live() && notice < takenWithin.toMillis()) {
            long seconds = takenWithin.toSeconds();
            err.write(("sourcebook: waiting for the command this folder's background JVM is running to end (at most "
                + (seconds < 120 ? seconds + " s" : seconds / 60 + " minutes") + "; then this one runs in a JVM of its own)\n")
                .getBytes(StandardCharsets.UTF_8));
            err.flush();
          }
        }
        Thread.sleep(takenWithin.toMillis() - notice);
        synchronized (taken) {
          if (!taken[0]) channel.close();
        }
      } catch (InterruptedException | IOException e) {
        // taken in time
      }
    }, "sourcebook-client-patience");
    patience.setDaemon(true);
    patience.start();
    boolean connected = false;
    try (channel) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      connected = true;
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
            return NOT_RUN;
          }
          default -> throw new EOFException(); // -1: it stopped; anything else: not a daemon of ours
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not begun: running it here runs it once. No socket, or a connection refused: none is up; a
      // connection that waited until the patience ran out: one is, busy.
      boolean begun;
      synchronized (taken) {
        begun = taken[0];
      }
      if (!begun) return connected || e instanceof AsynchronousCloseException ? NOT_RUN : NONE_UP;
      new java.io.PrintWriter(err, true, StandardCharsets.UTF_8)
          .println("sourcebook: internal error: the background JVM stopped before the command finished (" + e
              + "); run it again, or set SOURCEBOOK_DAEMON=off to run every command in its own JVM");
      return Main.INTERNAL;
    } finally {
      patience.interrupt();
    }
  }

  /**
   * Starts a daemon of {@code kind} at {@code socket}, away from this process's streams (so that
   * nothing waiting for them waits for it), out of reach of Ctrl-C in this terminal (in a session
   * of its own where {@code setsid} is, and a background command of a shell, which ignores it,
   * everywhere), appending to its log beside its socket, with the JVM flags the launcher gave for
   * it. It warms up on {@code warmUp} (none: it serves at once). Returns the daemon's process, or
   * null when it could not be started or told.
   */
  static ProcessHandle start(Path socket, Kind kind, String[] warmUp) {
    // Started by a shell that leaves it in the background, says its process id and ends at once: a
    // child of this JVM's own would keep a thread of it waiting in native code, and JDK 17 then
    // takes 0.3 s to exit. (setsid runs the JVM in its own process: not a group's leader, it need not fork.)
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" >/dev/null & echo $!", "sh"));
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        command.add(setsid);
        break;
      }
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String flags = daemonJvm();
    if (!flags.isEmpty()) command.addAll(Arrays.asList(flags.split(" +")));
    String archive = System.getProperty("sourcebook.cds");
    if (archive != null) command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off"));
    String idle = System.getenv("SOURCEBOOK_DAEMON_IDLE");
    Path jar = jar();
    Daemon.FileStamp stamp = Daemon.FileStamp.of(jar);
    command.addAll(List.of("-cp", jar.toString(), Daemon.class.getName(), socket.toString(),
        idle != null && idle.matches("[0-9]{1,7}") ? idle : String.valueOf(Daemon.DEFAULT_IDLE.toSeconds()),
        kind.word(), stamp.key(), String.valueOf(stamp.size()), String.valueOf(stamp.modified()), "--"));
    command.addAll(Arrays.asList(warmUp));
    try {
      Process shell = new ProcessBuilder(command)
          .redirectInput(new File("/dev/null"))
          .redirectError(ProcessBuilder.Redirect.appendTo(Daemon.logOf(socket).toFile()))
          .start();
      String pid = new String(shell.getInputStream().readNBytes(32), StandardCharsets.US_ASCII).strip();
      shell.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      return pid.matches("[0-9]{1,18}") ? ProcessHandle.of(Long.parseLong(pid)).orElse(null) : null;
    } catch (IOException e) {
      return null; // no daemon: every command line runs in its own JVM, as without the launcher
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The daemon's JVM flags, as the launcher chose them; none, the JVM's defaults, without it. */
  private static String daemonJvm() {
    return System.getProperty("sourcebook.daemon.jvm", "").strip();
  }

  /**
   * The socket of the daemon of {@code kind} for this working folder, this jar's path and this JVM
   * (its encodings and locale too, which a command's output may depend on), the daemon's JVM flags
   * (a build's hold its heap's bound) and, for a build, the umask its files would be made with, in
   * a folder only this user can enter; null where there can be none (no POSIX file permissions, a
   * folder that is not safe, a path too long for a socket's address).
   */
  static Path socketFor(Path folder, Kind kind) {
    return socketFor(folder, kind, daemonJvm(), System.getProperty("sourcebook.umask"));
  }

  /** {@link #socketFor(Path, Kind)} for the daemon JVM's flags and the umask given. */
  static Path socketFor(Path folder, Kind kind, String daemonJvm, String umask) {
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
          Daemon.PROTOCOL, kind, folder, jar(), System.getProperty("java.home"), daemonJvm,
          kind == Kind.BUILD ? String.valueOf(umask) : "", // a validate makes no file of yours
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
