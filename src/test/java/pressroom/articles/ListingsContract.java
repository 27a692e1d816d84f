package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.reader.ReaderPages;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/**
 * Listings at archive size: every page of a long section reachable by its links in order, with
 * nothing lost or shown twice; the API's cursors; and which version of a story listings show as
 * versions arrive, are withdrawn, wait for an embargo or change priority. One subclass per
 * database.
 */
@RunningSite
abstract class ListingsContract implements RunningSite.OnDatabase {
  static final ObjectMapper JSON = new ObjectMapper();

  /** More than the numbered pages hold, so the walk crosses into positions. */
  static final int LONG_SECTION = Window.MAX_NUMBERED_PAGE * ReaderPages.PAGE_SIZE + 67;

  TestApp site;
  ArticleWrites dao;
  Listings listings;
  Sections sections;

  /** The long section's headlines, newest first, as readers should meet them. */
  List<String> expected;

  @BeforeAll
  void start() {
    dao = site.app().articles();
    listings = site.app().listings();
    sections = site.app().sections();
    sections.createSection("archive", "Archive", "A long section.", 0);
    sections.createSection("stories", "Stories", "Stories from several partners.", 1);
    Instant base = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
    Random random = new Random(18);
    List<NewArticle> batch = new ArrayList<>();
    for (int i = 0; i < LONG_SECTION; i++) {
      // Runs of articles share a millisecond: the id must order them, and no page may skip one.
      Instant at = base.plus(Duration.ofMinutes(i / 3 * 7L + random.nextInt(2)));
      batch.add(
          NewArticle.builder()
              .sectionSlug("archive")
              .headline("Archive item " + i)
              .authorNames(List.of("Archive Desk"))
              .bodyHtml("<p>Item.</p>")
              .publishedAt(at)
              .tagNames(List.of("archive-tag"))
              .status(ArticleStatus.PUBLISHED)
              .build());
    }
    List<ArticleWrites.StoredArticle> stored =
        site.app()
            .database()
            .jdbi()
            .inTransaction(
                h -> ArticleWrites.insertAll(h, batch, new NameIds(), site.clock().instant()));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      order.add(i);
    }
    order.sort(
        (x, y) -> {
          int byTime = batch.get(y).publishedAt().compareTo(batch.get(x).publishedAt());
          return byTime != 0 ? byTime : stored.get(y).id().compareTo(stored.get(x).id());
        });
    expected = order.stream().map(i -> batch.get(i).headline()).toList();
  }

  Document page(String path) {
    HttpResponse<String> r = site.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body(), TestApp.BASE_URL);
  }

  static List<String> headlines(Document d) {
    return d.select("ol.items .item-title").eachText();
  }

  static String link(Document d, String rel) {
    Element a = d.selectFirst(".pagination a[rel=" + rel + "]");
    return a == null ? null : a.attr("href");
  }

  /** Follows one rel link from {@code path} until it runs out; returns the pages' headlines. */
  List<List<String>> walk(String path, String rel, List<String> visited) {
    List<List<String>> pages = new ArrayList<>();
    for (String at = path; at != null; ) {
      visited.add(at);
      Document d = page(at);
      pages.add(headlines(d));
      at = link(d, rel);
      assertThat(pages).as("a walk ends").hasSizeLessThan(LONG_SECTION);
    }
    return pages;
  }

  @Test
  void everyArticleOfALongSectionIsReachedOnceInOrderByOlderLinksAndBackByNewer() {
    List<String> visited = new ArrayList<>();
    List<List<String>> pages = walk("/sections/archive", "next", visited);
    assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
    assertThat(pages)
        .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(ReaderPages.PAGE_SIZE));
    // Numbered while cheap, then positions.
    assertThat(visited.get(1)).isEqualTo("/sections/archive?page=2");
    assertThat(visited.get(Window.MAX_NUMBERED_PAGE)).startsWith("/sections/archive?before=");
    Document older = page(visited.get(Window.MAX_NUMBERED_PAGE));
    assertThat(older.title()).contains("older articles");
    // Past the numbers, the page says which days it covers.
    assertThat(older.selectFirst(".pagination span").text())
        .matches("\\d{1,2} [A-Z][a-z]+ \\d{4}( – \\d{1,2} [A-Z][a-z]+ \\d{4})?");
    assertThat(page("/sections/archive?page=2").selectFirst(".pagination span").text())
        .isEqualTo("Page 2");

    // Back up from the deepest page: the same pages, newest first again.
    String deepest = visited.getLast();
    List<List<String>> back = walk(deepest, "prev", new ArrayList<>());
    List<String> seenBack = new ArrayList<>();
    for (List<String> p : back.reversed()) {
      seenBack.addAll(p);
    }
    assertThat(seenBack).containsExactlyElementsOf(expected);
  }

  @Test
  void authorAndTagListingsReachTheirDeepestArticle() {
    for (String path : List.of("/authors/archive-desk", "/tags/archive-tag")) {
      List<List<String>> pages = walk(path, "next", new ArrayList<>());
      assertThat(pages.stream().flatMap(List::stream).toList())
          .as(path)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void pageNumbersPastTheCheapOnesAndMadeUpPositionsAreClearErrors() {
    HttpResponse<String> deep =
        site.get("/sections/archive?page=" + (Window.MAX_NUMBERED_PAGE + 1));
    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(deep.body()).text()).contains("from 1 to " + Window.MAX_NUMBERED_PAGE);
    HttpResponse<String> junk = site.get("/sections/archive?before=yesterday");
    assertThat(junk.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(junk.body()).text()).contains("not a position in this listing");
    assertThat(site.get("/sections/archive?before=1_x&page=2").statusCode()).isEqualTo(400);
    // A well-formed position older than everything: nothing there.
    assertThat(site.get("/sections/archive?before=1_0").statusCode()).isEqualTo(404);
  }

  @Test
  void theApiWalksTheWholeListingByCursor() throws Exception {
    List<String> seen = new ArrayList<>();
    String next = "/api/v1/articles?section=archive";
    int calls = 0;
    while (next != null) {
      HttpResponse<String> r = site.get(next);
      assertThat(r.statusCode()).as(next).isEqualTo(200);
      JsonNode body = JSON.readTree(r.body());
      body.get("items").forEach(i -> seen.add(i.get("headline").asText()));
      next =
          body.get("next").isNull()
              ? null
              : body.get("next").asText().substring(TestApp.BASE_URL.length());
      assertThat(++calls).isLessThan(LONG_SECTION);
    }
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(site.get("/api/v1/articles?before=nonsense").statusCode()).isEqualTo(400);
  }

  // ---- which version of a story listings show

  String source(String name, int priority) {
    String id =
        site.app()
            .sources()
            .createSource(
                name,
                "https://" + name.toLowerCase().replace(' ', '-') + ".example/",
                name,
                SeoPolicy.CANONICAL);
    site.app()
        .database()
        .jdbi()
        .useHandle(h -> h.execute("UPDATE sources SET priority = ? WHERE id = ?", priority, id));
    return id;
  }

  ArticleWrites.StoredArticle version(String sourceId, String story, String headline, Instant at) {
    NewArticle a =
        NewArticle.builder()
            .sectionSlug("stories")
            .sourceId(sourceId)
            .headline(headline)
            .authorNames(List.of("Story Desk"))
            .bodyHtml("<p>" + headline + "</p>")
            .publishedAt(at)
            .status(ArticleStatus.PUBLISHED)
            .provenance(new NewArticle.Provenance(headline, "hash-" + headline, null, 1L, story))
            .build();
    return site.app()
        .database()
        .jdbi()
        .inTransaction(h -> ArticleWrites.insert(h, a, new NameIds(), site.clock().instant()));
  }

  List<String> storiesListing() {
    return listings
        .listing(
            new Listings.Listing.InSection(sections.sectionBySlug("stories").orElseThrow().id()),
            Window.FIRST,
            100,
            Instant.now())
        .stream()
        .map(ArticleSummary::headline)
        .toList();
  }

  @Test
  void listingsShowTheHighestPriorityVersionThenTheNextWhenItIsWithdrawnAndFollowPriorityChanges() {
    String low = source("Low Wire", 0);
    String high = source("High Wire", 5);
    Instant t = Instant.now().minus(Duration.ofHours(2));
    var first = version(low, null, "Dam story from Low Wire", t);
    var second = version(high, first.id(), "Dam story from High Wire", t.plusSeconds(60));
    assertThat(storiesListing())
        .contains("Dam story from High Wire")
        .doesNotContain("Dam story from Low Wire");
    assertThat(
            listings
                .listing(new Listings.Listing.Latest(), Window.FIRST, 500, Instant.now())
                .stream()
                .map(ArticleSummary::headline))
        .contains("Dam story from High Wire")
        .doesNotContain("Dam story from Low Wire");

    dao.setStatus(second.id(), ArticleStatus.WITHDRAWN);
    assertThat(storiesListing())
        .contains("Dam story from Low Wire")
        .doesNotContain("Dam story from High Wire");
    dao.setStatus(second.id(), ArticleStatus.PUBLISHED);
    assertThat(storiesListing())
        .contains("Dam story from High Wire")
        .doesNotContain("Dam story from Low Wire");

    assertThat(site.app().sources().setPriority(low, 9))
        .as("articles in stories looked at again")
        .isEqualTo(2);
    assertThat(storiesListing())
        .contains("Dam story from Low Wire")
        .doesNotContain("Dam story from High Wire");
    // The author's listing follows the same choice.
    assertThat(page("/authors/story-desk").text())
        .contains("Dam story from Low Wire")
        .doesNotContain("Dam story from High Wire");
    // The partner leaving: its version is withdrawn and the other partner's takes its place.
    assertThat(site.app().sources().remove(low)).isEqualTo(1);
    assertThat(storiesListing())
        .contains("Dam story from High Wire")
        .doesNotContain("Dam story from Low Wire");
  }

  @Test
  void anEmbargoedVersionTakesOverOnlyWhenItsTimeComesEvenIfMaintenanceRunsLate() {
    String low = source("Early Wire", 0);
    String high = source("Embargo Wire", 7);
    Instant now = Instant.now();
    var out = version(low, null, "Budget story out now", now.minus(Duration.ofMinutes(30)));
    var embargoed = version(high, out.id(), "Budget story under embargo", now.plusMillis(1500));
    assertThat(storiesListing())
        .contains("Budget story out now")
        .doesNotContain("Budget story under embargo");
    // Maintenance that runs long after the time (a node that was down) still lists it.
    long later = now.plus(Duration.ofHours(3)).toEpochMilli();
    List<String> lifted =
        site.app().database().jdbi().inTransaction(h -> StoryLeads.liftEmbargoes(h, later));
    assertThat(lifted).containsExactly(embargoed.id());
    assertThat(
            listings
                .listing(
                    new Listings.Listing.InSection(
                        sections.sectionBySlug("stories").orElseThrow().id()),
                    Window.FIRST,
                    100,
                    Instant.ofEpochMilli(later))
                .stream()
                .map(ArticleSummary::headline))
        .contains("Budget story under embargo")
        .doesNotContain("Budget story out now");
    List<String> again =
        site.app().database().jdbi().inTransaction(h -> StoryLeads.liftEmbargoes(h, later));
    assertThat(again).isEmpty();
  }

  /**
   * Random versions, withdrawals, republications and embargoes on a few stories: after each step
   * the stored flags equal the rule applied to the stored rows, on both the articles and their
   * author links.
   */
  @Test
  void storedListedFlagsAlwaysFollowTheRule() {
    Random random = new Random(1818);
    List<String> sources = List.of(source("Prop A", 0), source("Prop B", 3), source("Prop C", 3));
    List<String> stories = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Instant now = Instant.now();
    for (int step = 0; step < 120; step++) {
      int action = random.nextInt(10);
      if (ids.isEmpty() || action < 5) {
        String story =
            stories.isEmpty() || random.nextInt(3) == 0
                ? null
                : stories.get(random.nextInt(stories.size()));
        Instant at =
            now.minus(Duration.ofMinutes(random.nextInt(50)))
                .plus(Duration.ofMinutes(random.nextInt(4) == 0 ? 30 : 0));
        var v = version(sources.get(random.nextInt(3)), story, "Prop " + step, at);
        ids.add(v.id());
        if (story == null) {
          stories.add(v.id());
        }
      } else if (action < 8) {
        dao.setStatus(ids.get(random.nextInt(ids.size())), ArticleStatus.WITHDRAWN);
      } else {
        dao.setStatus(ids.get(random.nextInt(ids.size())), ArticleStatus.PUBLISHED);
      }
      site.app().database().jdbi().useHandle(h -> checkFlags(h, stories));
    }
  }

  private static void checkFlags(Handle h, List<String> stories) {
    long checkedAt = System.currentTimeMillis();
    Map<String, List<StoryLeads.Version>> byStory = new HashMap<>();
    Map<String, Integer> listed = new HashMap<>();
    Map<String, Integer> linkListed = new HashMap<>();
    h.createQuery(
            "SELECT a.id, a.story_id, a.status, a.published_at, a.listed, coalesce(s.priority, 0) AS p,"
                + " (SELECT min(l.listed) FROM article_authors l WHERE l.article_id = a.id) AS link"
                + " FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.story_id IN (<stories>)")
        .bindList("stories", stories)
        .map(
            (rs, ctx) -> {
              var v =
                  new StoryLeads.Version(
                      rs.getString("id"),
                      ArticleStatus.fromDb(rs.getString("status")),
                      rs.getLong("published_at"),
                      rs.getInt("p"));
              byStory.computeIfAbsent(rs.getString("story_id"), k -> new ArrayList<>()).add(v);
              listed.put(v.id(), rs.getInt("listed"));
              linkListed.put(v.id(), rs.getInt("link"));
              return v;
            })
        .list();
    byStory.forEach(
        (story, versions) -> {
          String lead =
              StoryLeads.lead(versions, checkedAt).map(StoryLeads.Version::id).orElse(null);
          for (var v : versions) {
            int want = v.id().equals(lead) ? 1 : 0;
            assertThat(listed.get(v.id())).as("listed flag of " + v).isEqualTo(want);
            assertThat(linkListed.get(v.id())).as("author link flag of " + v).isEqualTo(want);
          }
        });
  }

  // ---- query plans: no listing may read every article, or sort them, whatever the planner knows

  /** A query as the site runs it, with realistic values. */
  record Planned(
      String name, String sql, Map<String, Object> binds, boolean sortsBoundedCandidates) {}

  List<Planned> everyListingQuery() {
    String section = sections.sectionBySlug("archive").orElseThrow().id();
    String author = listings.authorBySlug("archive-desk").orElseThrow().id();
    String tag = listings.tagBySlug("archive-tag").orElseThrow().id();
    long now = Instant.now().toEpochMilli();
    Window.Position at =
        new Window.Position(
            now - Duration.ofDays(200).toMillis(), "0193a4f2-0000-7000-8000-000000000000");
    List<Planned> all = new ArrayList<>();
    List<Listings.Listing> listings =
        List.of(
            new Listings.Listing.Latest(),
            new Listings.Listing.InSection(section),
            new Listings.Listing.ByAuthor(author),
            new Listings.Listing.WithTag(tag));
    List<Window> windows =
        List.of(new Window.Numbered(980), new Window.Before(at), new Window.After(at));
    for (Listings.Listing l : listings) {
      for (Window w : windows) {
        Map<String, Object> binds =
            new HashMap<>(
                Map.of(
                    "now",
                    now,
                    "limit",
                    21,
                    "offset",
                    980,
                    "atTime",
                    at.publishedAt(),
                    "atId",
                    at.id()));
        if (l.filter() != null) {
          binds.put("filter", l.filter());
        }
        all.add(
            new Planned(
                l + " " + w.getClass().getSimpleName(), Listings.listingSql(l, w), binds, false));
      }
    }
    Map<String, Object> related =
        new HashMap<>(Map.of("id", "x", "now", now, "story", "x", "limit", 4));
    for (int i = 0; i < 3; i++) {
      related.put("tag" + i, tag);
    }
    all.add(new Planned("related", ArticleReads.relatedSql(3), related, true));
    all.add(
        new Planned(
            "sitemap day",
            Sitemaps.INDEXABLE_SQL,
            Map.of("now", now, "since", now - 86_400_000L, "until", now, "limit", 50_000),
            false));
    all.add(new Planned("embargoes due", StoryLeads.DUE_EMBARGOES_SQL, Map.of("now", now), false));
    all.add(
        new Planned(
            "story versions",
            StoryLeads.STORY_VERSIONS_SQL.replace("<stories>", ":s1, :s2"),
            Map.of("s1", "a", "s2", "b"),
            false));
    all.add(
        new Planned(
            "reading list",
            pressroom.bookmarks.BookmarkDao.LIST_SQL,
            Map.of("u", "someone", "atTime", at.publishedAt(), "atId", at.id(), "limit", 51),
            false));
    return all;
  }

  /** Drops what the planner knows of the tables' sizes, where the database allows it. */
  void forgetStatistics(Handle h) {}

  /** The plan's lines, as the database describes them. */
  abstract List<String> plan(Handle h, Planned q);

  /** Why the plan of {@code q} reads more than its page of articles, or null if it does not. */
  abstract String fault(List<String> plan, Planned q);

  @Test
  void noListingQueryScansOrSortsArticlesWithOrWithoutPlannerStatistics() {
    List<String> faults = new ArrayList<>();
    for (boolean analyzed : List.of(false, true)) {
      site.app()
          .database()
          .jdbi()
          .useHandle(
              h -> {
                if (analyzed) {
                  h.execute("ANALYZE");
                } else {
                  forgetStatistics(h);
                }
                for (Planned q : everyListingQuery()) {
                  List<String> plan = plan(h, q);
                  String fault = fault(plan, q);
                  if (fault != null) {
                    faults.add(
                        (analyzed ? "analyzed: " : "as found: ")
                            + q.name()
                            + ": "
                            + fault
                            + "\n  "
                            + String.join("\n  ", plan));
                  }
                }
              });
    }
    assertThat(faults).as("listing queries whose cost grows with the archive").isEmpty();
  }
}
