package pressroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.App;
import pressroom.config.Config;
import pressroom.testing.NodeProcess;
import pressroom.testing.TestDatabases;
import pressroom.testing.TestFeeds;
import pressroom.testing.TestFeeds.RssItem;
import pressroom.web.Access.Role;

/**
 * Crash safety: a node killed with SIGKILL at random moments while readers comment, register and
 * bookmark keeps every write it answered 2xx to, and none twice; an import killed midway finishes
 * without duplicates when run again. The seed is printed; {@code -Dpressroom.crash.seed=N} replays
 * the same kill moments and mix of writes (the timing of a real process still varies), and {@code
 * -Dpressroom.crash.rounds=N} runs more or fewer rounds than 20.
 */
class CrashSafetyTest {
  private static final int ROUNDS = Integer.getInteger("pressroom.crash.rounds", 20);
  private static final int READERS = 4;
  private static final String PASSWORD = "a long and private phrase";
  private static final Pattern NONCE = Pattern.compile("nonce-[a-z0-9-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void sqliteKeepsEveryAnsweredWriteThroughKills() throws Exception {
    String db = TestDatabases.sqliteUrl(dir);
    killRounds(db);
    try (Connection c = DriverManager.getConnection(db);
        Statement s = c.createStatement()) {
      assertThat(strings(s, "PRAGMA integrity_check")).containsExactly("ok");
      assertThat(strings(s, "PRAGMA foreign_key_check")).isEmpty();
    }
  }

  @Test
  void postgresKeepsEveryAnsweredWriteThroughKills() throws Exception {
    killRounds(TestDatabases.newPostgresDatabase());
  }

  @Test
  void sqliteImportKilledMidwayFinishesWithoutDuplicates() throws Exception {
    importKilledMidway(TestDatabases.sqliteUrl(dir));
  }

  @Test
  void postgresImportKilledMidwayFinishesWithoutDuplicates() throws Exception {
    importKilledMidway(TestDatabases.newPostgresDatabase());
  }

  /**
   * What the readers were told: 2xx answers are promises; the rest may or may not have happened.
   */
  private static final class Ledger {
    final Map<String, String> comments = new ConcurrentHashMap<>(); // nonce → comment id
    final Set<String> accounts = ConcurrentHashMap.newKeySet(); // user ids
    final Set<String> bookmarks = ConcurrentHashMap.newKeySet(); // "userId articleId"
    final AtomicInteger unknown = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger(); // registrations answered when sent again
  }

  private void killRounds(String dbUrl) throws Exception {
    long seed = Long.getLong("pressroom.crash.seed", System.nanoTime());
    System.out.println("CrashSafetyTest seed " + seed + " on " + dbUrl.split(":")[1]);
    Random random = new Random(seed);
    Map<String, String> settings =
        Map.of(
            "PRESSROOM_DB_URL",
            dbUrl,
            "PRESSROOM_DEMO",
            "true",
            "PRESSROOM_COMMENT_RATE_LIMITS",
            "false",
            // The readers stand behind a proxy of ours, each with an address of its own, so the
            // per-address limits on registering and signing in stay as they are.
            "PRESSROOM_TRUSTED_PROXIES",
            "127.0.0.1");
    Path data = dir.resolve("data");
    Path log = dir.resolve("node.log");
    try (App app = App.create(config(data, dbUrl))) {
      for (int r = 0; r < READERS; r++) {
        app.accounts()
            .createVerified("reader" + r, "reader" + r + "@mail.example", PASSWORD, Role.READER);
      }
    }
    int port = NodeProcess.freePort();
    Ledger ledger = new Ledger();
    List<Reader> readers = new ArrayList<>();
    List<String> articles = List.of();
    long began = System.nanoTime();
    List<Long> starts = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int round = 1; round <= ROUNDS; round++) {
        long t0 = System.nanoTime();
        NodeProcess node = NodeProcess.serve(data, port, settings, log, Duration.ofSeconds(60));
        starts.add((System.nanoTime() - t0) / 1_000_000);
        try {
          if (round == 1) {
            articles = articleIds(node);
            for (int r = 0; r < READERS; r++) {
              Reader reader = new Reader(r, seed, node);
              reader.signIn();
              readers.add(reader);
            }
          }
          AtomicBoolean stop = new AtomicBoolean();
          List<String> targets = articles;
          int r0 = round;
          var running =
              readers.stream()
                  .map(reader -> threads.submit(() -> reader.write(r0, targets, stop, ledger)))
                  .toList();
          int registered = ledger.accounts.size();
          Thread.sleep(150 + random.nextInt(1200));
          if (round % 4 == 0) {
            // Argon2 makes a registration take most of a second on a busy machine, so in these
            // rounds the kill waits for one to be answered: some are certain to be checked.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ledger.accounts.size() == registered && System.nanoTime() < deadline) {
              Thread.sleep(20);
            }
          }
          // No new writes from here; those in flight are cut off by the kill.
          stop.set(true);
          node.kill();
          for (var f : running) {
            f.get();
          }
        } catch (Exception | AssertionError e) {
          throw new AssertionError(
              "round " + round + ", seed " + seed + ":\n" + node.logTail(40), e);
        } finally {
          node.close();
        }
      }
    }
    // The site starts once more after the last kill, and stops cleanly.
    NodeProcess.serve(data, port, settings, log, Duration.ofSeconds(60)).stop();
    System.out.printf(
        "CrashSafetyTest %d rounds in %.1f s (starts %s ms): %d comments, %d registrations, %d"
            + " bookmarks answered; %d writes cut off (%d registrations answered when sent"
            + " again), %d refused%n",
        ROUNDS,
        (System.nanoTime() - began) / 1e9,
        starts,
        ledger.comments.size(),
        ledger.accounts.size(),
        ledger.bookmarks.size(),
        ledger.unknown.get(),
        ledger.retried.get(),
        ledger.refused.get());
    assertThat(ledger.comments).as("comments answered 201").hasSizeGreaterThan(ROUNDS);
    assertThat(ledger.accounts).as("registrations answered 201").isNotEmpty();
    assertThat(ledger.bookmarks).as("bookmarks answered 204").isNotEmpty();
    assertThat(ledger.unknown.get()).as("writes cut off by a kill").isPositive();
    checkNothingLostNothingTwice(dbUrl, ledger, seed);
  }

  private static void checkNothingLostNothingTwice(String dbUrl, Ledger ledger, long seed)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(dbUrl);
        Statement s = c.createStatement()) {
      Map<String, String> comments = new HashMap<>(); // id → body
      try (ResultSet rs = s.executeQuery("SELECT id, body FROM comments")) {
        while (rs.next()) {
          comments.put(rs.getString(1), rs.getString(2));
        }
      }
      Map<String, Long> nonces =
          comments.values().stream()
              .map(NONCE::matcher)
              .filter(Matcher::find)
              .collect(Collectors.groupingBy(Matcher::group, Collectors.counting()));
      String why = "seed " + seed;
      assertThat(nonces)
          .as(why + ": a comment stored twice")
          .allSatisfy((n, k) -> assertThat(k).isOne());
      ledger.comments.forEach(
          (nonce, id) ->
              assertThat(comments.get(id)).as(why + ": answered comment " + id).contains(nonce));

      List<String> userIds = strings(s, "SELECT user_id FROM accounts");
      assertThat(userIds).as(why + ": an account twice").doesNotHaveDuplicates();
      assertThat(strings(s, "SELECT email_key FROM accounts")).doesNotHaveDuplicates();
      assertThat(userIds).as(why + ": answered registrations").containsAll(ledger.accounts);

      List<String> bookmarks =
          strings(
              s,
              "SELECT a.user_id || ' ' || b.article_id FROM bookmarks b"
                  + " JOIN accounts a ON a.id = b.account_id");
      assertThat(bookmarks).as(why + ": a bookmark twice").doesNotHaveDuplicates();
      assertThat(bookmarks).as(why + ": answered bookmarks").containsAll(ledger.bookmarks);
    }
  }

  /** One reader behind the proxy: comments and bookmarks, or registers new accounts. */
  private static final class Reader {
    final int index;
    final Random random;
    final NodeProcess node;
    final HttpClient http;
    final String ip;
    String csrf;
    int count;
    String unanswered; // the user id of a registration cut off by a kill

    Reader(int index, long seed, NodeProcess node) {
      this.index = index;
      this.random = new Random(seed + index + 1);
      this.node = node;
      this.ip = "198.51.100." + (index + 1);
      this.http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(2))
              .build();
    }

    void signIn() throws Exception {
      csrf =
          JSON.readTree(send("GET", "/api/v1/csrf-token", null, ip).body()).get("token").asText();
      HttpResponse<String> r =
          send(
              "POST",
              "/api/v1/session",
              JSON.writeValueAsString(Map.of("login", "reader" + index, "password", PASSWORD)),
              ip);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      csrf = JSON.readTree(r.body()).get("csrfToken").asText();
    }

    /** Writes until stopped; the node's port stays the same, and the session is in the database. */
    void write(int round, List<String> articles, AtomicBoolean stop, Ledger ledger) {
      while (!stop.get()) {
        String nonce = "nonce-" + round + "-" + index + "-" + (++count);
        String article = articles.get(random.nextInt(articles.size()));
        // The last reader only registers: Argon2 makes a registration slow enough that, mixed
        // with the others, hardly one would be answered before a kill.
        int pick = index == READERS - 1 ? 9 : random.nextInt(9);
        try {
          if (pick < 6) {
            String body = "Reader " + index + " says this is well put, " + nonce + ".";
            HttpResponse<String> r =
                send(
                    "POST",
                    "/api/v1/articles/" + article + "/comments",
                    JSON.writeValueAsString(Map.of("body", body)),
                    ip);
            if (r.statusCode() == 201) {
              ledger.comments.put(nonce, JSON.readTree(r.body()).get("id").asText());
            } else {
              refused(r, ledger);
            }
          } else if (pick < 9) {
            HttpResponse<String> r = send("PUT", "/api/v1/bookmarks/" + article, null, ip);
            if (r.statusCode() == 204) {
              ledger.bookmarks.add("reader" + index + " " + article);
            } else {
              refused(r, ledger);
            }
          } else {
            // A registration cut off by a kill is sent again, as a reader would: once stored, the
            // second answer must be "taken", never a second account.
            boolean again = unanswered != null;
            String userId =
                again ? unanswered : "new" + nonce.substring("nonce-".length()).replace('-', 'x');
            unanswered = userId;
            Map<String, String> form =
                Map.of("userId", userId, "email", userId + "@mail.example", "password", PASSWORD);
            // Each registration from an address of its own: the limit per address is not the test.
            String from = "203.0." + (count % 250) + "." + (1 + round * 10 + index);
            HttpResponse<String> r =
                send("POST", "/api/v1/accounts", JSON.writeValueAsString(form), from);
            unanswered = null;
            if (r.statusCode() == 201 || (again && r.statusCode() == 409)) {
              ledger.accounts.add(userId);
              if (again) {
                ledger.retried.incrementAndGet();
              }
            } else {
              refused(r, ledger);
            }
          }
        } catch (IOException e) {
          ledger.unknown.incrementAndGet(); // cut off by the kill: may or may not have happened
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    private void refused(HttpResponse<String> r, Ledger ledger) {
      if (r.statusCode() >= 500) {
        throw new AssertionError("answered " + r.statusCode() + ": " + r.body());
      }
      ledger.refused.incrementAndGet();
    }

    HttpResponse<String> send(String method, String path, String json, String from)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(node.uri(path))
              .timeout(Duration.ofSeconds(10))
              .header("X-Forwarded-For", from)
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        b.header("Content-Type", "application/json");
      }
      if (csrf != null) {
        b.header("X-CSRF-Token", csrf);
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static List<String> articleIds(NodeProcess node) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(node.uri("/api/v1/articles")).build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> ids = new ArrayList<>();
    for (JsonNode item : JSON.readTree(r.body()).get("items")) {
      ids.add(item.get("id").asText());
    }
    assertThat(ids).as("demo articles").hasSizeGreaterThan(3);
    return ids.subList(0, Math.min(ids.size(), 8));
  }

  private void importKilledMidway(String dbUrl) throws Exception {
    long seed = Long.getLong("pressroom.crash.seed", System.nanoTime());
    System.out.println("CrashSafetyTest import seed " + seed + " on " + dbUrl.split(":")[1]);
    Random random = new Random(seed);
    // Enough that the kill lands well before the end: SQLite stores some 5,000 items a second.
    int files = dbUrl.startsWith("jdbc:sqlite:") ? 24 : 12;
    int perFile = 1_000;
    Path feeds = Files.createDirectories(dir.resolve("feeds"));
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (int f = 0; f < files; f++) {
      RssItem[] items = new RssItem[perFile];
      for (int i = 0; i < perFile; i++) {
        String guid = "arc-" + f + "-" + i;
        items[i] =
            new RssItem(
                guid,
                "Archive story " + f + " number " + i,
                "By Jane Roe",
                "<p>From the archive, file " + f + ", story " + i + ": " + guid + ".</p>",
                base.plusSeconds(3_600L * (f * perFile + i)));
      }
      Files.writeString(feeds.resolve("archive-" + f + ".xml"), TestFeeds.rss(items));
    }
    int total = files * perFile;
    Map<String, String> settings =
        Map.of("PRESSROOM_DATA", dir.resolve("data").toString(), "PRESSROOM_DB_URL", dbUrl);
    String[] args = {
      "import", feeds.toString(), "--section", "Archive", "--source-name", "Old Wire"
    };
    Path log = dir.resolve("import.log");

    long t0 = System.nanoTime();
    NodeProcess first = NodeProcess.command(settings, log, args);
    long killedAt;
    try {
      // Past the first committed batch of 5,000 items, then a random moment in the next ones.
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (articleCount(dbUrl) < 1 && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(random.nextInt(300));
      assertThat(first.isAlive())
          .as("the import was still running when killed:\n" + first.logTail(20))
          .isTrue();
      first.kill();
      killedAt = articleCount(dbUrl);
    } finally {
      first.close();
    }
    long killSecs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(killedAt).as("articles stored before the kill").isLessThan(total);

    NodeProcess again = NodeProcess.command(settings, log, args);
    try {
      assertThat(again.waitFor(Duration.ofSeconds(180))).as(again.logTail(20)).isTrue();
      assertThat(again.exitValue()).as(again.logTail(20)).isZero();
    } finally {
      again.close();
    }
    System.out.printf(
        "CrashSafetyTest import: killed after %d ms with %d of %d articles stored; all in %.1f s%n",
        killSecs, killedAt, total, (System.nanoTime() - t0) / 1e9);
    try (Connection c = DriverManager.getConnection(dbUrl);
        Statement s = c.createStatement()) {
      List<String> guids = strings(s, "SELECT source_guid FROM articles");
      assertThat(guids).hasSize(total).doesNotHaveDuplicates();
      assertThat(strings(s, "SELECT name || ' ' || state FROM sources"))
          .as("one source, never polled")
          .containsExactly("Old Wire disabled");
      if (dbUrl.startsWith("jdbc:sqlite:")) {
        assertThat(strings(s, "PRAGMA integrity_check")).containsExactly("ok");
      }
    }
  }

  private static long articleCount(String dbUrl) {
    if (dbUrl.startsWith("jdbc:sqlite:") && !Files.exists(Path.of(dbUrl.substring(12)))) {
      return 0; // opening it would create it under the import's feet
    }
    try (Connection c = DriverManager.getConnection(dbUrl);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM articles")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      return 0; // not created yet, or the schema is being made
    }
  }

  private static Config config(Path data, String dbUrl) {
    return Config.Builder.empty()
        .set("PRESSROOM_DATA", data.toString())
        .set("PRESSROOM_DB_URL", dbUrl)
        .build();
  }

  private static List<String> strings(Statement s, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
