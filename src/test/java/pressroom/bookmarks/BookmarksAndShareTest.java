package pressroom.bookmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pressroom.articles.ArticleStatus;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/** Bookmark and Share on the article page, the reading list and its API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookmarksAndShareTest {
  static final String PASSWORD = "a quiet reading room";
  TestApp site;
  Fixtures f;
  int counter;

  @BeforeAll
  void start() {
    site = TestApp.start(TestApp.Db.SQLITE, false);
    f = Fixtures.load(site.app().articles());
  }

  @AfterAll
  void stop() {
    site.close();
  }

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
    var links = d.select("#bookmark-share .share a");
    assertThat(links.eachText()).containsExactly("X", "Facebook", "LinkedIn", "WhatsApp", "Reddit", "Bluesky", "Threads", "E-mail");
    for (var a : links) {
      String decoded = URLDecoder.decode(a.attr("href"), StandardCharsets.UTF_8);
      assertThat(decoded).as(a.text()).contains(url);
    }
    assertThat(URLDecoder.decode(links.get(0).attr("href"), StandardCharsets.UTF_8)).contains("Harbour cranes return to work after the long dispute");
    assertThat(d.select("#share-url").val()).isEqualTo(url);
    // No script, frame or image from another site on the page.
    assertThat(d.select("script[src], iframe, img[src]").eachAttr("src")).allMatch(src -> src.startsWith("/") || src.startsWith(TestApp.BASE_URL));
    assertThat(d.select("meta[property=og:image]").attr("content")).isEqualTo(TestApp.BASE_URL + "/static/og-default.png");
    assertThat(d.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
    HttpResponse<byte[]> png = site.getBytes("/static/og-default.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(png.body().length).isLessThan(5 * 1024 * 1024);
  }

  @Test
  void anAnonymousBookmarkAsksToSignInAndIsSavedAfterwards() {
    String id = newReader();
    Visitor v = site.newVisitor();
    HttpResponse<String> ask = v.post("/articles/" + f.noindex.slug() + "/bookmark", Map.of("action", "add"));
    assertThat(ask.statusCode()).isEqualTo(303);
    String location = ask.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/signin?return=").contains("bookmark=" + f.noindex.slug());
    Document signin = Jsoup.parse(v.get(location).body());
    assertThat(signin.select("input[name=bookmark]").val()).isEqualTo(f.noindex.slug());
    HttpResponse<String> in = v.post("/signin", Map.of("login", id, "password", PASSWORD, "return", "/articles/" + f.noindex.slug(), "bookmark", f.noindex.slug()));
    assertThat(in.statusCode()).isEqualTo(303);
    Document list = Jsoup.parse(v.get("/reading-list").body());
    assertThat(list.select(".item-title").eachText()).containsExactly("Quiet valley votes on new water rules");
    assertThat(Jsoup.parse(v.get("/articles/" + f.noindex.slug()).body()).select("#bookmark-share button[aria-pressed=true]")).hasSize(1);
  }

  @Test
  void theReadingListIsNewestFirstKeepsWithdrawnArticlesAsNoLongerAvailableAndRemoves() {
    String id = newReader();
    Visitor v = site.newVisitor();
    v.post("/signin", Map.of("login", id, "password", PASSWORD));
    var gone = site.app().articles().insert(Fixtures.article("world", null, "A story that will be withdrawn", java.util.List.of("Jane Roe"),
        "<p>Soon gone.</p>", "en", "ltr", null, java.time.Instant.now().minusSeconds(30), java.util.List.of(), ArticleStatus.PUBLISHED));
    assertThat(v.post("/articles/" + f.own.slug() + "/bookmark", Map.of("action", "add")).statusCode()).isEqualTo(303);
    assertThat(v.post("/articles/" + gone.slug() + "/bookmark", Map.of("action", "add")).statusCode()).isEqualTo(303);
    site.app().articles().setStatus(gone.id(), ArticleStatus.WITHDRAWN);
    Document list = Jsoup.parse(v.get("/reading-list").body());
    assertThat(list.select(".item-title").eachText()).containsExactly("A story that will be withdrawn", "Mountain village switches on its solar microgrid");
    assertThat(list.select(".item").first().text()).contains("No longer available");
    assertThat(list.select(".item").first().select("a")).isEmpty();
    assertThat(v.post("/reading-list/" + gone.id() + "/remove", Map.of()).statusCode()).isEqualTo(303);
    assertThat(Jsoup.parse(v.get("/reading-list").body()).select(".item-title").eachText()).containsExactly("Mountain village switches on its solar microgrid");
  }

  @Test
  void theBookmarksApi() {
    String id = newReader();
    Visitor v = site.newVisitor();
    assertThat(v.get("/api/v1/bookmarks").statusCode()).isEqualTo(401);
    v.post("/signin", Map.of("login", id, "password", PASSWORD));
    assertThat(v.json("PUT", "/api/v1/bookmarks/" + f.arabic.id(), null).statusCode()).isEqualTo(204);
    assertThat(v.json("PUT", "/api/v1/bookmarks/" + f.arabic.id(), null).statusCode()).isEqualTo(204);
    assertThat(v.json("PUT", "/api/v1/bookmarks/no-such-article", null).statusCode()).isEqualTo(404);
    assertThat(v.get("/api/v1/bookmarks").body()).contains(f.arabic.id()).contains("\"available\":true");
    assertThat(v.json("DELETE", "/api/v1/bookmarks/" + f.arabic.id(), null).statusCode()).isEqualTo(204);
    assertThat(v.get("/api/v1/bookmarks").body()).doesNotContain(f.arabic.id());
    assertThat(v.jsonRaw("PUT", "/api/v1/bookmarks/" + f.arabic.id(), null, null).statusCode()).isEqualTo(403);
  }
}
