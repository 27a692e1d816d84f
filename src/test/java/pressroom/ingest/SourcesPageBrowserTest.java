package pressroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.NewSource;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;
import pressroom.web.Access.Role;

/** An editor presses every button of the sources page in Chromium: fetch now, disable, enable. */
@RunningSite
class SourcesPageBrowserTest {
  TestApp site;
  ChromeDriver browser;

  /** Loaded for its sections: the source files its stories under World. */
  Fixtures fixtures;

  String sourceId;

  @BeforeAll
  void start() throws Exception {
    site.app()
        .accounts()
        .createVerified("desk.editor", "editor@mail.example", "a quiet editing room", Role.EDITOR);
    Path feed = Files.createTempFile("feed", ".xml");
    Files.writeString(
        feed,
        TestFeeds.rss(
            new TestFeeds.RssItem(
                "b-1",
                "Ferry timetable changes for the winter",
                "Jane Roe",
                "<p>The ferry runs twice a day from Monday.</p>",
                Instant.now().minusSeconds(600))));
    sourceId =
        site.app()
            .sources()
            .add(
                new NewSource(
                    "Button Wire",
                    feed.toString(),
                    FeedFormat.fromName("auto"),
                    "world",
                    null,
                    null,
                    0,
                    Duration.ofHours(1),
                    Map.of(),
                    SeoPolicy.CANONICAL,
                    true,
                    0));
  }

  String row() {
    return browser.findElement(By.xpath("//tr[th[contains(., 'Button Wire')]]")).getText();
  }

  void press(String button) {
    browser
        .findElement(
            By.xpath(
                "//tr[th[contains(., 'Button Wire')]]//button[normalize-space() = '"
                    + button
                    + "']"))
        .click();
    Browser.waitUp(browser)
        .until(
            d ->
                d.getCurrentUrl().endsWith("/staff/sources")
                    && d.findElement(By.tagName("h1")).getText().equals("Sources"));
  }

  @Test
  void fetchNowDisableAndEnableEachWork() {
    browser.get(site.url("/signin"));
    browser.findElement(By.id("login")).sendKeys("desk.editor");
    browser.findElement(By.id("password")).sendKeys("a quiet editing room");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    Browser.waitUp(browser).until(d -> !d.findElements(By.cssSelector(".account-nav")).isEmpty());
    browser.get(site.url("/staff/sources"));
    assertThat(row()).contains("Button Wire").contains("never");

    press("Fetch now");
    Browser.waitUp(browser)
        .until(
            d -> {
              d.navigate().refresh();
              return !row().contains("never");
            });
    assertThat(site.get("/sections/world").body())
        .contains("Ferry timetable changes for the winter");

    press("Disable");
    assertThat(row()).contains("disabled");
    assertThat(site.app().sources().find(sourceId).orElseThrow().state())
        .isEqualTo(FeedSource.State.DISABLED);
    press("Enable");
    assertThat(
            browser.findElements(
                By.xpath(
                    "//tr[th[contains(., 'Button Wire')]]//button[normalize-space() = 'Disable']")))
        .hasSize(1);
    assertThat(site.app().sources().find(sourceId).orElseThrow().state())
        .isEqualTo(FeedSource.State.ACTIVE);
  }
}
