package pressroom.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import pressroom.articles.ArticleStatus;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/**
 * Bookmark and Share on the article page, the reading list and its API; one subclass per database.
 */
@RunningSite
abstract class BookmarksAndShareContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet reading room";
  TestApp site;
  Fixtures f;
  int counter;

  String newReader() {
    String id = "saver" + (++counter);
    site.app().accounts().createVerified(id, id + "@mail.example", PASSWORD, Role.READER);
    return id;
  }

  @Test
  void shareLinksCarryTheArticlesAddressAndTitleAndNothingThirdPartyLoads() {
    HttpResponse<String> r = site.get("/articles/" + f.wire.slug());
    Document d = Jsoup.parse(r.body());
    String url = TestApp.BASE_URL + "/articles/" + f.wire.slug();
    // The same bar under the byline and again at the end of the article.
    for (String bar : java.util.List.of("#bookmark-share", "#bookmark-share-end")) {
      assertThat(d.select(bar + " h2").text()).isEqualTo("Bookmark and Share");
      var links = d.select(bar + " .share a.share-link");
      assertThat(links.eachText())
          .containsExactly(
              "X", "Facebook", "LinkedIn", "WhatsApp", "Reddit", "Bluesky", "Threads", "E-mail");
      for (var a : links) {
        String decoded = URLDecoder.decode(a.attr("href"), StandardCharsets.UTF_8);
        assertThat(decoded).as(a.text()).contains(url);
      }
      assertThat(URLDecoder.decode(links.get(0).attr("href"), StandardCharsets.UTF_8))
          .contains("Harbour cranes return to work after the long dispute");
      // Without a script the "copy" link is the public address itself, to long-press.
      assertThat(d.select(bar + " a[data-copy]").attr("href")).isEqualTo(url);
    }
    assertThat(d.select("#bookmark-share .share a.share-link").eachAttr("href"))
        .isEqualTo(d.select("#bookmark-share-end .share a.share-link").eachAttr("href"));
    // No script, frame or image from another site on the page.
    assertThat(d.select("script[src], iframe, img[src]").eachAttr("src"))
        .allMatch(src -> src.startsWith("/") || src.startsWith(TestApp.BASE_URL));
    assertThat(d.select("meta[property=og:image]").attr("content"))
        .isEqualTo(TestApp.BASE_URL + "/static/og-default.png");
    assertThat(d.select("meta[name=twitter:card]").attr("content"))
        .isEqualTo("summary_large_image");
    HttpResponse<byte[]> png = site.getBytes("/static/og-default.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(png.body().length).isLessThan(5 * 1024 * 1024);
  }

  @Test
  void anAnonymousBookmarkAsksToSignInAndIsSavedAfterwards() {
    String id = newReader();
    Visitor v = site.newVisitor();
    HttpResponse<String> ask =
        v.post("/articles/" + f.noindex.slug() + "/bookmark", Map.of("action", "add"));
    assertThat(ask.statusCode()).isEqualTo(303);
    String location = ask.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/signin?return=").contains("bookmark=" + f.noindex.slug());
    Document signin = Jsoup.parse(v.get(location).body());
    assertThat(signin.select("input[name=bookmark]").val()).isEqualTo(f.noindex.slug());
    HttpResponse<String> in =
        v.post(
            "/signin",
            Map.of(
                "login",
                id,
                "password",
                PASSWORD,
                "return",
                "/articles/" + f.noindex.slug(),
                "bookmark",
                f.noindex.slug()));
    assertThat(in.statusCode()).isEqualTo(303);
    Document list = Jsoup.parse(v.get("/reading-list").body());
    assertThat(list.select(".item-title").eachText())
        .containsExactly("Quiet valley votes on new water rules");
    assertThat(
            Jsoup.parse(v.get("/articles/" + f.noindex.slug()).body())
                .select("#bookmark-share button[aria-pressed=true]"))
        .hasSize(1);
  }

  @Test
  void theReadingListIsNewestFirstKeepsWithdrawnArticlesAsNoLongerAvailableAndRemoves() {
    String id = newReader();
    Visitor v = site.signedIn(id, PASSWORD);
    var gone =
        site.insert(
            Fixtures.story(
                "A story that will be withdrawn",
                "<p>Soon gone.</p>",
                java.time.Instant.now().minusSeconds(30)));
    assertThat(
            v.post("/articles/" + f.own.slug() + "/bookmark", Map.of("action", "add")).statusCode())
        .isEqualTo(303);
    assertThat(
            v.post("/articles/" + gone.slug() + "/bookmark", Map.of("action", "add")).statusCode())
        .isEqualTo(303);
    site.app().articles().setStatus(gone.id(), ArticleStatus.WITHDRAWN);
    Document list = Jsoup.parse(v.get("/reading-list").body());
    assertThat(list.select(".item-title").eachText())
        .containsExactly("Mountain village switches on its solar microgrid");
    assertThat(list.select(".item").first().text())
        .contains("no longer available")
        .doesNotContain("withdrawn");
    assertThat(list.select(".item").first().select("a")).isEmpty();
    assertThat(v.post("/reading-list/" + gone.id() + "/remove", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(Jsoup.parse(v.get("/reading-list").body()).select(".item-title").eachText())
        .containsExactly("Mountain village switches on its solar microgrid");
  }

  @Test
  void theReadingListShowsEachArticleLikeAListingInItsOwnLanguageAndDirection() {
    String id = newReader();
    Visitor v = site.signedIn(id, PASSWORD);
    Document empty = Jsoup.parse(v.get("/reading-list").body());
    assertThat(empty.select(".empty-state").text()).contains("Nothing saved yet", "Bookmark");
    assertThat(empty.select(".empty-state a[href=/]")).hasSize(1);

    for (var a : java.util.List.of(f.wire, f.arabic)) {
      assertThat(
              v.post("/articles/" + a.slug() + "/bookmark", Map.of("action", "add")).statusCode())
          .isEqualTo(303);
    }
    Document list = Jsoup.parse(v.get("/reading-list").body());
    var items = list.select(".reading-list > li");
    assertThat(items).hasSize(2);
    var arabic = items.get(0); // saved last, shown first
    assertThat(arabic.attr("lang")).isEqualTo("ar");
    assertThat(arabic.attr("dir")).isEqualTo("rtl");
    assertThat(arabic.select(".item-title").text())
        .isEqualTo("افتتاح مكتبة جديدة في المدينة القديمة");
    assertThat(arabic.select(".kicker").text()).isEqualTo("World");
    assertThat(arabic.select(".meta").first().text()).startsWith("Open Cooperative · ");
    var wire = items.get(1);
    assertThat(wire.attr("dir")).isEqualTo("ltr");
    assertThat(wire.select(".kicker").text()).isEqualTo("Syndicated News");
    assertThat(wire.select(".item-summary").text()).isNotBlank();
    var published = wire.select(".meta time").first();
    assertThat(published.attr("datetime")).isNotBlank();
    assertThat(published.text()).matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} .+");
    assertThat(wire.select(".saved-at").text()).startsWith("Saved ");
    var remove = wire.select("form[method=post]").first();
    assertThat(remove.attr("action")).isEqualTo("/reading-list/" + f.wire.id() + "/remove");
    assertThat(remove.select("input[name=_csrf]").attr("value")).isNotBlank();
    assertThat(remove.select("button").text()).startsWith("Remove");
  }

  /** Issue 12.6: an embargoed article cannot be bookmarked, by form or API, nor seen in a list. */
  @Test
  void anArticleNoReaderCanOpenCannotBeBookmarkedNorShownInTheReadingList() {
    String id = newReader();
    Visitor v = site.signedIn(id, PASSWORD);
    var embargoed =
        site.insert(
            Fixtures.story(
                "Embargoed until tomorrow",
                "<p>Not yet.</p>",
                java.time.Instant.now().plusSeconds(86_400)));
    HttpResponse<String> form =
        v.post("/articles/" + embargoed.slug() + "/bookmark", Map.of("action", "add"));
    HttpResponse<String> unknown =
        v.post("/articles/no-such-slug/bookmark", Map.of("action", "add"));
    assertThat(form.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(404);
    assertThat(v.json("PUT", "/api/v1/bookmarks/" + embargoed.id(), null).statusCode())
        .isEqualTo(404);
    // A bookmark saved by an older version, or before the embargo was set, stays out of sight.
    String accountId = site.accountId(id);
    site.app()
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "INSERT INTO bookmarks (account_id, article_id, created_at) VALUES (?, ?, ?)",
                    accountId,
                    embargoed.id(),
                    System.currentTimeMillis()));
    assertThat(v.get("/reading-list").body())
        .doesNotContain("Embargoed until tomorrow")
        .doesNotContain(embargoed.slug());
    assertThat(v.get("/api/v1/bookmarks").body())
        .doesNotContain("Embargoed until tomorrow")
        .doesNotContain(embargoed.id());
  }

  @Test
  void theBookmarksApi() {
    String id = newReader();
    Visitor v = site.newVisitor();
    assertThat(v.get("/api/v1/bookmarks").statusCode()).isEqualTo(401);
    v.signIn(id, PASSWORD);
    assertThat(v.json("PUT", "/api/v1/bookmarks/" + f.arabic.id(), null).statusCode())
        .isEqualTo(204);
    assertThat(v.json("PUT", "/api/v1/bookmarks/" + f.arabic.id(), null).statusCode())
        .isEqualTo(204);
    assertThat(v.json("PUT", "/api/v1/bookmarks/no-such-article", null).statusCode())
        .isEqualTo(404);
    assertThat(v.get("/api/v1/bookmarks").body())
        .contains(f.arabic.id())
        .contains("\"available\":true");
    assertThat(v.json("DELETE", "/api/v1/bookmarks/" + f.arabic.id(), null).statusCode())
        .isEqualTo(204);
    assertThat(v.get("/api/v1/bookmarks").body()).doesNotContain(f.arabic.id());
    assertThat(v.jsonRaw("PUT", "/api/v1/bookmarks/" + f.arabic.id(), null, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aLongReadingListComesFiftyAtATimeEveryBookmarkOnceByOlderLinksAndTheApisCursor()
      throws Exception {
    String id = newReader();
    String accountId = site.accountId(id);
    java.util.List<pressroom.articles.NewArticle> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 123; i++) {
      batch.add(
          Fixtures.story(
              "Saved story " + i, "<p>Kept.</p>", java.time.Instant.now().minusSeconds(3600 + i)));
    }
    var stored =
        site.app()
            .database()
            .jdbi()
            .inTransaction(
                h ->
                    pressroom.articles.ArticleWrites.insertAll(
                        h, batch, new pressroom.articles.NameIds(), site.clock().instant()));
    // Saved in runs of three within one millisecond: the article id must order them.
    long t = System.currentTimeMillis() - 1_000_000;
    for (int i = 0; i < stored.size(); i++) {
      long savedAt = t + (i / 3) * 1000L;
      String articleId = stored.get(i).id();
      site.app()
          .database()
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "INSERT INTO bookmarks (account_id, article_id, created_at) VALUES (?, ?, ?)",
                      accountId,
                      articleId,
                      savedAt));
    }
    // Newest saved first; within a millisecond, the higher article id first.
    java.util.List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      order.add(i);
    }
    order.sort(
        (x, y) ->
            x / 3 != y / 3
                ? Integer.compare(y / 3, x / 3)
                : stored.get(y).id().compareTo(stored.get(x).id()));
    java.util.List<String> expected = order.stream().map(i -> "Saved story " + i).toList();

    Visitor v = site.signedIn(id, PASSWORD);
    java.util.List<String> seen = new java.util.ArrayList<>();
    String at = "/reading-list";
    int pages = 0;
    while (at != null) {
      Document d = Jsoup.parse(v.get(at).body());
      java.util.List<String> titles = d.select(".item-title").eachText();
      assertThat(titles).hasSizeLessThanOrEqualTo(50);
      seen.addAll(titles);
      var older = d.selectFirst(".pagination a[rel=next]");
      at = older == null ? null : older.attr("href");
      assertThat(++pages).isLessThan(10);
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(expected);

    java.util.List<String> viaApi = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var body =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(
                  v.get("/api/v1/bookmarks" + (cursor == null ? "" : "?before=" + cursor)).body());
      body.get("bookmarks").forEach(b -> viaApi.add(b.get("headline").asText()));
      cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
    } while (cursor != null);
    assertThat(viaApi).containsExactlyElementsOf(expected);
    assertThat(v.get("/reading-list?before=sometime").statusCode()).isEqualTo(400);
  }
}
