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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JVM that stays up between command lines and runs the read-only ones it is sent ({@code
 * validate}), so that a curator's check on every save skips Java's start-up and warm-up: the
 * launcher's {@link DaemonClient} sends it the arguments and relays what it prints, byte for byte
 * what the command prints run on its own.
 *
 * <p>It keeps nothing of one command line for the next but loaded, compiled code and the rules and
 * schemas ({@link Validators}, immutable): every run reads its folder afresh. One serves one working
 * folder, one jar and one JVM (its socket's name is made of them, {@link DaemonClient#socketFor}), one
 * command line at a time, and stops when it has been idle for a while, when its jar changes or when
 * its socket is removed.
 */
final class Daemon {
  /** Changes whenever a request or an answer changes shape; a daemon refuses other versions. */
  static final int PROTOCOL = 1;

  static final int MAGIC = 0x53425344; // "SBSD"

  // The kinds of frame an answer is made of: a kind byte, an int length, then the bytes.
  static final int STDOUT = 1;
  static final int STDERR = 2;
  static final int EXIT = 3; // then an int: the exit code
  static final int REFUSED = 4; // nothing was run: the client runs the command itself

  static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
  private static final int WARM_UP_RUNS = 3;
  private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

  private final ServerSocketChannel server;
  private final Path socket;
  private final Object socketKey;
  private final Path jar;
  private final FileStamp jarStamp;
  private final Runner runner;
  private final Duration idle;
  private final String folder = System.getProperty("user.dir");
  private final PrintStream log;
  private final Runnable abandoned;

  /** Guards {@link #busy}: the watchdog stops the daemon only between command lines. */
  private final Object lock = new Object();

  private boolean busy;
  private Instant lastUsed = Instant.now();
  private volatile boolean stopping;

  /** Runs one command line, writing to the given streams; returns its exit code. */
  interface Runner {
    int run(String[] args, OutputStream out, OutputStream err, boolean terminal);

    /** Main's command line, with one set of rules and schemas for every run. */
    static Runner of(Validators validators) {
      return (args, out, err, terminal) -> Main.runGuarded(args, out, err, terminal, validators);
    }
  }

  /**
   * A daemon on {@code server}, bound at {@code socket}, serving while {@code jar} is unchanged.
   * {@code abandoned} runs when a client goes away while its command line runs (Ctrl-C, say): the
   * run cannot be stopped from outside, and a daemon must not stay busy with what nobody waits for,
   * so {@link #main} ends the JVM there.
   */
  private Daemon(ServerSocketChannel server, Path socket, Path jar, Runner runner, Duration idle, PrintStream log, Runnable abandoned)
      throws IOException {
    this.server = server;
    this.socket = socket;
    this.socketKey = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    this.jar = jar;
    this.jarStamp = FileStamp.of(jar);
    this.runner = runner;
    this.idle = idle;
    this.log = log;
    this.abandoned = abandoned;
  }

  /**
   * {@code Daemon SOCKET [IDLE-SECONDS] -- ARGS...}: binds SOCKET (unless another daemon holds its
   * lock), runs ARGS once to warm up, and serves until it stops. Started by {@link DaemonClient}, in
   * the folder the command lines will run in, with stdin, stdout and stderr away from any terminal.
   */
  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    Duration idle = args.length > 1 && !args[1].equals("--") ? Duration.ofSeconds(Long.parseLong(args[1])) : DEFAULT_IDLE;
    int rest = java.util.Arrays.asList(args).indexOf("--");
    String[] warmUp = rest < 0 ? new String[0] : java.util.Arrays.copyOfRange(args, rest + 1, args.length);
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = lockChannel.tryLock();
      if (held == null) return; // another daemon serves this socket, or is starting to
      Runnable halt = () -> Runtime.getRuntime().halt(0); // its socket is gone already
      Daemon daemon = bind(socket, DaemonClient.jar(), Runner.of(Validators.load()), idle, System.err, halt);
      if (warmUp.length > 0) daemon.warmUp(warmUp);
      daemon.serve();
    }
    System.exit(0); // the loaders' threads are daemons, but a library's pool may not be
  }

  /** Binds a socket at {@code socket}, readable and writable by this user only. */
  static Daemon bind(Path socket, Path jar, Runner runner, Duration idle, PrintStream log, Runnable abandoned) throws IOException {
    Files.deleteIfExists(socket); // left by a daemon that did not stop cleanly: this one holds the lock now
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
    return new Daemon(server, socket, jar, runner, idle, log, abandoned);
  }

  /**
   * Runs a command line a few times with its output thrown away, so that the first one served finds
   * its code compiled (the JIT compiles what has run often; one run leaves most of it interpreted).
   */
  void warmUp(String[] args) {
    long start = System.nanoTime();
    for (int i = 0; i < WARM_UP_RUNS; i++) {
      runner.run(args, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), false);
    }
    log.printf("%s warmed up in %.2f s%n", Instant.now(), (System.nanoTime() - start) / 1e9);
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
      synchronized (lock) {
        if (stopping) {
          closeQuietly(client); // the client finds no answer before any output and runs the command itself
          break;
        }
        busy = true;
      }
      try {
        answer(client);
      } finally {
        closeQuietly(client);
        synchronized (lock) {
          busy = false;
          lastUsed = Instant.now();
        }
      }
    }
    stop("stopped");
  }

  /** Reads one request and answers it. */
  private void answer(SocketChannel client) {
    try {
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new ChannelOutput(client)));
      if (in.readInt() != MAGIC || in.readInt() != PROTOCOL || !readString(in).equals(folder) || !FileStamp.of(jar).equals(jarStamp)) {
        out.writeByte(REFUSED);
        out.flush();
        return;
      }
      boolean terminal = in.readBoolean();
      String[] args = new String[in.readInt()];
      for (int i = 0; i < args.length; i++) args[i] = readString(in);
      long start = System.nanoTime();
      AtomicBoolean finished = new AtomicBoolean();
      listenForHangUp(client, finished);
      int code = runner.run(args, new FrameStream(out, STDOUT), new FrameStream(out, STDERR), terminal);
      finished.set(true);
      synchronized (out) {
        out.writeByte(EXIT);
        out.writeInt(code);
        out.flush();
      }
      log.printf("%s served %s (exit %d) in %.3f s%n", Instant.now(), args.length > 0 ? args[0] : "", code, (System.nanoTime() - start) / 1e9);
    } catch (IOException e) {
      log.println(Instant.now() + " a client went away: " + e);
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
        client.read(ByteBuffer.allocate(1));
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

  /** Every few seconds: stops when idle too long, when the jar changed or when the socket is gone. */
  private void watch() {
    while (!stopping) {
      try {
        Thread.sleep(CHECK_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      String why = null;
      if (!FileStamp.of(jar).equals(jarStamp)) why = "the jar changed";
      else if (!socketIsOurs()) why = "the socket was removed";
      synchronized (lock) {
        if (busy) continue;
        if (why == null && Duration.between(lastUsed, Instant.now()).compareTo(idle) > 0) why = "unused for " + idle.toSeconds() + " s";
        if (why != null) {
          stopping = true;
          log.println(Instant.now() + " stopping: " + why);
          closeQuietly(server); // wakes accept
        }
      }
    }
  }

  private boolean socketIsOurs() {
    try {
      return Objects.equals(Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey(), socketKey);
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops serving: the socket is removed, if it is still this daemon's. */
  void stop(String why) {
    stopping = true;
    closeQuietly(server);
    if (socketIsOurs()) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        log.println(Instant.now() + " could not remove " + socket + ": " + e);
      }
    }
    log.println(Instant.now() + " " + why);
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 24) throw new IOException("a string of " + n + " bytes");
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
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

  /** A file's size and time of last change: a jar rebuilt, or replaced, has another. */
  record FileStamp(long size, long modified) {
    static FileStamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return new FileStamp(-1, -1);
      }
    }
  }
}
