package dev.sourcebook.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sourcebook.Validators;
import dev.sourcebook.check.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon's answer is the command line's own, byte for byte, and it stops when it should. */
class DaemonTest {
  @TempDir Path temp;

  private Path socket;
  private Path jar;
  private Daemon daemon;
  private Thread serving;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final AtomicBoolean abandoned = new AtomicBoolean();

  @BeforeEach
  void start() throws IOException {
    socket = temp.resolve("d.sock");
    jar = Files.writeString(temp.resolve("stands-for-the.jar"), "version 1");
    start(Daemon.Runner.of(Validators.load()), Duration.ofMinutes(5));
  }

  private void start(Daemon.Runner runner, Duration idle) throws IOException {
    start(DaemonClient.Kind.VALIDATE, runner, idle);
  }

  private void start(DaemonClient.Kind kind, Daemon.Runner runner, Duration idle) throws IOException {
    daemon = Daemon.bind(socket, jar, Daemon.FileStamp.of(jar), kind, runner, idle, new PrintStream(log, true, StandardCharsets.UTF_8),
        () -> abandoned.set(true));
    serving = new Thread(daemon::serve);
    serving.setDaemon(true); // a test that fails midway leaves nothing running
    serving.start();
  }

  private void restart(Daemon.Runner runner, Duration idle) throws Exception {
    restart(DaemonClient.Kind.VALIDATE, runner, idle);
  }

  private void restart(DaemonClient.Kind kind, Daemon.Runner runner, Duration idle) throws Exception {
    daemon.stop("replaced");
    serving.join(10_000);
    start(kind, runner, idle);
  }

  @AfterEach
  void stop() throws InterruptedException {
    daemon.stop("the test ended");
    serving.join(10_000);
  }

  record Answer(int exit, byte[] out, byte[] err) {
    String text() {
      return "exit " + exit + "\n" + new String(out, StandardCharsets.UTF_8) + new String(err, StandardCharsets.UTF_8);
    }
  }

  private Answer served(Terminal terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = DaemonClient.ask(socket, args, terminal, out, err, DaemonClient.Kind.VALIDATE.takenWithin);
    return new Answer(exit, out.toByteArray(), err.toByteArray());
  }

  private static Answer runHere(Terminal terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.runGuarded(args, out, err, terminal, null);
    return new Answer(exit, out.toByteArray(), err.toByteArray());
  }

  @Test
  void answersEveryKindOfValidateAsTheCommandItselfDoes() throws IOException {
    Path broken = temp.resolve("broken");
    copyOver(Path.of("src/test/resources/golden/ok-minimal/input"), broken);
    copyOver(Path.of("src/test/resources/golden/many-errors-at-once/input"), broken);
    List<String[]> lines = List.of(
        new String[] {"validate", "seeds"},
        new String[] {"validate", "seeds", "--by-article"},
        new String[] {"validate", broken.toString()},
        new String[] {"validate"},
        new String[] {"validate", "src"},
        new String[] {"validate", "--help"},
        new String[] {"validate", "no-such-folder", "--bogus"});
    for (Terminal terminal : List.of(Terminal.NONE, new Terminal(true, true))) {
      for (String[] args : lines) {
        Answer here = runHere(terminal, args);
        Answer there = served(terminal, args);
        String line = String.join(" ", args) + " " + terminal;
        assertEquals(here.text(), there.text(), line);
        assertArrayEquals(here.out(), there.out(), line);
        assertArrayEquals(here.err(), there.err(), line);
      }
    }
    assertEquals(1, runHere(Terminal.NONE, "validate", broken.toString()).exit(), "the broken seeds are broken");
    Terminal terminal = new Terminal(true, true);
    assertTrue(new String(runHere(terminal, "validate", "seeds").err(), StandardCharsets.UTF_8).contains("\r"), "on a terminal, progress is shown");
    assertTrue(new String(runHere(terminal, "validate", "--bogus").err(), StandardCharsets.UTF_8).contains("\u001b["), "and usage errors in colour");
    assertEquals(14, log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" served validate")).count(), log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void refusesOnceItsJarChangesAndThenStops() throws Exception {
    assertEquals(0, served(Terminal.NONE, "validate", "seeds").exit());
    Files.writeString(jar, "version 2, longer");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    assertEquals(DaemonClient.NOT_RUN, served(Terminal.NONE, "validate", "seeds").exit(), "refused: the client runs the command itself");
    serving.join(10_000);
    assertFalse(serving.isAlive(), "stopped");
    assertFalse(Files.exists(socket), "its socket is removed");
    assertEquals(DaemonClient.NONE_UP, served(Terminal.NONE, "validate", "seeds").exit(), "nobody answers");
    String said = log.toString(StandardCharsets.UTF_8);
    // Asked before its watchdog's round, it refuses and stops; after, it has stopped already.
    assertTrue(said.contains("refused a request for another jar") || said.contains("stopping: the jar changed"), said);
  }

  @Test
  void stopsWhenItsJarChangesEvenUnasked() throws Exception {
    Files.writeString(jar, "version 2, longer");
    serving.join(10_000);
    assertFalse(serving.isAlive(), "stopped within the watchdog's round");
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("stopping: the jar changed"), log.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(socket));
  }

  @Test
  void stopsWhenItsSocketIsRemoved() throws Exception {
    Files.delete(socket);
    serving.join(10_000);
    assertFalse(serving.isAlive());
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("stopping: the socket was removed"), log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void stopsWhenIdle() throws Exception {
    restart(Daemon.Runner.of(Validators.load()), Duration.ofSeconds(1));
    assertEquals(0, served(Terminal.NONE, "validate", "seeds").exit());
    serving.join(10_000);
    assertFalse(serving.isAlive());
    assertFalse(Files.exists(socket));
  }

  @Test
  void aClientThatGoesAwayWhileItsCommandRunsStopsTheDaemon() throws Exception {
    HeldRunner held = new HeldRunner(); // a run that nobody can stop from outside
    restart(held, Duration.ofMinutes(5));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread client = new Thread(() -> DaemonClient.ask(socket, new String[] {"validate", "seeds"}, Terminal.NONE, OutputStream.nullOutputStream(), err,
        DaemonClient.Kind.VALIDATE.takenWithin));
    try {
      client.start();
      assertTrue(held.running.await(10, TimeUnit.SECONDS));
      client.interrupt(); // closes its channel, as a client's end does
      client.join(10_000);
      for (int i = 0; i < 100 && !abandoned.get(); i++) Thread.sleep(50);
      assertTrue(abandoned.get(), log.toString(StandardCharsets.UTF_8));
      assertFalse(Files.exists(socket), "the next client finds none, and runs the command itself");
    } finally {
      held.release.countDown();
    }
    serving.join(10_000);
    assertFalse(serving.isAlive());
  }

  @Test
  void aClientThatGaveUpWhileItWaitedItsTurnIsNotRunFor() throws Exception {
    HeldRunner held = new HeldRunner(); // the first run holds the daemon while another client comes and goes
    restart(held, Duration.ofMinutes(5));
    int[] first = {-2};
    Thread waiting = new Thread(() -> first[0] = served(Terminal.NONE, "validate", "seeds").exit());
    try {
      waiting.start();
      assertTrue(held.running.await(10, TimeUnit.SECONDS));
      try (java.nio.channels.SocketChannel gone = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
        new Daemon.Request(System.getProperty("user.dir"), Terminal.NONE, new String[] {"validate", "seeds"})
            .write(new java.io.DataOutputStream(java.nio.channels.Channels.newOutputStream(gone)));
      } // closed while the daemon is busy, as a client that gave up
    } finally {
      held.release.countDown();
    }
    waiting.join(10_000);
    assertEquals(0, first[0]);
    assertEquals(0, served(Terminal.NONE, "validate", "seeds").exit(), "the next is served");
    assertEquals(2, held.runs.get(), "the client that gave up had nothing run for it");
    assertFalse(abandoned.get(), log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aClientThatWaitsToTheEndDoesNotStopIt() throws Exception {
    for (int i = 0; i < 3; i++) assertEquals(0, served(Terminal.NONE, "validate", "seeds").exit());
    Thread.sleep(200); // time for a listener to misread the end of a run as a hang-up
    assertFalse(abandoned.get(), log.toString(StandardCharsets.UTF_8));
    assertTrue(Files.exists(socket));
  }

  @Test
  void eachKindRunsOnlyItsOwnCommandLines() throws Exception {
    DaemonClient.Kind validate = DaemonClient.Kind.VALIDATE;
    DaemonClient.Kind build = DaemonClient.Kind.BUILD;
    assertTrue(validate.serves(new String[] {"validate", "seeds"}));
    assertTrue(validate.serves(new String[] {"validate", "dist/x/1.0.0", "--by-article"}));
    assertFalse(validate.serves(new String[] {"validate", "seeds", "--watch"}));
    assertFalse(validate.serves(new String[] {"build", "--seeds", "seeds"}));
    assertFalse(validate.serves(new String[] {}));
    assertFalse(validate.serves(new String[] {"validate", "@options"}), "picocli reads arguments from @FILE: they could say --watch");
    assertTrue(build.serves(new String[] {"build", "--seeds", "seeds", "--out", "dist"}));
    assertFalse(build.serves(new String[] {"release", "--seeds", "seeds"}), "a release is made in its own JVM");
    assertFalse(build.serves(new String[] {"validate", "seeds"}));
    assertFalse(build.serves(new String[] {"build", "@options"}));
    assertEquals(build, DaemonClient.Kind.named("build"));
    assertEquals(null, DaemonClient.Kind.named("release"));
    // Asked anyway, a validate's daemon runs nothing: the client would run the command itself.
    Path out = temp.resolve("never-written");
    assertEquals(DaemonClient.NOT_RUN, served(Terminal.NONE, "build", "--seeds", "seeds", "--out", out.toString()).exit());
    assertFalse(Files.exists(out));
    // And a build's daemon no validate.
    restart(build, Daemon.Runner.of(Validators.load()), Duration.ofMinutes(5));
    assertEquals(DaemonClient.NOT_RUN, served(Terminal.NONE, "validate", "seeds").exit());
    assertEquals(2, log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("refused a request of a command line it does not run")).count());
  }

  @Test
  void aBuildItServesWritesWhatABuildInItsOwnJvmWrites() throws Exception {
    restart(DaemonClient.Kind.BUILD, Daemon.Runner.of(Validators.load()), Duration.ofMinutes(5));
    // Two seeds folders in turn, so that anything one build left behind in the JVM would show in
    // the next; relative to the client's folder, which is the daemon's.
    String[] seeds = {"seeds", "src/test/resources/golden/ok-minimal/input"};
    for (int i = 0; i < seeds.length; i++) {
      String here = Path.of("").toAbsolutePath().relativize(temp.resolve("here-" + i)).toString();
      String there = Path.of("").toAbsolutePath().relativize(temp.resolve("there-" + i)).toString();
      Answer own = runHere(Terminal.NONE, "build", "--seeds", seeds[i], "--out", here);
      Answer served = served(Terminal.NONE, "build", "--seeds", seeds[i], "--out", there);
      assertEquals(0, own.exit(), own.text());
      assertTrue(files(temp.resolve("here-" + i)).size() > 20, "a whole dataset was written");
      assertEquals(own.text().replace(here, there), served.text());
      assertEquals(files(temp.resolve("here-" + i)), files(temp.resolve("there-" + i)));
    }
    assertEquals(2, log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" served build")).count(), log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aClientWaitsItsTurnOnlySoLongThenRunsTheCommandItself() throws Exception {
    HeldRunner held = new HeldRunner();
    restart(held, Duration.ofMinutes(5));
    Thread first = new Thread(() -> served(Terminal.NONE, "validate", "seeds"));
    try {
      first.start();
      assertTrue(held.running.await(10, TimeUnit.SECONDS));
      int second = org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(5), () -> DaemonClient.ask(socket,
          new String[] {"validate", "seeds"}, Terminal.NONE, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
          Duration.ofMillis(300)), "the patience given, not another");
      assertEquals(DaemonClient.NOT_RUN, second, "one is up, busy: not started again, the command run here");
      // On a terminal, a wait longer than a moment is said.
      ByteArrayOutputStream said = new ByteArrayOutputStream();
      assertEquals(DaemonClient.NOT_RUN, DaemonClient.ask(socket, new String[] {"validate", "seeds"}, new Terminal(true, false),
          OutputStream.nullOutputStream(), said, DaemonClient.NOTICE_AFTER.plusMillis(500)));
      assertTrue(said.toString(StandardCharsets.UTF_8).startsWith("sourcebook: waiting for the command this folder's background JVM"),
          said.toString(StandardCharsets.UTF_8));
    } finally {
      held.release.countDown();
    }
    first.join(10_000);
    assertEquals(1, held.runs.get());
  }

  @Test
  void aDaemonThatStopsInTheMiddleOfARunIsAnInternalErrorNotARunAgain() throws Exception {
    daemon.stop("replaced by one that stops after it has begun");
    serving.join(10_000);
    try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(socket));
      Thread stopping = new Thread(() -> {
        try (java.nio.channels.SocketChannel client = server.accept()) {
          Daemon.Request.read(new java.io.DataInputStream(java.nio.channels.Channels.newInputStream(client)));
          client.write(java.nio.ByteBuffer.wrap(new byte[] {Daemon.STARTED})); // then gone, as a JVM the kernel killed
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      stopping.start();
      Answer a = served(Terminal.NONE, "build", "--seeds", "seeds", "--out", temp.resolve("never").toString());
      stopping.join(10_000);
      assertEquals(Main.INTERNAL, a.exit(), a.text());
      assertTrue(a.text().contains("the background JVM stopped before the command finished"), a.text());
    }
    start(Daemon.Runner.of(Validators.load()), Duration.ofMinutes(5)); // for the test's end
  }

  @Test
  void aBuildDoesNotWaitForADaemonThatStoppedWithoutServing() throws Exception {
    // Its lock held here, the daemon started (a JVM of its own, from the classes under test) tries
    // for it a while, then stops without binding: the client sees it gone and runs the build
    // itself, well within the 30 s it would wait for one starting.
    Path other = temp.resolve("other.sock");
    try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(temp.resolve("other.sock.lock"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock held = lock.lock()) {
      int code = org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(15),
          () -> DaemonClient.startAndAsk(other, new String[] {"build", "--seeds", "seeds", "--out", temp.resolve("never").toString()}, Terminal.NONE));
      assertEquals(DaemonClient.NOT_RUN, code);
    }
    assertFalse(Files.exists(other));
    assertFalse(Files.exists(temp.resolve("never")));
  }

  @Test
  void theSocketsNameHoldsTheKindTheFlagsAndForABuildTheUmask() {
    Path folder = Path.of("").toAbsolutePath();
    Path build = DaemonClient.socketFor(folder, DaemonClient.Kind.BUILD, "-Xmx1024m", "0022");
    assertTrue(build != null);
    assertEquals(build, DaemonClient.socketFor(folder, DaemonClient.Kind.BUILD, "-Xmx1024m", "0022"));
    assertFalse(build.equals(DaemonClient.socketFor(folder, DaemonClient.Kind.VALIDATE, "-Xmx1024m", "0022")), "the kind");
    assertFalse(build.equals(DaemonClient.socketFor(folder, DaemonClient.Kind.BUILD, "-Xmx2048m", "0022")), "the flags");
    assertFalse(build.equals(DaemonClient.socketFor(folder, DaemonClient.Kind.BUILD, "-Xmx1024m", "0077")), "the umask");
    assertEquals(DaemonClient.socketFor(folder, DaemonClient.Kind.VALIDATE, "", "0022"),
        DaemonClient.socketFor(folder, DaemonClient.Kind.VALIDATE, "", "0077"), "a validate makes no file: any umask");
  }

  @Test
  void aRunThatFailsInsideStopsTheDaemonAfterItsAnswer() throws Exception {
    restart((args, out, err, terminal) -> {
      throw new IllegalStateException("a bug");
    }, Duration.ofMinutes(5));
    Answer a = served(Terminal.NONE, "validate", "seeds");
    assertEquals(3, a.exit());
    assertTrue(a.text().contains("sourcebook: internal error: java.lang.IllegalStateException: a bug"), a.text());
    serving.join(10_000);
    assertFalse(serving.isAlive(), "the next command line gets a fresh JVM");
    assertFalse(Files.exists(socket));
  }

  @Test
  void whatTheCommandPrintsToSystemErrGoesToItsClient() throws Exception {
    restart((args, out, err, terminal) -> {
      System.err.println("a library's warning");
      return 0;
    }, Duration.ofMinutes(5));
    assertEquals("exit 0\na library's warning\n", served(Terminal.NONE, "validate", "seeds").text());
  }

  @Test
  void socketsAreOnlyInAFolderOfThisUsersAlone() throws Exception {
    Path open = Files.createDirectory(temp.resolve("open"));
    Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(null, DaemonClient.socketFolderAt(open));
    Path made = temp.resolve("made");
    assertEquals(made, DaemonClient.socketFolderAt(made));
    assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
    Path link = Files.createSymbolicLink(temp.resolve("link"), made);
    assertEquals(null, DaemonClient.socketFolderAt(link), "a link could be turned to another's folder");
  }

  /** A runner whose first run holds the daemon until {@link #release}, saying when it has begun; later runs end at once. */
  private static final class HeldRunner implements Daemon.Runner {
    final CountDownLatch running = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public int run(String[] args, OutputStream out, OutputStream err, Terminal terminal) {
      if (runs.incrementAndGet() == 1) {
        running.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return 0;
    }
  }

  /** Each file under {@code root} by its path there, with its bytes' digest. */
  private static java.util.Map<String, String> files(Path root) throws IOException {
    java.util.Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) files.put(root.relativize(p).toString(), Sha256.hex(p));
    }
    return files;
  }

  private static void copyOver(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
