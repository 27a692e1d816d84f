package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import pressroom.App;
import pressroom.articles.ArticleWrites;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;
import pressroom.testing.TestClock;
import pressroom.testing.TestDatabases;

/**
 * A start never waits for the search index: it is built in the background, or caught up from the
 * change log.
 */
class IndexStartTest {
  final Path dir = tempDir();
  final String db = TestDatabases.sqliteUrl(dir);
  final Jdbi jdbi = Jdbi.create(db);

  @Test
  void anEmptyIndexIsBuiltWhileTheSiteServesAndSearchSaysSoUntilItIsDone() throws Exception {
    try (TestApp first = start(app -> {})) {
      Fixtures.load(first.app());
    }
    deleteTree(dir.resolve("search-index")); // a new node, or an index another version wrote
    ageTheLog(); // so only the build, not the change-log follower, can index the articles
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TestApp site =
        start(
            app ->
                app.indexer()
                    .afterBatch(
                        n -> {
                          held.countDown();
                          await(release);
                        }))) {
      try {
        assertThat(held.await(20, TimeUnit.SECONDS)).as("the build runs after the start").isTrue();
        assertThat(site.get("/").statusCode()).isEqualTo(200);
        Document during = page(site, "/search?q=microgrid");
        assertThat(during.select("p.notice[role=status]").text())
            .isEqualTo(
                "Search is catching up: 4 of about 7 articles indexed so far; results may be incomplete.");
        JsonNode api = json(site, "/api/v1/search?q=microgrid").get("index");
        assertThat(api.get("state").asText()).isEqualTo("building");
        assertThat(api.get("indexed").asLong()).isEqualTo(4);
        assertThat(api.get("expected").asLong()).isEqualTo(7);

        release.countDown();
        Eventually.until(
            "the build finished",
            () -> site.app().indexer().status().state() == IndexStatus.State.READY);
        Document after = page(site, "/search?q=microgrid");
        assertThat(after.select(".item-title").eachText())
            .containsExactly("Mountain village switches on its solar microgrid");
        assertThat(after.select("p.notice")).isEmpty();
        assertThat(page(site, "/search").select("p.notice")).isEmpty();
        assertThat(json(site, "/api/v1/search?q=microgrid").get("index").toString())
            .isEqualTo("{\"state\":\"ready\"}");
      } finally {
        release.countDown(); // before the site closes its index under the build
      }
    }
  }

  @Test
  void aRestartCatchesUpFromTheChangeLogWithoutARebuild() {
    Fixtures f = firstRunThenStop();
    ArticleWrites dao =
        new ArticleWrites(
            jdbi, java.time.InstantSource.system()); // another node, while this one is down
    dao.updateText(
        f.own.id(),
        "Mountain village switches on its wind turbine",
        "<p>The turbine turned at dusk.</p>",
        Instant.now());
    dao.insert(kestrel());
    ageTheLog();
    try (TestApp site = start(app -> {})) {
      Eventually.until("the added article is found", () -> titles(site, "kestrel").size() == 1);
      Eventually.until(
          "the changed article is found by its new words",
          () -> titles(site, "turbine").size() == 1);
      assertThat(titles(site, "dockers")).hasSize(1);
      assertThat(site.app().indexer().rebuilds()).as("full rebuilds").isZero();
    }
  }

  @Test
  void anIndexBuiltByPressroomReindexIsCaughtUpAtTheNextStartNotBuiltAgain() {
    try (TestApp first =
        start(
            app ->
                app.indexer()
                    .afterBatch(
                        n -> {
                          throw new java.util.concurrent.CancellationException("no index yet");
                        }))) {
      Fixtures.load(first.app());
    }
    int code =
        pressroom.cli.PressroomCommand.run(
            new String[] {"reindex"},
            Map.of("PRESSROOM_DATA", dir.toString(), "PRESSROOM_DB_URL", db),
            new java.io.PrintWriter(new java.io.StringWriter(), true),
            new java.io.PrintWriter(new java.io.StringWriter(), true));
    assertThat(code).isZero();
    new ArticleWrites(jdbi, java.time.InstantSource.system())
        .insert(kestrel()); // written after the reindex, before the site starts
    try (TestApp site = start(app -> {})) {
      Eventually.until(
          "the article written after the reindex is found",
          () -> titles(site, "kestrel").size() == 1);
      assertThat(titles(site, "dockers")).hasSize(1);
      assertThat(site.app().indexer().rebuilds()).as("full rebuilds").isZero();
    }
  }

  @Test
  void whenTheLogNoLongerReachesBackTheIndexIsRebuiltInTheBackground() {
    firstRunThenStop();
    long stored =
        jdbi.withHandle(
            h -> h.createQuery("SELECT max(seq) FROM content_changes").mapTo(Long.class).one());
    new ArticleWrites(jdbi, java.time.InstantSource.system()).insert(kestrel());
    // A day later the hourly clean-up has deleted the rows after the stored seq, kestrel's too.
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM content_changes WHERE seq <= :seq")
                .bind("seq", stored + 1)
                .execute());
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO content_changes (article_id, changed_at) VALUES ('page:*', 0)")
                .execute());
    try (TestApp site = start(app -> ((TestClock) app.clock()).advance(Duration.ofDays(2)))) {
      Eventually.until(
          "the rebuilt index finds the article", () -> titles(site, "kestrel").size() == 1);
      assertThat(site.app().indexer().rebuilds()).isEqualTo(1);
      assertThat(titles(site, "dockers")).hasSize(1);
    }
  }

  @Test
  void thePlanAtStartFollowsFromTheIndexTheLogAndTheTime() {
    long now = 10 * 86_400_000L;
    long hour = 3_600_000L;
    var applied = java.util.Optional.of(new ArticleIndex.Applied(100, now - 30 * hour));
    var none = java.util.OptionalLong.empty();
    assertThat(StartPlan.of(0, applied, java.util.OptionalLong.of(1), now))
        .isEqualTo(new StartPlan.Build());
    assertThat(StartPlan.of(5, java.util.Optional.empty(), java.util.OptionalLong.of(1), now))
        .isInstanceOf(StartPlan.Rebuild.class);
    assertThat(StartPlan.of(5, applied, java.util.OptionalLong.of(101), now))
        .isEqualTo(new StartPlan.CatchUp(100));
    assertThat(StartPlan.of(5, applied, java.util.OptionalLong.of(7), now))
        .isEqualTo(new StartPlan.CatchUp(100));
    assertThat(StartPlan.of(5, applied, java.util.OptionalLong.of(102), now))
        .isInstanceOf(StartPlan.Rebuild.class);
    assertThat(StartPlan.of(5, applied, none, now)).isInstanceOf(StartPlan.Rebuild.class);
    // Stored less than a day ago: nothing after it can have been deleted (an identity's gaps, an
    // empty log).
    var recent = java.util.Optional.of(new ArticleIndex.Applied(100, now - 2 * hour));
    assertThat(StartPlan.of(5, recent, java.util.OptionalLong.of(102), now))
        .isEqualTo(new StartPlan.CatchUp(100));
    assertThat(StartPlan.of(5, recent, none, now)).isEqualTo(new StartPlan.CatchUp(100));
  }

  @Test
  void theNoticeSaysHowFarTheBuildHasGot() {
    assertThat(SearchPage.notice(new IndexStatus(IndexStatus.State.BUILDING, 120_000, 1_000_000)))
        .isEqualTo(
            "Search is catching up: 120,000 of about 1,000,000 articles indexed so far; results may be incomplete.");
    assertThat(SearchPage.notice(new IndexStatus(IndexStatus.State.BUILDING, 3, 0)))
        .isEqualTo("Search is catching up: 3 articles indexed so far; results may be incomplete.");
    assertThat(SearchPage.notice(new IndexStatus(IndexStatus.State.REBUILDING, 10, 20)))
        .isEqualTo(
            "Search is being rebuilt: 10 of about 20 articles read again so far; results may be out of date until it finishes.");
    assertThat(SearchPage.notice(new IndexStatus(IndexStatus.State.CATCHING_UP, 0, 0))).isNull();
    assertThat(SearchPage.notice(new IndexStatus(IndexStatus.State.READY, 0, 0))).isNull();
  }

  /** A first run that indexes the fixtures and stores how far into the log it got, then stops. */
  Fixtures firstRunThenStop() {
    try (TestApp first = start(app -> app.indexer().settleAfter(Duration.ZERO))) {
      Fixtures f = Fixtures.load(first.app());
      Eventually.until(
          "the fixtures are indexed",
          () -> titles(first, "microgrid").size() == 1 && titles(first, "dockers").size() == 1);
      return f;
    }
  }

  TestApp start(Consumer<App> beforeStart) {
    return TestApp.startOn(db, dir, false, Map.of(), beforeStart);
  }

  /** The log's rows, older than the follower's look-back: it delivers none of them. */
  void ageTheLog() {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE content_changes SET changed_at = changed_at - 60000").execute());
  }

  static pressroom.articles.NewArticle kestrel() {
    return Fixtures.story(
        "Lighthouse keepers return to Kestrel Point",
        "<p>The lighthouse at Kestrel Point has keepers again.</p>",
        Instant.now().minusSeconds(60));
  }

  static List<String> titles(TestApp site, String q) {
    return page(site, "/search?q=" + q).select(".item-title").eachText();
  }

  static Document page(TestApp site, String path) {
    var r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  static JsonNode json(TestApp site, String path) throws IOException {
    return new ObjectMapper().readTree(site.get(path).body());
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("pressroom-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
