package pressroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.NewSource;
import pressroom.testing.Eventually;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;
import pressroom.testing.TestFeeds.RssItem;

/**
 * Partners' feeds, served by a real local HTTP server, become article pages; one subclass per
 * database.
 */
// The tests run each fetch themselves: the scheduler polling a just-added source first made a
// test's own run find nothing new, now and then.
@RunningSite(
    settings = {"PRESSROOM_INGEST_ALLOW_PRIVATE=true", "PRESSROOM_INGEST_CHECK_SECONDS=3600"})
abstract class IngestContract implements RunningSite.OnDatabase {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  static final String BODY =
      "<p>Dockers in Diyarbakır said “we are back” on Tuesday — after nine weeks.</p>"
          + "<p>See <a href=\"/background\">the background</a>.</p>"
          + "<p>The port’s director called it ‘a fresh start’.</p>";

  TestApp site;
  FakePublisher partner;
  int counter;

  @BeforeAll
  void start() {
    site.app().sections().createSection("syndicated-news", "Syndicated News", "", 0);
  }

  @BeforeEach
  void partner() {
    partner = FakePublisher.start();
  }

  @AfterEach
  void closePartner() {
    partner.close();
  }

  FeedSource add(String name, String path, SeoPolicy policy, int expireDays, int priority) {
    String id =
        site.app()
            .sources()
            .add(
                new NewSource(
                    name + " " + (++counter),
                    partner.url(path).toString(),
                    FeedFormat.AUTO,
                    "Syndicated News",
                    "Republished under licence from " + name + ".",
                    null,
                    priority,
                    Duration.ofMinutes(15),
                    Map.of("X-Api-Key", "secret-key-123"),
                    policy,
                    true,
                    expireDays));
    return site.app().sources().find(id).orElseThrow();
  }

  FeedSource reload(FeedSource s) {
    return site.app().sources().find(s.id()).orElseThrow();
  }

  IngestReport ingest(FeedSource s) {
    return site.app().poller().runNow(reload(s));
  }

  /**
   * The address of the listed article with this headline; listings follow changes within a second.
   */
  String slugOf(String headline) {
    return pressroom.testing.Eventually.value(
        "listed: " + headline,
        () ->
            Jsoup.parse(site.get("/sections/syndicated-news").body())
                .select(".item-title a")
                .stream()
                .filter(a -> a.text().equals(headline))
                .map(a -> a.attr("href").substring("/articles/".length()))
                .findFirst()
                .orElse(null));
  }

  /** The section listing once the site has applied the latest changes. */
  String listingAfterChanges() {
    site.app().applyContentChanges();
    return site.get("/sections/syndicated-news").body();
  }

  Document article(String slug) {
    HttpResponse<String> r = site.get("/articles/" + slug);
    assertThat(r.statusCode()).as(slug).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  String unique(String text) {
    return text + " " + (++counter);
  }

  @Test
  void anRssItemBecomesAnAttributedArticleWithEveryAuthorInOrder() {
    String title = unique("Harbour cranes return to work");
    partner.serve(
        "/wire.xml",
        TestFeeds.rss(
            new RssItem(
                "h-" + counter,
                title,
                "By Jane Roe, Ali Hassan and Mary O. Doe | Reuters",
                BODY,
                NOW.minusSeconds(3600),
                "Ports",
                "Labour")),
        "application/rss+xml");
    FeedSource s = add("Test Wire", "/wire.xml", SeoPolicy.CANONICAL, 0, 0);
    IngestReport r = ingest(s);
    assertThat(r.ok()).as(r.summary()).isTrue();
    assertThat(r.counts().inserted()).isEqualTo(1);
    assertThat(partner.lastHeaders("/wire.xml")).containsEntry("x-api-key", "secret-key-123");
    assertThat(partner.lastHeaders("/wire.xml").get("user-agent")).startsWith("Pressroom/");

    Document d = article(slugOf(title));
    assertThat(d.selectFirst(".byline").text())
        .isEqualTo("By Jane Roe, Ali Hassan and Mary O. Doe");
    assertThat(d.select(".story-body p")).hasSize(3);
    assertThat(d.select(".story-body").text())
        .contains("Diyarbakır said “we are back” on Tuesday — after nine weeks.");
    assertThat(d.select(".story-body a").attr("href")).isEqualTo("https://wire.example/background");
    assertThat(d.selectFirst(".attribution").text()).startsWith("From Test Wire");
    assertThat(d.select(".attribution a.original").attr("href"))
        .isEqualTo("https://wire.example/stories/h-" + (counter - 1));
    assertThat(d.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://wire.example/stories/h-" + (counter - 1));
    assertThat(d.select(".licence").text()).isEqualTo("Republished under licence from Test Wire.");
    assertThat(d.select(".tags a").eachText()).containsExactly("Labour", "Ports");
  }

  @Test
  void atomJsonFeedAndNinjsItemsBecomeArticlesToo() {
    String atomTitle = unique("Night trains return to the coast line");
    partner.serve(
        "/atom.xml",
        TestFeeds.atom(
            "urn:a:" + counter,
            atomTitle,
            "Łukasz Wróbel",
            "Zofia Wiśniewska",
            "<p>The first sleeper left at ten.</p>",
            NOW.minusSeconds(7200)),
        "application/atom+xml");
    String jsonTitle = unique("Valley farmers agree a water rota");
    partner.serve(
        "/feed.json",
        TestFeeds.jsonFeed(
            "j-" + counter,
            jsonTitle,
            "Ayşe Çağlar Öztürk",
            "<p>The rota starts on Monday.</p>",
            NOW.minusSeconds(5400)),
        "application/feed+json");
    String ninjsTitle = unique("Regional count finishes after two days");
    partner.serve(
        "/item.json",
        TestFeeds.ninjs3(
            "urn:n:" + counter,
            ninjsTitle,
            "Rêbaz Şêxanî and Þórdís Jónsdóttir",
            "<p>Counting ended at dawn.</p>",
            NOW.minusSeconds(4000),
            1,
            "usable",
            null),
        "application/json");

    for (String path : List.of("/atom.xml", "/feed.json", "/item.json")) {
      IngestReport r = ingest(add("Partner", path, SeoPolicy.OWN, 0, 0));
      assertThat(r.ok()).as(r.summary()).isTrue();
      assertThat(r.counts().inserted()).as(path).isEqualTo(1);
    }
    assertThat(article(slugOf(atomTitle)).selectFirst(".byline").text())
        .isEqualTo("By Łukasz Wróbel and Zofia Wiśniewska");
    assertThat(article(slugOf(jsonTitle)).selectFirst(".byline").text())
        .isEqualTo("By Ayşe Çağlar Öztürk");
    Document ninjs = article(slugOf(ninjsTitle));
    assertThat(ninjs.selectFirst(".byline").text())
        .isEqualTo("By Rêbaz Şêxanî and Þórdís Jónsdóttir");
    assertThat(ninjs.select(".story-body").text()).isEqualTo("Counting ended at dawn.");
  }

  @Test
  void conditionalGetAsksOnlyForWhatChanged() {
    String title = unique("Ferry timetable for winter");
    partner.respond(
        "/cond.xml",
        Response.ok(
                TestFeeds.rss(
                    new RssItem("c-" + counter, title, "Jane Roe", BODY, NOW.minusSeconds(600))),
                "application/rss+xml")
            .withEtag("\"v1\"")
            .gzipped());
    FeedSource s = add("Cond Wire", "/cond.xml", SeoPolicy.CANONICAL, 0, 0);
    assertThat(ingest(s).counts().inserted()).isEqualTo(1);
    assertThat(reload(s).etag()).isEqualTo("\"v1\"");
    IngestReport second = ingest(s);
    assertThat(partner.lastHeaders("/cond.xml")).containsEntry("if-none-match", "\"v1\"");
    assertThat(second.notModified()).isTrue();
    assertThat(reload(s).health()).isEqualTo("ok");
  }

  @Test
  void aRateLimitedOrBrokenFeedBacksOffAndSaysWhyInPlainWords() {
    partner.respond("/busy.xml", Response.status(503).withHeader("Retry-After", "7200"));
    FeedSource s = add("Busy Wire", "/busy.xml", SeoPolicy.CANONICAL, 0, 0);
    IngestReport r = ingest(s);
    assertThat(r.ok()).isFalse();
    FeedSource after = reload(s);
    assertThat(after.health()).isEqualTo("failing");
    assertThat(after.lastError()).contains("503");
    assertThat(after.nextFetchAt()).isAfter(site.clock().instant().plusSeconds(7100));
    assertThat(after.consecutiveFailures()).isEqualTo(1);

    partner.respond("/broken.xml", Response.status(500));
    FeedSource b = add("Broken Wire", "/broken.xml", SeoPolicy.CANONICAL, 0, 0);
    ingest(b);
    Instant firstRetry = reload(b).nextFetchAt();
    ingest(b);
    Instant secondRetry = reload(b).nextFetchAt();
    // Exponential: the second wait is clearly longer than the first (15 min * 2, then * 4, ±20 %).
    Instant now = site.clock().instant();
    assertThat(Duration.between(now, secondRetry))
        .isGreaterThan(Duration.between(now, firstRetry).plusMinutes(10));
    assertThat(reload(b).lastError()).isEqualTo("HTTP 500 from the server");
    assertThat(reload(b).lastError()).doesNotContain("secret-key-123");
  }

  @Test
  void aSourceIsPolledAgainOnceItsIntervalHasPassedAndNotBefore() {
    String title = unique("Harbour dredging resumes");
    partner.serve(
        "/due.xml",
        TestFeeds.rss(new RssItem("d-" + counter, title, "Jane Roe", BODY, NOW.minusSeconds(300))),
        "application/rss+xml");
    FeedSource s = add("Due Wire", "/due.xml", SeoPolicy.CANONICAL, 0, 0);
    assertThat(ingest(s).counts().inserted()).isEqualTo(1);
    assertThat(reload(s).nextFetchAt())
        .isBetween(
            site.clock().instant().plus(Duration.ofMinutes(14)),
            site.clock().instant().plus(Duration.ofMinutes(15)));
    assertThat(site.app().poller().runDue()).noneMatch(r -> r.sourceId().equals(s.id()));

    List<IngestReport> later =
        withClockAhead(Duration.ofMinutes(16), () -> site.app().poller().runDue());
    assertThat(later)
        .filteredOn(r -> r.sourceId().equals(s.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.counts().unchanged()).isEqualTo(1));
  }

  /**
   * Runs {@code work} with the site's clock {@code ahead}, then sets it back: the site and its
   * sources are shared by the tests of this class, whose feeds are dated by the wall clock.
   */
  <T> T withClockAhead(Duration ahead, java.util.function.Supplier<T> work) {
    site.clock().advance(ahead);
    try {
      return work.get();
    } finally {
      site.clock().advance(ahead.negated());
    }
  }

  @Test
  void aPermanentRedirectUpdatesTheStoredUrlAndGoneDisablesTheSource() {
    String title = unique("Museum returns manuscripts");
    partner.serve(
        "/new.xml",
        TestFeeds.rss(new RssItem("m-" + counter, title, "Jane Roe", BODY, NOW.minusSeconds(900))),
        "application/rss+xml");
    partner.respond("/old.xml", Response.redirect(301, "/new.xml"));
    FeedSource s = add("Moved Wire", "/old.xml", SeoPolicy.CANONICAL, 0, 0);
    assertThat(ingest(s).counts().inserted()).isEqualTo(1);
    assertThat(reload(s).feedUrl()).isEqualTo(partner.url("/new.xml").toString());

    partner.respond("/gone.xml", Response.status(410));
    FeedSource g = add("Gone Wire", "/gone.xml", SeoPolicy.CANONICAL, 0, 0);
    ingest(g);
    assertThat(reload(g).state()).isEqualTo(FeedSource.State.GONE);
    assertThat(site.app().sources().due(site.clock().instant().plusSeconds(86_400)))
        .noneMatch(x -> x.id().equals(g.id()));
  }

  /** A keyed feed moved to another origin is read there, but its key's address stays ours. */
  @Test
  void aPermanentMoveToAnotherOriginIsNotStoredForAKeyedFeed() throws Exception {
    try (FakePublisher elsewhere = FakePublisher.start()) {
      String title = unique("Ferry fares frozen");
      elsewhere.serve(
          "/feed.xml",
          TestFeeds.rss(
              new RssItem("e-" + counter, title, "Jane Roe", BODY, NOW.minusSeconds(900))),
          "application/rss+xml");
      partner.respond(
          "/leaving.xml", Response.redirect(301, elsewhere.url("/feed.xml").toString()));
      FeedSource s = add("Keyed Wire", "/leaving.xml", SeoPolicy.CANONICAL, 0, 0);
      assertThat(s.requestHeaders()).isNotEmpty();
      assertThat(ingest(s).counts().inserted()).isEqualTo(1);
      // Stored, the new address would take the X-Api-Key header there on every later fetch.
      assertThat(reload(s).feedUrl()).isEqualTo(partner.url("/leaving.xml").toString());
    }
  }

  @Test
  void aCorrectionUpdatesThePageAndKeepsTheRevisionAnOlderCopyChangesNothing() {
    String guid = "u-" + (++counter);
    String title = unique("Budget vote delayed");
    partner.serve(
        "/upd.xml",
        TestFeeds.rss(
            new RssItem(guid, title, "Jane Roe", "<p>First text.</p>", NOW.minusSeconds(7200))),
        "application/rss+xml");
    FeedSource s = add("Upd Wire", "/upd.xml", SeoPolicy.CANONICAL, 0, 0);
    ingest(s);
    String slug = slugOf(title);
    assertThat(article(slug).select(".dateline").text()).doesNotContain("Updated");

    partner.serve(
        "/upd.xml",
        TestFeeds.rss(
            new RssItem(guid, title, "Jane Roe", "<p>Corrected text.</p>", NOW.minusSeconds(7200))),
        "application/rss+xml");
    IngestReport r = ingest(s);
    assertThat(r.counts().updated()).isEqualTo(1);
    Eventually.until(
        "the corrected text is served",
        () -> site.get("/articles/" + slug).body().contains("Corrected text."));
    assertThat(article(slug).select(".dateline").text()).contains("Updated");
    assertThat(revisions(slug)).containsExactly("<p>First text.</p>");

    IngestReport again = ingest(s);
    assertThat(again.counts().unchanged()).isEqualTo(1);
    assertThat(again.counts().updated()).isZero();

    // The item scrolling out of the feed is not a withdrawal.
    partner.serve("/upd.xml", TestFeeds.rss(), "application/rss+xml");
    ingest(s);
    assertThat(site.get("/articles/" + slug).statusCode()).isEqualTo(200);
  }

  List<String> revisions(String slug) {
    return site.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT r.body_html FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.slug = :s ORDER BY r.replaced_at")
                    .bind("s", slug)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void theSameStoryFromTwoPartnersIsListedOnceWithAlsoFromLinks() {
    String story =
        "<p>Farmers in the valley agreed a rotation for irrigation water during the drought season,"
            + " with the cooperative publishing a timetable for every village along the canal.</p>"
            + "<p>Compensation was promised for those whose fields receive less this summer, and the"
            + " regional water board said the plan would be reviewed in the spring.</p>"
            + "<p>Village representatives met for three days before the timetable was agreed, and"
            + " several said the talks had been difficult but fair to upstream and downstream farms.</p>"
            + "<p>The cooperative will publish weekly figures on how much water each district has"
            + " received, so that any shortfall can be made up before the harvest begins.</p>";
    String first = unique("Valley farmers agree drought water rotation");
    String second = unique("Farmers in the valley agree a drought water rotation");
    partner.serve(
        "/a.xml",
        TestFeeds.rss(
            new RssItem("s1-" + counter, first, "Jane Roe", story, NOW.minusSeconds(3000))),
        "application/rss+xml");
    partner.serve(
        "/b.xml",
        TestFeeds.rss(
            new RssItem(
                "s2-" + counter,
                second,
                "Ali Hassan",
                story.replace("the valley", "the Harran valley"),
                NOW.minusSeconds(2000))),
        "application/rss+xml");
    FeedSource high = add("Priority Wire", "/a.xml", SeoPolicy.CANONICAL, 0, 10);
    FeedSource low = add("Other Wire", "/b.xml", SeoPolicy.CANONICAL, 0, 0);
    ingest(high);
    ingest(low);

    slugOf(first);
    List<String> titles = Jsoup.parse(listingAfterChanges()).select(".item-title").eachText();
    assertThat(titles).contains(first).doesNotContain(second);
    Document lead = article(slugOf(first));
    assertThat(lead.select(".also-from a").eachText()).containsExactly(low.name());
    String otherSlug = lead.select(".also-from a").attr("href").substring("/articles/".length());
    assertThat(article(otherSlug).select(".also-from a").eachText()).containsExactly(high.name());
  }

  @Test
  void aKillNoticeWithdrawsTheArticleWhichThenAnswers410() {
    String uri = "urn:kill:" + (++counter);
    String title = unique("Minister resigns over port contract");
    partner.serve(
        "/kill.json",
        TestFeeds.ninjs3(
            uri, title, "Jane Roe", "<p>Text.</p>", NOW.minusSeconds(3600), 1, "usable", null),
        "application/json");
    FeedSource s = add("Ninjs Wire", "/kill.json", SeoPolicy.CANONICAL, 0, 0);
    ingest(s);
    String slug = slugOf(title);
    partner.serve(
        "/kill.json",
        TestFeeds.ninjs3(
            uri, title, "Jane Roe", "<p>Text.</p>", NOW.minusSeconds(60), 2, "canceled", null),
        "application/json");
    assertThat(ingest(s).counts().withdrawn()).isEqualTo(1);
    Eventually.until(
        "the article answers 410", () -> site.get("/articles/" + slug).statusCode() == 410);
    assertThat(Jsoup.parse(site.get("/articles/" + slug).body()).text())
        .contains("withdrawn by its publisher");
    assertThat(listingAfterChanges()).doesNotContain(title);
  }

  @Test
  void aKillNoticeForAnArticleAnEditorWithdrewMakesItThePartnersToKeep() {
    String uri = "urn:kill:" + (++counter);
    String title = unique("Councillor cleared of charges");
    partner.serve(
        "/kill-after.json",
        TestFeeds.ninjs3(
            uri, title, "Jane Roe", "<p>Text.</p>", NOW.minusSeconds(3600), 1, "usable", null),
        "application/json");
    FeedSource s = add("Ninjs Wire", "/kill-after.json", SeoPolicy.CANONICAL, 0, 0);
    ingest(s);
    String id = site.sqlOne(String.class, "SELECT id FROM articles WHERE headline = ?", title);
    TestApp.Visitor editor =
        site.signedInNewAccount(
            "kill.editor" + counter, "a quiet editing room", pressroom.web.Access.Role.EDITOR);
    assertThat(
            editor
                .post("/staff/articles/" + id + "/withdraw", Map.of("reason", "Checking."))
                .statusCode())
        .isEqualTo(303);
    partner.serve(
        "/kill-after.json",
        TestFeeds.ninjs3(
            uri, title, "Jane Roe", "<p>Text.</p>", NOW.minusSeconds(60), 2, "canceled", null),
        "application/json");
    ingest(s);

    HttpResponse<String> restore = editor.post("/staff/articles/" + id + "/restore", Map.of());
    assertThat(restore.statusCode()).isEqualTo(409);
    assertThat(restore.body()).contains("stays withdrawn");
    assertThat(site.sqlOne(String.class, "SELECT status FROM articles WHERE id = ?", id))
        .isEqualTo("withdrawn");
  }

  @Test
  void anArticleAnEditorWithdrewCannotBeRestoredPastItsLicence() {
    String title = unique("Harbour archive piece");
    partner.serve(
        "/licensed.xml",
        TestFeeds.rss(
            new RssItem(
                "l-" + counter,
                title,
                "Jane Roe",
                "<p>From the archive.</p>",
                Instant.now().minus(Duration.ofDays(3)))),
        "application/rss+xml");
    FeedSource s = add("Short Licence Wire", "/licensed.xml", SeoPolicy.NOINDEX, 2, 0);
    ingest(s);
    String id = site.sqlOne(String.class, "SELECT id FROM articles WHERE headline = ?", title);
    TestApp.Visitor editor =
        site.signedInNewAccount(
            "licence.editor" + counter, "a quiet editing room", pressroom.web.Access.Role.EDITOR);
    editor.post("/staff/articles/" + id + "/withdraw", Map.of("reason", "Checking."));
    site.app().licences().run(site.clock().instant()); // passes over what is withdrawn

    HttpResponse<String> restore = editor.post("/staff/articles/" + id + "/restore", Map.of());
    assertThat(restore.statusCode()).isEqualTo(409);
    assertThat(restore.body()).contains("licence for this article has run out");
    assertThat(site.sqlOne(String.class, "SELECT status FROM articles WHERE id = ?", id))
        .isEqualTo("withdrawn");
  }

  @Test
  void anEmbargoedItemIsInvisibleUntilItsTime() {
    String title = unique("Quarterly trade figures");
    Instant until = site.clock().instant().plusSeconds(3);
    partner.serve(
        "/embargo.json",
        TestFeeds.ninjs3(
            "urn:e:" + counter,
            title,
            "Jane Roe",
            "<p>Figures.</p>",
            NOW.minusSeconds(60),
            1,
            "usable",
            until),
        "application/json");
    FeedSource s = add("Embargo Wire", "/embargo.json", SeoPolicy.CANONICAL, 0, 0);
    ingest(s);
    assertThat(listingAfterChanges()).doesNotContain(title);
    assertThat(site.get("/").body()).doesNotContain(title);
    site.clock().advance(Duration.between(site.clock().instant(), until).plusMillis(200));
    site.app().licences().run(site.clock().instant());
    pressroom.testing.Eventually.until(
        "listed after the embargo",
        () -> site.get("/sections/syndicated-news").body().contains(title));
    assertThat(site.get("/articles/" + slugOf(title)).statusCode()).isEqualTo(200);
  }

  @Test
  void anArticlePastItsLicencePeriodExpiresAndSaysSo() {
    String title = unique("Old harbour story");
    partner.serve(
        "/old-items.xml",
        TestFeeds.rss(
            new RssItem(
                "o-" + counter,
                title,
                "Jane Roe",
                "<p>Old news from the harbour archive.</p>",
                Instant.now().minus(Duration.ofDays(3)))),
        "application/rss+xml");
    FeedSource s = add("Short Licence Wire", "/old-items.xml", SeoPolicy.NOINDEX, 2, 0);
    ingest(s);
    String slug = slugOf(title);
    assertThat(site.app().licences().run(site.clock().instant())).isEqualTo(1);
    Eventually.until(
        "the article answers 410", () -> site.get("/articles/" + slug).statusCode() == 410);
    assertThat(Jsoup.parse(site.get("/articles/" + slug).body()).text())
        .contains("no longer available under our licence");
  }

  @Test
  void oneBrokenItemNeverLosesTheRest() {
    String good = unique("Good item survives");
    String feed =
        TestFeeds.rss(
            new RssItem(
                "g-" + counter,
                good,
                "Jane Roe",
                "<p>A story of its own about a good item.</p>",
                NOW.minusSeconds(100)),
            new RssItem("e-" + counter, "", "Jane Roe", "", NOW.minusSeconds(50)));
    partner.serve("/mixed.xml", feed, "application/rss+xml");
    IngestReport r = ingest(add("Mixed Wire", "/mixed.xml", SeoPolicy.CANONICAL, 0, 0));
    assertThat(r.ok()).isTrue();
    assertThat(r.counts().inserted()).isEqualTo(1);
    assertThat(r.skipped()).hasSize(1);
    slugOf(good);
  }

  /**
   * Dates in shapes Rome refuses are read as the feed meant them, so years-old stories stay old;
   * the one that cannot be read is dated when first seen, keeps that time, and is named.
   */
  @Test
  void datesWrittenTheWayRealFeedsWriteThemAreReadAndOneThatCannotBeIsNamed() {
    String feed =
        new String(
            pressroom.testing.TestFeeds.fixture("dates-real-world.xml"),
            java.nio.charset.StandardCharsets.UTF_8);
    partner.serve("/dates.xml", feed, "application/rss+xml");
    FeedSource s = add("Almanac Wire", "/dates.xml", SeoPolicy.CANONICAL, 0, 0);
    Instant before = site.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    IngestReport r = ingest(s);
    Instant after = site.clock().instant();
    assertThat(r.ok()).as(r.summary()).isTrue();
    assertThat(r.counts().inserted()).isEqualTo(14);
    String named =
        "1 item had a date that could not be read:"
            + " \"Bridge repainting reaches the last span\" (sent \"sometime last spring\")";
    assertThat(r.unreadableDatesLine()).isEqualTo(named);

    Map<String, Instant> published = publishedTimes(s);
    assertThat(published)
        .containsAllEntriesOf(
            Map.ofEntries(
                Map.entry("no-space-after-comma", Instant.parse("2019-03-03T07:30:00Z")),
                Map.entry("comma-after-day", Instant.parse("2019-06-14T22:00:00Z")),
                Map.entry("abbreviated-month", Instant.parse("2020-09-02T10:45:00Z")),
                Map.entry("no-time", Instant.parse("2020-11-11T00:00:00Z")),
                Map.entry("zone-et", Instant.parse("2023-07-04T14:00:00Z")),
                Map.entry("zone-mest", Instant.parse("2023-07-15T14:20:00Z")),
                Map.entry("asctime", Instant.parse("2018-01-08T06:05:00Z")),
                Map.entry("twitter", Instant.parse("2018-02-01T21:10:00Z")),
                Map.entry("iso-space", Instant.parse("2021-12-24T08:00:00Z")),
                Map.entry("iso-no-zone", Instant.parse("2022-08-30T17:45:00Z")),
                Map.entry("korean", Instant.parse("2021-03-15T00:30:00Z")),
                Map.entry("greek", Instant.parse("2021-10-20T11:00:00Z")),
                Map.entry("hungarian", Instant.parse("2022-04-05T10:00:00Z"))));
    Instant firstSeen = published.get("unreadable");
    assertThat(firstSeen).isBetween(before, after);

    // A correction a day later does not move the time the undated item was first seen.
    partner.serve(
        "/dates.xml",
        feed.replace("its original text", "its corrected text"),
        "application/rss+xml");
    IngestReport again = withClockAhead(Duration.ofDays(1), () -> ingest(s));
    assertThat(again.counts().updated()).isEqualTo(1);
    assertThat(again.unreadableDatesLine()).isEqualTo(named);
    assertThat(publishedTimes(s))
        .containsEntry("unreadable", firstSeen)
        .containsEntry("twitter", Instant.parse("2018-02-01T21:10:00Z"));
  }

  /** Each stored article's published time, by guid. */
  Map<String, Instant> publishedTimes(FeedSource s) {
    return site.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h
                    .createQuery(
                        "SELECT source_guid, published_at FROM articles WHERE source_id = :s")
                    .bind("s", s.id())
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString("source_guid"),
                                Instant.ofEpochMilli(rs.getLong("published_at"))))
                    .list()
                    .stream()
                    .collect(
                        java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void staffSourcesPageIsClosedToAnonymousVisitors() {
    assertThat(site.get("/staff/sources").statusCode()).isEqualTo(403);
    assertThat(site.get("/staff/sources").body()).contains("Staff only");
  }
}
