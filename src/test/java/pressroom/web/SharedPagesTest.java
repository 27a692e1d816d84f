package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/**
 * Anonymous reader pages are one shared copy, so a CDN or Varnish in front can keep them: the same
 * bytes for everyone, no cookie, shared-cache lifetimes, a validator and surrogate keys. Signing in
 * from such a page (whose form has no token) is still refused from another site.
 */
@RunningSite(indexed = true)
class SharedPagesTest {
  TestApp site;
  Fixtures f;

  List<String> readerPages() {
    Document article = Jsoup.parse(site.get("/articles/" + f.wire.slug()).body());
    return List.of(
        "/",
        "/articles/" + f.wire.slug(),
        article.select("a[href^=/sections/]").first().attr("href"),
        article.select("a[href^=/authors/]").first().attr("href"),
        article.select("a[href^=/tags/]").first().attr("href"),
        "/search?q=harbour");
  }

  @Test
  void everyAnonymousVisitorGetsTheSameBytesWithoutACookie() {
    // One visitor new, one who has been to the sign-in page (and so holds a CSRF cookie).
    TestApp.Visitor first = site.newVisitor();
    TestApp.Visitor returning = site.newVisitor();
    returning.get("/signin");
    assertThat(returning.cookies()).isNotEmpty();
    for (String path : readerPages()) {
      HttpResponse<String> a = first.get(path);
      HttpResponse<String> b = returning.get(path);
      HttpResponse<String> again = site.newVisitor().get(path);
      assertThat(a.statusCode()).as(path).isEqualTo(200);
      assertThat(b.body()).as(path).isEqualTo(a.body()).isEqualTo(again.body());
      for (HttpResponse<String> r : List.of(a, b, again)) {
        assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
      }
      assertThat(a.body()).as(path).doesNotContain("name=\"_csrf\"").doesNotContain("csrf-token");
      String cc = a.headers().firstValue("Cache-Control").orElseThrow();
      assertThat(cc)
          .as(path)
          .contains("public")
          .containsPattern("s-maxage=\\d+")
          .containsPattern("stale-while-revalidate=\\d+")
          .containsPattern("stale-if-error=\\d+");
      assertThat(a.headers().firstValue("Vary").orElseThrow()).as(path).contains("Cookie");
      assertThat(a.headers().firstValue("Surrogate-Key").orElseThrow())
          .as(path)
          .startsWith(SurrogateKeys.ALL);
    }
  }

  @Test
  void aCachedPageHasAStableValidatorAndAnswers304() {
    String path = "/articles/" + f.wire.slug();
    HttpResponse<String> first = site.newVisitor().get(path);
    HttpResponse<String> second = site.newVisitor().get(path); // from the page cache
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(second.headers().firstValue("ETag")).hasValue(etag);
    HttpResponse<String> revalidated = site.newVisitor().get(path, "If-None-Match", etag);
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();
  }

  @Test
  void surrogateKeysNameTheArticleAndTheListingsThatShowIt() {
    String articleKey = SurrogateKeys.article(f.wire.id());
    List<String> article = keys(site.newVisitor().get("/articles/" + f.wire.slug()));
    assertThat(article).contains(articleKey, SurrogateKeys.comments(f.wire.id()));
    List<String> home = keys(site.newVisitor().get("/"));
    assertThat(home).contains(SurrogateKeys.HOME, articleKey);
    List<String> pages = readerPages();
    List<String> section = keys(site.newVisitor().get(pages.get(2)));
    assertThat(section).contains(articleKey).anyMatch(k -> k.startsWith("s-"));
    assertThat(keys(site.newVisitor().get(pages.get(3)))).contains(articleKey);
    assertThat(keys(site.newVisitor().get(pages.get(4)))).contains(articleKey);
    assertThat(keys(site.newVisitor().get(pages.get(5)))).contains(SurrogateKeys.SEARCH);
  }

  @Test
  void aSignedInReadersPageIsTheirsAlone() {
    TestApp.Visitor reader =
        site.signedInNewAccount("shared1", "correct horse 1", pressroom.web.Access.Role.READER);
    HttpResponse<String> page = reader.get("/articles/" + f.wire.slug());
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    assertThat(page.headers().firstValue("Surrogate-Key")).isEmpty();
    HttpResponse<String> search = reader.get("/search?q=harbour");
    assertThat(search.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  // Signing in from a shared page: its form carries no token.

  private int accounts;

  HttpResponse<String> signInWithout(String... headers) {
    String userId = "signin" + ++accounts;
    site.app()
        .accounts()
        .createVerified(
            userId, userId + "@mail.example", "correct horse 2", pressroom.web.Access.Role.READER);
    TestApp.Visitor v = site.newVisitor();
    for (int i = 0; i < headers.length; i += 2) {
      v.always(headers[i], headers[i + 1]);
    }
    return v.postRaw(
        "/signin", Map.of("login", userId, "password", "correct horse 2", "return", "/"));
  }

  @Test
  void aSignInFromAnotherSiteIsRefused() {
    site.clearThrottling();
    for (String[] h :
        List.of(
            new String[] {"Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"},
            new String[] {"Sec-Fetch-Site", "same-site", "Origin", "https://evil.news.example.org"},
            new String[] {"Origin", "https://evil.example"},
            new String[] {"Origin", "null"},
            // The address the request was sent to is not the site's: only PRESSROOM_BASE_URL is.
            new String[] {"Origin", site.url("")},
            new String[] {"Origin", TestApp.BASE_URL.replace("http:", "https:")},
            new String[] {})) {
      HttpResponse<String> r = signInWithout(h);
      assertThat(r.statusCode()).as(String.join(" ", h)).isEqualTo(403);
      assertThat(r.headers().allValues("Set-Cookie"))
          .as(String.join(" ", h))
          .noneMatch(c -> c.startsWith("pressroom-session="));
    }
  }

  @Test
  void aSignInFromOurOwnPageWorksWithoutAToken() {
    site.clearThrottling();
    for (String[] h :
        List.of(
            new String[] {"Sec-Fetch-Site", "same-origin", "Origin", site.url("")},
            new String[] {"Origin", TestApp.BASE_URL})) {
      HttpResponse<String> r = signInWithout(h);
      assertThat(r.statusCode()).as(String.join(" ", h)).isEqualTo(303);
      assertThat(r.headers().allValues("Set-Cookie"))
          .as(String.join(" ", h))
          .anyMatch(c -> c.startsWith("pressroom-session="));
    }
  }

  @Test
  void aSignedInReaderStillNeedsTheTokenFromOurOwnPages() {
    TestApp.Visitor reader =
        site.signedInNewAccount("shared3", "correct horse 3", pressroom.web.Access.Role.READER);
    reader.always("Sec-Fetch-Site", "same-origin");
    HttpResponse<String> r =
        reader.postRaw("/articles/" + f.wire.slug() + "/bookmark", Map.of("action", "add"));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(
            reader
                .post("/articles/" + f.wire.slug() + "/bookmark", Map.of("action", "add"))
                .statusCode())
        .isEqualTo(303);
  }

  private static List<String> keys(HttpResponse<String> r) {
    return List.of(r.headers().firstValue("Surrogate-Key").orElseThrow().split(" "));
  }
}
