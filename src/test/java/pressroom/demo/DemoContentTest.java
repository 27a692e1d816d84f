package pressroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import pressroom.articles.ArticleSummary;
import pressroom.testing.HtmlChecker;
import pressroom.testing.TestApp;

/** A first start on an empty data folder shows a complete site; --no-demo shows an empty one. */
class DemoContentTest {
  @Test
  void anEmptySiteIsFilledWithTheBundledDemo() throws Exception {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, true)) {
      List<ArticleSummary> all = site.app().listings().latest(1000, Instant.now());
      assertThat(all).hasSizeGreaterThanOrEqualTo(30);
      assertThat(all.stream().map(ArticleSummary::sourceName).distinct())
          .hasSizeGreaterThanOrEqualTo(3);
      assertThat(all.stream().filter(a -> a.authors().size() >= 2 && a.authors().size() <= 4))
          .hasSizeGreaterThanOrEqualTo(5);
      assertThat(all.stream().flatMap(a -> a.authors().stream()).map(au -> au.name()))
          .anyMatch(n -> !n.chars().allMatch(c -> c < 128));
      assertThat(all).anyMatch(a -> a.direction().equals("rtl"));

      Document home = Jsoup.parse(site.get("/").body());
      assertThat(home.select(".section-block h2").eachText())
          .contains("Syndicated News")
          .hasSizeGreaterThanOrEqualTo(4);
      Document syndicated = Jsoup.parse(site.get("/sections/syndicated-news").body());
      assertThat(syndicated.select(".item")).hasSizeGreaterThanOrEqualTo(10);

      // Every demo article renders, is valid HTML and names its partner.
      HtmlChecker checker = new HtmlChecker();
      for (ArticleSummary a : all) {
        var r = site.get("/articles/" + a.slug());
        assertThat(r.statusCode()).as(a.slug()).isEqualTo(200);
        assertThat(checker.errors(r.body())).as("HTML errors in " + a.slug()).isEmpty();
        assertThat(Jsoup.parse(r.body()).select(".attribution").text()).startsWith("From ");
      }

      // Every published demo article has an illustration drawn for it, served by the site.
      assertThat(all).allMatch(a -> a.picture() != null);
      assertThat(all.stream().map(a -> a.picture().id()).distinct()).hasSize(all.size());
      ArticleSummary first = all.get(0);
      Document page = Jsoup.parse(site.get("/articles/" + first.slug()).body());
      assertThat(page.select(".lead-image img").attr("srcset"))
          .contains("/pictures/" + first.picture().id() + "/320.jpg 320w");
      assertThat(page.select(".lead-image figcaption .credit").text())
          .isEqualTo("Illustration: Pressroom demo");
      var picture = site.getBytes(first.picture().src(640));
      assertThat(picture.statusCode()).isEqualTo(200);
      assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(
              javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture.body()))
                  .getWidth())
          .isEqualTo(640);
    }
  }

  @Test
  void noDemoLeavesTheSiteEmptyAndSaysSo() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      assertThat(site.app().articleReads().countArticles()).isZero();
      assertThat(Jsoup.parse(site.get("/").body()).text())
          .contains("No articles have been published yet.");
    }
  }
}
