package pressroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import pressroom.App;
import pressroom.Config;

/** The real application on a random port, with a real database, and an HTTP client for it. */
public final class TestApp implements AutoCloseable {
  public static final String BASE_URL = "https://news.example.org";

  private final App app;
  private final Path dataDir;
  private final String dbUrl;
  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestApp(App app, Path dataDir, String dbUrl) {
    this.app = app;
    this.dataDir = dataDir;
    this.dbUrl = dbUrl;
  }

  /** Which database a test runs against. */
  public enum Db {
    SQLITE,
    POSTGRESQL
  }

  public static TestApp start(Db db, boolean demo) {
    return start(db, demo, Map.of());
  }

  public static TestApp start(Db db, boolean demo, Map<String, String> settings) {
    Path dir;
    try {
      dir = Files.createTempDirectory("pressroom-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url = db == Db.SQLITE ? TestDatabases.sqliteUrl(dir) : TestDatabases.newPostgresDatabase();
    return startOn(url, dir, demo, settings);
  }

  /** Another node on the same database (for multi-node tests). */
  public static TestApp startOn(String dbUrl, Path dir, boolean demo, Map<String, String> settings) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PRESSROOM_PORT", "0");
    env.put("PRESSROOM_HOST", "127.0.0.1");
    env.put("PRESSROOM_DATA", dir.toString());
    env.put("PRESSROOM_DB_URL", dbUrl);
    env.put("PRESSROOM_BASE_URL", BASE_URL);
    env.put("PRESSROOM_DEMO", Boolean.toString(demo));
    env.putAll(settings);
    Config.Builder b = Config.Builder.empty();
    env.forEach(b::set);
    App app = App.create(b.build()).loadDemoIfEmpty().start();
    return new TestApp(app, dir, dbUrl);
  }

  public App app() {
    return app;
  }

  public String dbUrl() {
    return dbUrl;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(path, HttpResponse.BodyHandlers.ofString(), headers);
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return send(path, HttpResponse.BodyHandlers.ofByteArray(), headers);
  }

  private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body, String... headers) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
    for (int i = 0; i < headers.length; i += 2) {
      r.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(r.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
