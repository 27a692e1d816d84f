package pressroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Pressroom command in a JVM of its own (the test's java and class path), so a test can kill it
 * with SIGKILL the way an OOM killer or a pulled plug does: no shutdown hook, no flush. {@link
 * #serve} starts a site and waits for /healthz; {@link #command} runs any other command. Output
 * goes to a log file, whose tail {@link #logTail} gives for a failure message.
 */
public final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;

  private NodeProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** A port free right now (the site's port stays the same across restarts of one test). */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code pressroom serve} on 127.0.0.1:{@code port} with these settings (PRESSROOM_* on
   * top of the port, host and data folder) and waits until /healthz answers 200.
   *
   * @param log the file the node's output is appended to
   */
  public static NodeProcess serve(
      Path data, int port, Map<String, String> settings, Path log, Duration startWithin) {
    Map<String, String> env = new LinkedHashMap<>(settings);
    env.put("PRESSROOM_DATA", data.toString());
    env.put("PRESSROOM_PORT", Integer.toString(port));
    env.put("PRESSROOM_HOST", "127.0.0.1");
    NodeProcess node = new NodeProcess(start(env, log, "serve"), log, port);
    node.awaitHealthy(startWithin);
    return node;
  }

  /** Starts a command (e.g. {@code import …}) with these settings; it runs on by itself. */
  public static NodeProcess command(Map<String, String> settings, Path log, String... args) {
    return new NodeProcess(start(settings, log, args), log, -1);
  }

  private static Process start(Map<String, String> settings, Path log, String... args) {
    SharedClasses shared = sharedClasses();
    List<String> cmd = new ArrayList<>(jvm(shared.classPath()));
    if (shared.archive() != null) {
      cmd.add(1, "-XX:SharedArchiveFile=" + shared.archive());
    }
    cmd.addAll(List.of(args));
    return start(cmd, settings, log);
  }

  /** Small and quick to start: C1 only, one GC thread. */
  private static List<String> jvm(String classPath) {
    return List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-Xmx256m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Xshare:auto",
        "--enable-native-access=ALL-UNNAMED",
        "-cp",
        classPath,
        "pressroom.Main");
  }

  private static Process start(List<String> cmd, Map<String, String> settings, Path log) {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Only the given settings: the test JVM's own PRESSROOM_* must not leak into the child.
    pb.environment().keySet().removeIf(k -> k.startsWith("PRESSROOM_"));
    pb.environment().putAll(settings);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Surefire runs tests from a manifest-only jar; it gives the real class path in a property. */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** The class path as jars, and a CDS archive of what a start loads (null if none was made). */
  private record SharedClasses(String classPath, Path archive) {}

  private static SharedClasses shared;

  /**
   * A start loads about 8,000 classes, most of the time it takes on a busy machine; a CDS archive
   * of them halves a restart (measured: 2.1 s instead of 2.5 to 5.7 s). CDS reads classes from jars
   * only, so the class path's folders are jarred first; the archive comes from one site started and
   * stopped cleanly (it is written at a normal exit). Made once per test JVM; any failure leaves
   * the plain class path.
   */
  private static synchronized SharedClasses sharedClasses() {
    if (shared != null) {
      return shared;
    }
    shared = new SharedClasses(classPath(), null);
    try {
      Path dir = Files.createTempDirectory("pressroom-node-classes");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      List<String> entries = new ArrayList<>();
      int n = 0;
      for (String entry : classPath().split(java.io.File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isDirectory(p)) {
          Path jar = dir.resolve("classes-" + (n++) + ".jar");
          jar(p, jar);
          entries.add(jar.toString());
        } else {
          entries.add(entry);
        }
      }
      String jars = String.join(java.io.File.pathSeparator, entries);
      Path archive = dir.resolve("node.jsa");
      Path data = Files.createDirectories(dir.resolve("training"));
      int port = freePort();
      List<String> cmd = new ArrayList<>(jvm(jars));
      cmd.add(1, "-XX:ArchiveClassesAtExit=" + archive);
      cmd.add("serve");
      Map<String, String> env =
          Map.of(
              "PRESSROOM_DATA",
              data.toString(),
              "PRESSROOM_PORT",
              Integer.toString(port),
              "PRESSROOM_HOST",
              "127.0.0.1",
              "PRESSROOM_DEMO",
              "false");
      Path log = dir.resolve("training.log");
      NodeProcess training = new NodeProcess(start(cmd, env, log), log, port);
      try {
        training.awaitHealthy(Duration.ofSeconds(120));
        training.stop();
      } finally {
        training.close();
      }
      shared = new SharedClasses(jars, Files.isRegularFile(archive) ? archive : null);
    } catch (IOException | RuntimeException e) {
      System.err.println("NodeProcess: no class archive, starting nodes without one: " + e);
    }
    return shared;
  }

  /** Folders get entries of their own too: Flyway finds its migrations by listing one. */
  private static void jar(Path folder, Path jar) throws IOException {
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(folder)) {
      out.setLevel(java.util.zip.Deflater.BEST_SPEED);
      for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(folder))::iterator) {
        String name = folder.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        boolean isFolder = Files.isDirectory(f);
        out.putNextEntry(new java.util.jar.JarEntry(isFolder ? name + "/" : name));
        if (!isFolder) {
          Files.copy(f, out);
        }
        out.closeEntry();
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder; the system cleans it up in time
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public URI uri(String path) {
    return URI.create(url(path));
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private void awaitHealthy(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the node exited with " + process.exitValue() + " while starting:\n" + logTail(40));
      }
      try {
        HttpResponse<Void> r =
            HTTP.send(
                HttpRequest.newBuilder(uri("/healthz")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(50);
    }
    kill();
    throw new IllegalStateException(
        "the node did not start within " + within + ":\n" + logTail(40));
  }

  /** SIGKILL (on Linux {@link Process#destroyForcibly} is exactly that), then waits for the end. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** SIGTERM: the shutdown hook closes the site; then waits for the end. */
  public void stop() {
    process.destroy();
    if (!waitFor(Duration.ofSeconds(30))) {
      kill();
    }
  }

  /** Waits for the process to end by itself; false if it still runs after {@code within}. */
  public boolean waitFor(Duration within) {
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int exitValue() {
    return process.exitValue();
  }

  /** The last lines of the log, for a failure message. */
  public String logTail(int lines) {
    return tail(log, lines);
  }

  public static String tail(Path log, int lines) {
    try {
      List<String> all =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
