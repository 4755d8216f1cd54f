package dev.sourcebook.cli;

import dev.sourcebook.Validators;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM that stays up between command lines and runs those of its {@link DaemonClient.Kind} it is
 * sent ({@code validate}, or {@code build}), so that a curator's check on every save, and every build
 * after the first, skips Java's start-up and warm-up: the launcher's {@link DaemonClient} sends it
 * the arguments and relays what it prints, byte for byte what the command prints run in its own JVM;
 * what a build writes is the same too, as the JVM's working folder is the client's (it runs only
 * the command lines of that folder) and its umask too (part of its socket's name).
 *
 * <p>It keeps nothing of one command line for the next but loaded, compiled code and the rules and
 * schemas ({@link Validators}, immutable): every run reads its folder afresh. One serves one working
 * folder, one jar, one JVM and one kind (its socket's name is made of them, {@link
 * DaemonClient#socketFor}), one command line at a time. It stops when it has been unused for a
 * while, when its jar changes, when its socket is removed or its folder replaced, after a run that
 * failed inside, and when a client goes away while its command line runs.
 */
final class Daemon {
  /** Changes whenever a request or an answer changes shape; a daemon refuses other versions. */
  static final int PROTOCOL = 3;

  static final int MAGIC = 0x53425344; // "SBSD"

  // The kinds of frame an answer is made of: a kind byte, an int length, then the bytes.
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int EXIT = 3; // then an int: the exit code
  static final int REFUSED = 4; // nothing was run: the client runs the command itself
  static final int STARTED = 5; // the run begins: a client waits for it to end, however long it takes

  static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
  /**
   * Unused this long, it gives back the heap its last run grew (a 10k build's daemon: from about 700
   * MB resident to about 250), which the next run grows again; sooner, back-to-back runs would.
   */
  private static final Duration SHRINK_AFTER = Duration.ofSeconds(60);
  /** A request is a few hundred bytes: a client that has not sent it by then never will. */
  private static final Duration REQUEST_WITHIN = Duration.ofSeconds(10);

  private static final int WARM_UP_RUNS = 3;
  /** How many times, 0.1 s apart, a daemon tries again for a lock another holds: one that stops gives it up in less. */
  private static final int LOCK_TRIES = 30;
  private static final long LOG_LIMIT = 1 << 20;

  private final ServerSocketChannel server;
  private final Path socket;
  private final FileStamp socketStamp;
  private final Path jar;
  private final FileStamp jarStamp;
  private final DaemonClient.Kind kind;
  private final Runner runner;
  private final Duration idle;
  private final String folder = System.getProperty("user.dir");
  private final PrintStream log;
  private final Runnable abandoned;

  /** Guards what follows: the watchdog acts only between command lines, or on a request not yet read. */
  private final Object state = new Object();

  private SocketChannel current;
  private Instant currentSince;
  private boolean requestRead;
  private Instant lastUsed = Instant.now();
  private boolean shrunk;
  private volatile boolean stopping;

  /** Runs one command line, writing to the given streams; returns its exit code. */
  interface Runner {
    int run(String[] args, OutputStream out, OutputStream err, Terminal terminal);

    /** Main's command line, with one set of rules and schemas for every run. */
    static Runner of(Validators validators) {
      return (args, out, err, terminal) -> Main.runGuarded(args, out, err, terminal, validators);
    }
  }

  /**
   * A daemon on {@code server}, bound at {@code socket}, serving while {@code jar} is as {@code
   * jarStamp} says (what the client saw: the classes loaded are that jar's).
   * {@code abandoned} runs when a client goes away while its command line runs (Ctrl-C, say): the
   * run cannot be stopped from outside, and a daemon must not stay busy with what nobody waits for,
   * so {@link #main} ends the JVM there.
   */
  private Daemon(ServerSocketChannel server, Path socket, Path jar, FileStamp jarStamp, DaemonClient.Kind kind, Runner runner,
      Duration idle, PrintStream log, Runnable abandoned) {
    this.server = server;
    this.socket = socket;
    this.socketStamp = FileStamp.of(socket);
    this.jar = jar;
    this.jarStamp = jarStamp;
    this.kind = kind;
    this.runner = runner;
    this.idle = idle;
    this.log = log;
    this.abandoned = abandoned;
  }

  /**
   * {@code Daemon SOCKET IDLE-SECONDS KIND JAR-FILE-KEY JAR-SIZE JAR-MODIFIED -- ARGS...}: unless another
   * daemon holds SOCKET's lock, or the jar is no longer the one the client saw, runs ARGS (if any) a
   * few times to warm up, binds SOCKET and serves command lines of KIND until it stops. Started by
   * {@link DaemonClient}, in the folder the command lines will run in, with stdin, stdout and stderr
   * away from any terminal; stderr is the daemon's log.
   */
  public static void main(String[] args) throws Exception {
    try {
      Path socket = Path.of(args[0]);
      Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
      DaemonClient.Kind kind = DaemonClient.Kind.named(args[2]);
      FileStamp seen = new FileStamp(args[3], Long.parseLong(args[4]), Long.parseLong(args[5]));
      String[] warmUp = Arrays.copyOfRange(args, Arrays.asList(args).indexOf("--") + 1, args.length);
      // Nothing else runs here, warm-up or not; a build's would write, so it has none.
      if (kind == null || warmUp.length > 0 && (kind == DaemonClient.Kind.BUILD || !kind.serves(warmUp))) return;
      Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
      try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = lockChannel.tryLock();
        // Another daemon serves this socket, or is starting to, or is stopping: a client that found
        // none to answer it started this one, so a lock given up within moments is taken.
        for (int i = 0; held == null && i < LOCK_TRIES; i++) {
          Thread.sleep(100);
          held = lockChannel.tryLock();
        }
        if (held == null) return;
        Path log = logOf(socket);
        if (Files.exists(log) && Files.size(log) > LOG_LIMIT) Files.write(log, new byte[0]); // its own and those before it, a line a run
        Path jar = DaemonClient.jar();
        if (!FileStamp.of(jar).equals(seen)) return; // rebuilt since the client saw it
        Runner runner = Runner.of(Validators.load());
        long start = System.nanoTime();
        int warmUpRuns = warmUp(runner, warmUp);
        if (warmUpRuns < 0) return; // failed inside: no daemon from this JVM
        // Halted, a build leaves what it began in a hidden folder that the next build clears, as
        // one killed in its own JVM does; the earlier version stays whole.
        Runnable halt = () -> Runtime.getRuntime().halt(0); // its socket is gone already
        // Held to the jar the client saw: one rebuilt during the warm-up is refused at once.
        Daemon daemon = bind(socket, jar, seen, kind, runner, idle, System.err, halt);
        System.err.printf("%s %s daemon ready in %.2f s after %d warm-up runs; serving%n", Instant.now(), kind.word(),
            (System.nanoTime() - start) / 1e9, warmUpRuns);
        daemon.serve();
      }
    } finally {
      System.exit(0); // the loaders' threads are daemons, but a library's pool may not be; a failure is in the log
    }
  }

  /** The daemon's log, beside its socket: the client that starts it appends its stderr there. */
  static Path logOf(Path socket) {
    return socket.resolveSibling(socket.getFileName() + ".log");
  }

  /** Binds a socket at {@code socket}, readable and writable by this user only, for command lines of {@code kind}. */
  static Daemon bind(Path socket, Path jar, FileStamp jarStamp, DaemonClient.Kind kind, Runner runner, Duration idle, PrintStream log,
      Runnable abandoned) throws IOException {
    Files.deleteIfExists(socket); // left by a daemon that did not stop cleanly: this one holds the lock now
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    return new Daemon(server, socket, jar, jarStamp, kind, runner, idle, log, abandoned);
  }

  /**
   * Runs a command line a few times with its output thrown away, before the socket is bound (a
   * client meanwhile runs its command itself), so that the first one served finds its code
   * compiled: the JIT compiles what has run often, and one run leaves most of it interpreted.
   * Returns how many it ran (none for no command line), or -1 when a run failed inside (exit 3):
   * the JVM may be unfit to serve.
   */
  static int warmUp(Runner runner, String[] args) {
    if (args.length == 0) return 0;
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      if (runner.run(args, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), Terminal.NONE) == Main.INTERNAL) return -1;
    }
    return WARM_UP_RUNS;
  }

  /** Serves command lines, one at a time, until {@link #stop}. */
  void serve() {
    Thread watchdog = new Thread(this::watch, "sourcebook-daemon-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    while (!stopping) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!stopping) log.println(Instant.now() + " stopped: " + e);
        break;
      }
      synchronized (state) {
        if (stopping) {
          closeQuietly(client); // the client finds no answer before any output and runs the command itself
          break;
        }
        current = client;
        currentSince = Instant.now();
        requestRead = false;
      }
      boolean failedInside = false;
      try {
        failedInside = answer(client);
      } finally {
        closeQuietly(client);
        synchronized (state) {
          current = null;
          lastUsed = Instant.now();
          shrunk = false;
        }
      }
      // A run that failed inside may leave the JVM unfit (memory short, a class that failed to
      // initialise): the next command line gets a fresh one.
      if (failedInside) {
        stop("stopped after a run that failed inside");
        return;
      }
    }
    stop("stopped");
  }

  /** Reads one request and answers it; true when its run failed inside (exit code 3). */
  private boolean answer(SocketChannel client) {
    try {
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new ChannelOutput(client)));
      Request request = Request.read(in);
      synchronized (state) {
        requestRead = true;
      }
      String refused = request == null ? "not a request of this protocol"
          : !request.folder().equals(folder) ? "of another folder"
          : !folderUnchanged() ? "of a folder that replaced this one's"
          : !FileStamp.of(jar).equals(jarStamp) ? "for another jar"
          : !kind.serves(request.args()) ? "of a command line it does not run"
          : null;
      if (refused != null) {
        log.println(Instant.now() + " refused a request " + refused);
        out.writeByte(REFUSED);
        out.flush();
        // Out of date: stop now, so that the daemon the client starts next can take its name.
        if (!folderUnchanged() || !FileStamp.of(jar).equals(jarStamp)) stopping = true;
        return false;
      }
      // Said before the run: a client that gave up while it waited its turn has gone, and then
      // this fails, and nothing is run for nobody; one that hears it waits as long as the run takes.
      out.writeByte(STARTED);
      out.flush();
      long start = System.nanoTime();
      AtomicBoolean finished = new AtomicBoolean();
      listenForHangUp(client, finished);
      int code = run(request, new FrameStream(out, STDOUT), new FrameStream(out, STDERR));
      finished.set(true);
      // Logged before the answer ends, so that whoever reads the log after the client has ended finds it.
      log.printf("%s served %s (exit %d) in %.3f s%n", Instant.now(), request.args()[0], code, (System.nanoTime() - start) / 1e9);
      synchronized (out) {
        out.writeByte(EXIT);
        out.writeInt(code);
        out.flush();
      }
      return code == Main.INTERNAL;
    } catch (IOException e) {
      log.println(Instant.now() + " a client went away: " + e);
      return false;
    }
  }

  /**
   * Runs a request's command line with System.out and System.err sent to it too, as they would be
   * in its own JVM (a library may print there), and whatever escapes said as an internal failure.
   */
  private int run(Request request, FrameStream out, FrameStream err) {
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    Charset charset = Charset.defaultCharset();
    System.setOut(new PrintStream(out, true, charset));
    System.setErr(new PrintStream(err, true, charset));
    try {
      return runner.run(request.args(), out, err, request.terminal());
    } catch (RuntimeException | Error e) {
      // Main's runner says so itself; this is for any other, whose failure must not end the daemon's loop.
      return Main.internalError(e, Arrays.asList(request.args()).contains("--stacktrace"), new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
  }

  /**
   * Waits, on a thread of its own, for the client to hang up: it sends nothing after its request,
   * so a read that ends before the run has finished means that nobody waits for the run any more.
   * Reads the channel itself: its stream would hold the lock its writes need.
   */
  private void listenForHangUp(SocketChannel client, AtomicBoolean finished) {
    Thread listener = new Thread(() -> {
      try {
        ByteBuffer ignored = ByteBuffer.allocate(64);
        while (client.read(ignored) >= 0) ignored.clear(); // a client sends nothing more; should it, it is not gone
      } catch (IOException e) {
        // closed: the same as a hang-up, unless the run has finished
      }
      if (!finished.get()) {
        log.println(Instant.now() + " the client went away while its command line ran: stopping");
        stop("stopped");
        abandoned.run();
      }
    }, "sourcebook-daemon-hang-up");
    listener.setDaemon(true);
    listener.start();
  }

  /**
   * Every few seconds: stops when unused too long, when the jar changed, when the socket is gone
   * or the folder replaced; gives back the heap when unused for a while; closes a client that has
   * not sent its request in time.
   */
  private void watch() {
    while (!stopping) {
      try {
        Thread.sleep(CHECK_EVERY.toMillis());
        String why = null;
        if (!FileStamp.of(jar).equals(jarStamp)) why = "the jar changed";
        else if (!FileStamp.of(socket).equals(socketStamp)) why = "the socket was removed";
        else if (!folderUnchanged()) why = "its folder was moved or replaced";
        synchronized (state) {
          if (current != null) {
            if (!requestRead && Duration.between(currentSince, Instant.now()).compareTo(REQUEST_WITHIN) > 0) closeQuietly(current);
            continue;
          }
          Duration unused = Duration.between(lastUsed, Instant.now());
          if (why == null && unused.compareTo(idle) > 0) why = "unused for " + idle.toSeconds() + " s";
          if (why == null && !shrunk && unused.compareTo(SHRINK_AFTER) > 0) {
            // Under the lock: a run that begins meanwhile waits for it (a few collections of what
            // is left, the rules and schemas: some tens of milliseconds). The serial collector
            // shrinks the heap by a growing share at each collection that finds it too large
            // (none, a tenth, two fifths, all), down to the heap's initial size.
            for (int i = 0; i < 4; i++) System.gc();
            shrunk = true;
          }
          if (why != null) {
            stopping = true;
            log.println(Instant.now() + " stopping: " + why);
            closeQuietly(server); // wakes accept
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | Error e) {
        // Out of memory in a large run, say: the next round tries again.
      }
    }
  }

  /**
   * Whether the folder's path still names the folder this JVM runs in (the empty path): relative
   * paths are read from that one, even after another was put in its place. By inode alone: a
   * folder's time of change moves with every file made in it.
   */
  private boolean folderUnchanged() {
    String key = FileStamp.of(Path.of(folder)).key();
    return !key.equals(FileStamp.NONE.key()) && key.equals(FileStamp.of(Path.of("")).key());
  }

  /** Stops serving: the socket is removed, if it is still this daemon's. */
  void stop(String why) {
    stopping = true;
    closeQuietly(server);
    if (FileStamp.of(socket).equals(socketStamp)) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        log.println(Instant.now() + " could not remove " + socket + ": " + e);
      }
    }
    log.println(Instant.now() + " " + why);
  }

  /** What a client asks: the command line, the folder it runs in, what its output goes to. */
  record Request(String folder, Terminal terminal, String[] args) {
    static final int MAX_ARGS = 10_000;

    void write(DataOutputStream out) throws IOException {
      out.writeInt(MAGIC);
      out.writeInt(PROTOCOL);
      writeString(out, folder);
      out.writeBoolean(terminal.live());
      out.writeBoolean(terminal.colour());
      out.writeInt(args.length);
      for (String a : args) writeString(out, a);
      out.flush();
    }

    /** The request, or null when it is not one of this protocol (then nothing is run). */
    static Request read(DataInputStream in) throws IOException {
      if (in.readInt() != MAGIC || in.readInt() != PROTOCOL) return null;
      String folder = readString(in);
      Terminal terminal = new Terminal(in.readBoolean(), in.readBoolean());
      int n = in.readInt();
      if (n < 1 || n > MAX_ARGS) return null;
      String[] args = new String[n];
      for (int i = 0; i < n; i++) args[i] = readString(in);
      return new Request(folder, terminal, args);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
      int n = in.readInt();
      if (n < 0 || n > 1 << 24) throw new IOException("a string of " + n + " bytes");
      return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing is all that is left to do
    }
  }

  /** Writes to the channel itself, beside {@link #listenForHangUp}'s read. */
  private static final class ChannelOutput extends OutputStream {
    private final SocketChannel channel;

    ChannelOutput(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
      while (buffer.hasRemaining()) channel.write(buffer);
    }
  }

  /** One of a command's two output streams, sent as frames of its kind. */
  private static final class FrameStream extends OutputStream {
    private final DataOutputStream out;
    private final int kind;

    FrameStream(DataOutputStream out, int kind) {
      this.out = out;
      this.kind = kind;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) return;
      synchronized (out) {
        out.writeByte(kind);
        out.writeInt(len);
        out.write(b, off, len);
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (out) {
        out.flush();
      }
    }
  }

  /**
   * Which file a path names now: its device and inode, size and time of last change. A jar rebuilt
   * or replaced has another, so has a socket bound again (an inode number is used again once its
   * file is gone); {@link #NONE} when there is no such file.
   */
  record FileStamp(String key, long size, long modified) {
    static final FileStamp NONE = new FileStamp("none", -1, -1);

    static FileStamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return NONE;
      }
    }
  }
}
