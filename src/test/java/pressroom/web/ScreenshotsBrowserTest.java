package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Screenshots of the pages people judge the site by, at a desktop and a phone width, written to
 * target/screenshots (or to the folder named by -Dpressroom.screenshots, e.g. docs/screenshots, to
 * refresh the README's pictures). Each must be a real picture of a real page.
 */
@RunningSite
class ScreenshotsBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    var now = site.clock().instant();
    for (String name : new String[] {"Harbour Desk Wire", "Valley Courier"}) {
      String id =
          site.app()
              .sources()
              .add(
                  new pressroom.ingest.sources.NewSource(
                      name,
                      "https://" + name.replace(' ', '-').toLowerCase() + ".example/feed.xml",
                      pressroom.ingest.formats.FeedFormat.AUTO,
                      "world",
                      "From " + name,
                      "https://" + name.replace(' ', '-').toLowerCase() + ".example/",
                      0,
                      java.time.Duration.ofMinutes(15),
                      Map.of(),
                      pressroom.articles.SeoPolicy.CANONICAL,
                      true,
                      0));
      for (int i = 0; i < 40; i++) {
        site.insert(
            Fixtures.story(
                    name + " story " + i,
                    "<p>Text.</p>",
                    now.minus(java.time.Duration.ofMinutes(37L * i * (name.length() % 5 + 1))))
                .toBuilder()
                .sourceId(id)
                .build());
      }
      if (name.startsWith("Valley")) {
        site.app()
            .sources()
            .recordFailure(id, "HTTP 503 from valley-courier.example", now, now.plusSeconds(600));
      }
    }
    site.app().accounts().createVerified("desk.editor", "desk@mail.example", PASSWORD, Role.ADMIN);
    for (int i = 1; i <= 3; i++) {
      String id = "new.reader" + i;
      site.app().accounts().createVerified(id, id + "@mail.example", PASSWORD, Role.READER);
      TestApp.Visitor reader = site.newVisitor();
      reader.post("/signin", Map.of("login", id, "password", PASSWORD));
      reader.post(
          "/articles/" + f.wire.slug() + "/comments",
          Map.of("body", "First thoughts from reader " + i + ": the harbour looks busy again."));
    }
  }

  @Test
  void theModerationQueueAtDesktopAndPhoneWidth() throws Exception {
    Browser.signIn(browser, site, "desk.editor", PASSWORD);
    shoot("/staff", "dashboard");
    shoot("/staff/moderation", "moderation-queue");
    shoot("/articles/" + f.wire.slug(), "article");
    shoot("/staff/sources", "sources");
    shoot("/staff/articles", "article-desk");
    shoot("/staff/articles/" + f.wire.id(), "article-editor");
  }

  private void shoot(String path, String name) throws Exception {
    Path folder = Path.of(System.getProperty("pressroom.screenshots", "target/screenshots"));
    Files.createDirectories(folder);
    for (var size :
        Map.of("desktop", new Dimension(1280, 900), "phone", new Dimension(390, 844)).entrySet()) {
      browser.manage().window().setSize(size.getValue());
      browser.get(site.url(path));
      byte[] png = Browser.screenshot(browser);
      assertThat(png).as(name + " " + size.getKey()).hasSizeGreaterThan(10_000);
      Files.write(folder.resolve(name + "-" + size.getKey() + ".png"), png);
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }
}
