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
import pressroom.config.Config;

/** The real application on a random port, with a real database, and an HTTP client for it. */
public final class TestApp implements AutoCloseable {
  public static final String BASE_URL = "http://news.example.org";

  private final App app;
  private final TestClock clock;
  private final Path dataDir;
  private final String dbUrl;
  private final Visitor visitor = new Visitor();

  private TestApp(App app, TestClock clock, Path dataDir, String dbUrl) {
    this.app = app;
    this.clock = clock;
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
    String url =
        db == Db.SQLITE ? TestDatabases.sqliteUrl(dir) : TestDatabases.newPostgresDatabase();
    return startOn(url, dir, demo, settings);
  }

  /** Another node on the same database (for multi-node tests). */
  public static TestApp startOn(
      String dbUrl, Path dir, boolean demo, Map<String, String> settings) {
    return startOn(dbUrl, dir, demo, settings, app -> {});
  }

  /** A node whose parts a test adjusts before it starts (e.g. holds its search index build). */
  public static TestApp startOn(
      String dbUrl,
      Path dir,
      boolean demo,
      Map<String, String> settings,
      java.util.function.Consumer<App> beforeStart) {
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
    TestClock clock = new TestClock();
    App app = App.create(b.build(), clock).loadDemoIfEmpty();
    beforeStart.accept(app);
    app.start();
    return new TestApp(app, clock, dir, dbUrl);
  }

  public App app() {
    return app;
  }

  /** The site's clock: move it forward to let time pass. */
  public TestClock clock() {
    return clock;
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

  /** The default visitor: a browser-like client with its own cookie jar. */
  public Visitor visitor() {
    return visitor;
  }

  /** Another visitor, with an empty cookie jar. */
  public Visitor newVisitor() {
    return new Visitor();
  }

  /** A verified account at {@code userId@mail.example}, and a new visitor signed in as it. */
  public Visitor signedInNewAccount(
      String userId, String password, pressroom.web.Access.Role role) {
    app.accounts().createVerified(userId, userId + "@mail.example", password, role);
    return signedIn(userId, password);
  }

  /** A new visitor signed in as the given account (the sign-in must succeed: a 303). */
  public Visitor signedIn(String login, String password) {
    Visitor v = new Visitor();
    int status = v.signIn(login, password).statusCode();
    if (status != 303) {
      throw new AssertionError("signing in as " + login + " answered " + status + ", not 303");
    }
    return v;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return visitor.get(path, headers);
  }

  /**
   * Forgets every throttled attempt: all test visitors come from 127.0.0.1, so one test's sign-ins
   * and comments would otherwise count against the next.
   */
  public void clearThrottling() {
    app.database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM throttle_events").execute());
  }

  /** Stores an article in the site, as the importer and the editors' tools do. */
  public pressroom.articles.ArticleWrites.StoredArticle insert(
      pressroom.articles.NewArticle article) {
    return app.articles().insert(article);
  }

  /** Runs one SQL statement on the site's database, with positional {@code ?} arguments. */
  public void sql(String statement, Object... args) {
    app.database().jdbi().useHandle(h -> h.execute(statement, args));
  }

  /** The one value a SQL query (positional {@code ?} arguments) finds in the site's database. */
  public <T> T sqlOne(Class<T> type, String query, Object... args) {
    return app.database().jdbi().withHandle(h -> h.select(query, args).mapTo(type).one());
  }

  /** The ids of the comments waiting for a moderator. */
  public java.util.List<String> pendingCommentIds() {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM comments WHERE status = 'pending'")
                    .mapTo(String.class)
                    .list());
  }

  /** The account id (not the user id a reader signs in with) of an account. */
  public String accountId(String userId) {
    return app.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM accounts WHERE user_id = :u")
                    .bind("u", userId)
                    .mapTo(String.class)
                    .one());
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) {
    return visitor.getBytes(path, headers);
  }

  /** A browser-like HTTP client: keeps cookies, does not follow redirects. */
  public final class Visitor {
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String path, String... headers) {
      return send(
          HttpRequest.newBuilder(URI.create(url(path))),
          HttpResponse.BodyHandlers.ofString(),
          headers);
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
      return send(
          HttpRequest.newBuilder(URI.create(url(path))),
          HttpResponse.BodyHandlers.ofByteArray(),
          headers);
    }

    /** The visitor's CSRF token, as a page's script would read it. */
    public String csrfToken() {
      String body = get("/api/v1/csrf-token").body();
      return body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** A form POST carrying the visitor's CSRF token (as a real form does). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
      Map<String, String> withToken = new LinkedHashMap<>(form);
      withToken.putIfAbsent("_csrf", csrfToken());
      return postRaw(path, withToken);
    }

    /** Signs in through the sign-in form; the answer is a 303 when the login and password fit. */
    public HttpResponse<String> signIn(String login, String password) {
      return post("/signin", Map.of("login", login, "password", password));
    }

    /** A form POST exactly as given (no token added). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
      StringBuilder body = new StringBuilder();
      form.forEach(
          (k, v) ->
              body.append(body.isEmpty() ? "" : "&")
                  .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                  .append('=')
                  .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
      return send(
          HttpRequest.newBuilder(URI.create(url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
          HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON call with the X-CSRF-Token header (as the site's scripts send it). */
    public HttpResponse<String> json(String method, String path, String json) {
      return jsonRaw(method, path, json, csrfToken());
    }

    public HttpResponse<String> jsonRaw(String method, String path, String json, String token) {
      HttpRequest.Builder r =
          HttpRequest.newBuilder(URI.create(url(path)))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      if (token != null) {
        r.header("X-CSRF-Token", token);
      }
      return send(r, HttpResponse.BodyHandlers.ofString());
    }

    public java.util.List<java.net.HttpCookie> cookies() {
      return cookies.getCookieStore().getCookies();
    }

    private final Map<String, String> always = new LinkedHashMap<>();

    /**
     * Sends this header with every request from now on (e.g. X-Forwarded-For, as a proxy adds it).
     */
    public Visitor always(String header, String value) {
      always.put(header, value);
      return this;
    }

    private <T> HttpResponse<T> send(
        HttpRequest.Builder r, HttpResponse.BodyHandler<T> body, String... headers) {
      r.timeout(Duration.ofSeconds(20));
      always.forEach(r::header);
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
  }

  @Override
  public void close() {
    app.close();
  }
}
