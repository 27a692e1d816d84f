package pressroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.NewSource;
import pressroom.testing.Eventually;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.testing.TestDatabases;
import pressroom.testing.TestFeeds;
import pressroom.web.Access.Role;

/**
 * The scale-out proof: three nodes on one PostgreSQL database, each with its own page cache and
 * search index. A comment posted through A is on B's and C's cached article page within a second
 * and pushed live to a reader on C; an article ingested through A is searchable on C within two
 * seconds; a source is fetched once per interval, not once per node.
 *
 * <p>The change log's 250 ms poll is fixed in {@code App.start} (no setting), so it stays on here:
 * what the deadlines prove is the delivery, by NOTIFY or by the poll, whichever is first.
 * ChangeNotificationsTest proves the NOTIFY path alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeNodesTest {
  static final String PASSWORD = "three nodes, one newsroom";
  static final Duration COMMENT_DEADLINE = Duration.ofSeconds(1);
  static final Duration SEARCH_DEADLINE = Duration.ofSeconds(2);

  // The common pool has one thread on a two-core machine, and the stream reader would hold it.
  static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

  static final Map<String, String> SETTINGS =
      Map.of(
          "PRESSROOM_INGEST_ALLOW_PRIVATE", "true",
          // Every node looks for due sources every second: three chances a second to fetch twice.
          "PRESSROOM_INGEST_CHECK_SECONDS", "1",
          "PRESSROOM_COMMENT_RATE_LIMITS", "false");

  TestApp a;
  TestApp b;
  TestApp c;
  Fixtures f;
  FakePublisher partner;

  @BeforeAll
  void threeNodes() throws IOException {
    String db = TestDatabases.newPostgresDatabase();
    a = TestApp.startOn(db, Files.createTempDirectory("node-a"), false, SETTINGS);
    b = TestApp.startOn(db, Files.createTempDirectory("node-b"), false, SETTINGS);
    c = TestApp.startOn(db, Files.createTempDirectory("node-c"), false, SETTINGS);
    f = Fixtures.load(a.app());
    a.app().accounts().createVerified("desk", "desk@mail.example", PASSWORD, Role.ADMIN);
    partner = FakePublisher.start();
  }

  @AfterAll
  void stop() {
    for (AutoCloseable node : new AutoCloseable[] {partner, c, b, a}) {
      try {
        if (node != null) {
          node.close();
        }
      } catch (Exception e) {
        // the others still close
      }
    }
  }

  @Test
  void aCommentPostedThroughAIsOnBsAndCsCachedPagesAndPushedLiveOnCWithinASecond()
      throws Exception {
    Visitor reader = trustedReader("harbourwatcher");
    String path = "/articles/" + f.wire.slug();
    String text = "Seen from the ferry at dawn " + System.nanoTime();

    // Every node makes the same shared page: the same bytes and validator, so a cache in front
    // may take it from any of them.
    List<HttpResponse<String>> copies =
        List.of(a.newVisitor().get(path), b.newVisitor().get(path), c.newVisitor().get(path));
    assertThat(copies).extracting(HttpResponse::body).containsOnly(copies.getFirst().body());
    assertThat(copies)
        .extracting(r -> r.headers().firstValue("ETag").orElseThrow())
        .containsOnly(copies.getFirst().headers().firstValue("ETag").orElseThrow());

    // B and C have the page in their caches: the second anonymous GET is a cache hit.
    for (TestApp node : List.of(b, c)) {
      Visitor staff = node.signedIn("desk", PASSWORD);
      Visitor anonymous = node.newVisitor();
      assertThat(anonymous.get(path).statusCode()).isEqualTo(200);
      double hits = pageCacheHits(staff);
      HttpResponse<String> cached = anonymous.get(path);
      assertThat(cached.statusCode()).isEqualTo(200);
      assertThat(cached.body()).doesNotContain(text);
      assertThat(pageCacheHits(staff))
          .as("the second GET served from the cache")
          .isGreaterThan(hits);
    }

    try (LiveReader live = LiveReader.connect(c.url(path + "/comments/live"), text)) {
      HttpResponse<String> posted = reader.post(path + "/comments", Map.of("body", text));
      long answered = System.nanoTime();
      assertThat(posted.statusCode()).isEqualTo(303);
      assertThat(posted.headers().firstValue("Location").orElseThrow())
          .as("published at once")
          .contains("#c-");

      Visitor onBsPage = b.newVisitor();
      Visitor onCsPage = c.newVisitor();
      CompletableFuture<Long> onB =
          CompletableFuture.supplyAsync(
              () -> msUntil(answered, () -> onBsPage.get(path).body().contains(text)), THREADS);
      CompletableFuture<Long> onC =
          CompletableFuture.supplyAsync(
              () -> msUntil(answered, () -> onCsPage.get(path).body().contains(text)), THREADS);
      long liveMs = live.msUntilArrived(answered, Duration.ofSeconds(10));
      long bMs = onB.get(15, TimeUnit.SECONDS);
      long cMs = onC.get(15, TimeUnit.SECONDS);
      System.out.printf(
          "three nodes: comment through A on B's page after %d ms, on C's after %d ms,"
              + " live on C after %d ms%n",
          bMs, cMs, liveMs);
      long deadline = COMMENT_DEADLINE.toMillis();
      assertThat(bMs).as("ms until B's page shows the comment").isLessThanOrEqualTo(deadline);
      assertThat(cMs).as("ms until C's page shows the comment").isLessThanOrEqualTo(deadline);
      assertThat(liveMs).as("ms until C pushes the comment live").isLessThanOrEqualTo(deadline);
    }
  }

  @Test
  void anArticleIngestedThroughAIsSearchableOnCWithinTwoSeconds() {
    String word = "Quillfeather" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
    partner.serve("/search-wire.xml", TestFeeds.rss(), "application/rss+xml");
    String source =
        a.app().sources().add(source("Search Wire", "/search-wire.xml", Duration.ofMinutes(15)));
    // A new source is due at once: let the scheduler's first (empty) fetch finish, then the
    // item is new to the fetch through A.
    Eventually.until(
        "the scheduler's first fetch recorded",
        () ->
            a.sqlOne(
                    Boolean.class,
                    "SELECT last_success_at IS NOT NULL FROM sources WHERE id = ?",
                    source)
                .booleanValue());
    partner.serve(
        "/search-wire.xml",
        TestFeeds.rss(
            new TestFeeds.RssItem(
                "quill-1",
                word + " lighthouse keeper retires after forty winters",
                "Jane Roe",
                "<p>The " + word + " light will run by itself from Monday.</p>",
                Instant.now().minusSeconds(60))),
        "application/rss+xml");
    Visitor searcherOnA = a.newVisitor();
    Visitor searcherOnC = c.newVisitor();
    assertThat(search(searcherOnC, word)).as("not on C before the fetch").isFalse();

    Visitor editor = a.signedIn("desk", PASSWORD);
    HttpResponse<String> fetched = editor.post("/staff/sources/" + source + "/fetch", Map.of());
    long ingested = System.nanoTime();
    assertThat(fetched.statusCode()).isEqualTo(303);
    assertThat(
            a.sqlOne(
                Integer.class,
                "SELECT count(*) FROM articles WHERE source_id = ? AND headline LIKE ?",
                source,
                word + "%"))
        .as("stored by the fetch through A")
        .isEqualTo(1);

    // A's own index follows the same change log: its time is what indexing costs on one node.
    CompletableFuture<Long> onA =
        CompletableFuture.supplyAsync(
            () -> msUntil(ingested, () -> search(searcherOnA, word)), THREADS);
    long cMs = msUntil(ingested, () -> search(searcherOnC, word));
    System.out.printf(
        "three nodes: article ingested through A searchable on C after %d ms (on A after %d ms)%n",
        cMs, onA.join());
    assertThat(cMs)
        .as("ms until C finds the article")
        .isLessThanOrEqualTo(SEARCH_DEADLINE.toMillis());
  }

  @Test
  void aSourceIsFetchedOncePerIntervalNotOncePerNode() throws InterruptedException {
    partner.respond(
        "/tides.xml",
        Response.ok(
                TestFeeds.rss(
                    new TestFeeds.RssItem(
                        "tide-1",
                        "Tide tables for the week",
                        "Harbour Office",
                        "<p>High water at six.</p>",
                        Instant.now().minusSeconds(3600))),
                "application/rss+xml")
            .withEtag("\"tides-1\""));
    Duration interval = Duration.ofMinutes(1); // the shortest a source may ask for
    String source = a.app().sources().add(source("Tide Office", "/tides.xml", interval));
    Eventually.until("the first fetch", () -> fetchedAndRecorded(source, 1, interval));

    int intervals = 3;
    for (int i = 1; i <= intervals; i++) {
      // An interval passes on every node's clock; all three schedulers look every second.
      for (TestApp node : List.of(a, b, c)) {
        node.clock().advance(interval.plusSeconds(1));
      }
      int expected = 1 + i;
      Eventually.until(
          "fetch " + expected + " after " + i + " intervals",
          () -> fetchedAndRecorded(source, expected, interval));
      Thread.sleep(1_500); // a few more looks by every node: none may fetch it again
      assertThat(partner.requests("/tides.xml"))
          .as("fetches after " + i + " intervals, three nodes looking")
          .isEqualTo(expected);
    }
    System.out.printf(
        "three nodes: %d fetches over %d intervals%n", partner.requests("/tides.xml"), intervals);
  }

  /**
   * The feed was asked for {@code times} times and the last run is recorded: the next fetch is an
   * interval away, no longer the claim's ten-minute lease (so the next move of the clocks makes it
   * due).
   */
  boolean fetchedAndRecorded(String source, int times, Duration interval) {
    long next =
        a.sqlOne(Long.class, "SELECT coalesce(next_fetch_at, 0) FROM sources WHERE id = ?", source);
    return partner.requests("/tides.xml") >= times
        && next <= a.clock().millis() + interval.toMillis();
  }

  /** A verified reader, signed in on A, whose comments publish at once (three approved). */
  Visitor trustedReader(String userId) {
    Visitor reader = a.signedInNewAccount(userId, PASSWORD, Role.READER);
    Visitor moderator = a.signedIn("desk", PASSWORD);
    for (int i = 0; i < 3; i++) {
      reader.post(
          "/articles/" + f.own.slug() + "/comments",
          Map.of("body", "Warm-up note " + i + " " + System.nanoTime()));
    }
    for (String id : a.pendingCommentIds()) {
      assertThat(moderator.post("/staff/moderation/" + id + "/approve", Map.of()).statusCode())
          .isEqualTo(303);
    }
    return reader;
  }

  NewSource source(String name, String path, Duration interval) {
    return new NewSource(
        name,
        partner.url(path).toString(),
        FeedFormat.AUTO,
        "Syndicated News",
        "Republished under licence.",
        null,
        0,
        interval,
        Map.of(),
        SeoPolicy.CANONICAL,
        true,
        0);
  }

  static boolean search(Visitor visitor, String word) {
    HttpResponse<String> r = visitor.get("/api/v1/search?q=" + word);
    return r.statusCode() == 200 && r.body().contains("\"total\":1,");
  }

  static double pageCacheHits(Visitor admin) {
    String metrics = admin.get("/metrics").body();
    var m =
        java.util.regex.Pattern.compile(
                "cache_gets_total\\{cache=\"pages\",result=\"hit\"\\} ([0-9.E]+)")
            .matcher(metrics);
    assertThat(m.find()).as("page cache hits in /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }

  /**
   * Milliseconds from {@code since} (a nanoTime) until {@code done} holds, polled as fast as a
   * reader could reload; gives up after ten seconds (the caller's deadline then fails, with the
   * number).
   */
  static long msUntil(long since, BooleanSupplier done) {
    long giveUp = since + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since));
  }

  /** A reader's page on the live stream (Server-Sent Events), waiting for one comment's text. */
  static final class LiveReader implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch watching = new CountDownLatch(1);
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final AtomicLong arrivedAt = new AtomicLong();
    private final CompletableFuture<HttpResponse<Stream<String>>> stream;

    private LiveReader(String url, String text) {
      stream =
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
              HttpResponse.BodyHandlers.ofLines());
      stream.thenAcceptAsync(
          r ->
              r.body()
                  .forEach(
                      line -> {
                        if (line.startsWith(":")) {
                          watching.countDown(); // the server's ": watching" comment
                        } else if (line.startsWith("data:") && line.contains(text)) {
                          arrivedAt.compareAndSet(0, System.nanoTime());
                          arrived.countDown();
                        }
                      }),
          THREADS);
    }

    /** Connects and returns once the server says it is watching the article. */
    static LiveReader connect(String url, String text) throws InterruptedException {
      LiveReader reader = new LiveReader(url, text);
      assertThat(reader.watching.await(10, TimeUnit.SECONDS)).as("the live stream opened").isTrue();
      return reader;
    }

    long msUntilArrived(long since, Duration wait) throws InterruptedException {
      if (!arrived.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      }
      return Math.max(0, TimeUnit.NANOSECONDS.toMillis(arrivedAt.get() - since));
    }

    @Override
    public void close() {
      stream.thenAccept(r -> r.body().close());
      stream.cancel(true);
      http.shutdownNow();
    }
  }
}
