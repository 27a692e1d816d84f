package pressroom.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.articles.ArticleSummary;
import pressroom.testing.Browser;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Screenshots of the reader pages on the demo's content — home, an article and its comments,
 * search, the reading list — at a desktop and a phone width, light and dark, written to
 * target/screenshots (or to -Dpressroom.screenshots, e.g. docs/screenshots, for the README).
 */
@RunningSite(demo = true, indexed = true)
class ReaderScreenshotsBrowserTest {
  static final String PASSWORD = "a quiet reading room";
  TestApp site;
  ChromeDriver browser;
  ArticleSummary lead;

  @BeforeAll
  void start() {
    List<ArticleSummary> all = site.app().listings().latest(100, Instant.now());
    lead = all.getFirst();
    site.app().accounts().createVerified("night.desk", "nd@mail.example", PASSWORD, Role.MODERATOR);
    TestApp.Visitor desk = site.signedIn("night.desk", PASSWORD);
    String[][] voices = {
      {
        "mara.lindqvist",
        "My brother fishes out of Hội An; they were all tied up by noon. Thank you for the early warning."
      },
      {
        "tomas.ferreira",
        "Is there a map of which provinces the warning covers? The article lists two but the agency mentions more."
      },
      {
        "aylin.demir",
        "Good to see the boats back before dark. Last year’s storm caught many of them out at sea."
      }
    };
    String comments = "/articles/" + lead.slug() + "/comments";
    for (String[] v : voices) {
      site.app().accounts().createVerified(v[0], v[0] + "@mail.example", PASSWORD, Role.READER);
      site.clearThrottling();
      site.signedIn(v[0], PASSWORD).post(comments, Map.of("body", v[1]));
    }
    for (String id : site.pendingCommentIds()) {
      desk.post("/staff/moderation/" + id + "/approve", Map.of());
    }
    desk.post(
        comments,
        Map.of("body", "The agency’s full list of provinces is linked from the original report."));
    site.app().accounts().createVerified("reader.one", "r1@mail.example", PASSWORD, Role.READER);
    TestApp.Visitor reader = site.signedIn("reader.one", PASSWORD);
    for (ArticleSummary a : all.subList(0, 5)) {
      reader.post("/articles/" + a.slug() + "/bookmark", Map.of("action", "add"));
    }
    all.stream()
        .filter(a -> a.direction().equals("rtl"))
        .findFirst()
        .ifPresent(
            a -> reader.post("/articles/" + a.slug() + "/bookmark", Map.of("action", "add")));
  }

  @Test
  void theReaderPagesAtDesktopAndPhoneWidthLightAndDark() throws Exception {
    browser.manage().deleteAllCookies();
    shoot("/", "home");
    shoot("/articles/" + lead.slug(), "reader-article");
    Browser.signIn(browser, site, "reader.one", PASSWORD);
    shoot("/articles/" + lead.slug() + "#comments", "reader-comments");
    shoot("/search?q=storm", "search");
    shoot("/reading-list", "reading-list");
    browser.manage().deleteAllCookies();
  }

  private void shoot(String path, String name) throws Exception {
    Path folder = Path.of(System.getProperty("pressroom.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    for (boolean dark : List.of(false, true)) {
      Browser.darkMode(browser, dark);
      for (var size :
          Map.of("desktop", new Dimension(1280, 900), "phone", new Dimension(390, 844))
              .entrySet()) {
        browser.manage().window().setSize(size.getValue());
        browser.get(site.url(path));
        // Pictures below the fold load lazily; wait for those in view.
        Browser.waitUp(browser)
            .until(
                d ->
                    (Boolean)
                        browser.executeScript(
                            "return [...document.images].every(i => i.loading === 'lazy' || i.complete)"));
        byte[] png = Browser.screenshot(browser);
        String file = name + "-" + size.getKey() + (dark ? "-dark" : "") + ".png";
        assertThat(png).as(file).hasSizeGreaterThan(10_000);
        Files.write(folder.resolve(file), png);
      }
    }
    Browser.darkMode(browser, false);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }
}
