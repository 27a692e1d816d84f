package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;

/**
 * Issue 12.9: content cannot plant the place where a cached page puts each visitor's CSRF token.
 */
class CsrfMarkerTest {
  @Test
  void textThatLooksLikeTheTokensPlaceStaysText() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      Fixtures.load(site.app());
      String planted = "@@csrf-token@@";
      var article =
          site.insert(
              Fixtures.story(
                  "Headline " + planted,
                  "<p>Body "
                      + planted
                      + " and <a href=\"https://evil.example/?t="
                      + planted
                      + "\">a link</a>.</p>",
                  Instant.now().minusSeconds(60)));
      TestApp.Visitor v = site.newVisitor();
      v.get("/articles/" + article.slug()); // fills the page cache
      HttpResponse<String> page = v.get("/articles/" + article.slug());
      String token = v.csrfToken();
      assertThat(token).isNotBlank();
      assertThat(page.body()).contains("Body " + planted).contains("evil.example/?t=" + planted);
      Document d = Jsoup.parse(page.body());
      // The visitor's token is in the forms' hidden fields, and nowhere else.
      int inFields =
          d.select("input[name=_csrf]").stream()
              .mapToInt(e -> e.attr("value").equals(token) ? 1 : 0)
              .sum();
      assertThat(inFields).isPositive();
      int everywhere = page.body().split(java.util.regex.Pattern.quote(token), -1).length - 1;
      assertThat(everywhere).isEqualTo(inFields + d.select("meta[content=" + token + "]").size());
      assertThat(page.body()).doesNotContain(Csrf.MARKER);
    }
  }
}
