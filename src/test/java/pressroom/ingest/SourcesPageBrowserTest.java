package pressroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import pressroom.testing.FakePublisher;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;
import pressroom.web.Access.Role;

/**
 * An editor presses every button of the sources page in Chromium: fetch now, disable, enable; and
 * manages a partner feed from the browser alone (issue 14): tests it, adds it, fetches it, edits
 * it, and removes it after seeing what that withdraws.
 */
// The poller looks for due sources once an hour: every fetch here is a press of "Fetch now".
@RunningSite(
    settings = {"PRESSROOM_INGEST_ALLOW_PRIVATE=true", "PRESSROOM_INGEST_CHECK_SECONDS=3600"})
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
                d.getCurrentUrl().matches(".*/staff/sources(\\?.*)?")
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

  void signIn() {
    Browser.signIn(browser, site, "desk.editor", "a quiet editing room");
  }

  void clickAndWait(org.openqa.selenium.WebElement button) {
    Browser.clickAndWait(browser, button);
  }

  String rowOf(String name) {
    return browser.findElement(By.xpath("//tr[th[contains(., '" + name + "')]]")).getText();
  }

  void pressIn(String name, String button) {
    clickAndWait(
        browser.findElement(
            By.xpath(
                "//tr[th[contains(., '"
                    + name
                    + "')]]//*[self::button or self::a][normalize-space() = '"
                    + button
                    + "']")));
  }

  void type(String field, String text) {
    var input = browser.findElement(By.id(field));
    input.clear();
    input.sendKeys(text);
  }

  @Test
  void anEditorTestsAddsFetchesEditsDisablesAndRemovesAFeedFromTheBrowser() {
    try (FakePublisher partner = FakePublisher.start()) {
      Instant now = Instant.now();
      partner.serve(
          "/lighthouse.xml",
          TestFeeds.rss(
              new TestFeeds.RssItem(
                  "l-1",
                  "Lighthouse keepers return to the point",
                  "By Ana Lima, Harbour Agency",
                  "<p>The light is tended again.</p>",
                  now.minusSeconds(900)),
              new TestFeeds.RssItem(
                  "l-2",
                  "Fog horn to sound again from Friday",
                  "Ana Lima",
                  "<p>The horn sounds in fog.</p>",
                  now.minusSeconds(300))),
          "application/rss+xml");
      signIn();
      browser.get(site.url("/staff/sources"));
      clickAndWait(browser.findElement(By.linkText("Add a source")));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Add a source");

      // A mistake first: the page comes back naming it, with the focus on the field.
      type("url", partner.url("/lighthouse.xml").toString());
      type("section", "World");
      clickAndWait(browser.findElement(By.xpath("//button[normalize-space() = 'Test this feed']")));
      assertThat(browser.findElement(By.cssSelector(".error-summary")).getText())
          .contains("The name is empty.");
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("name");
      assertThat(browser.findElement(By.id("url")).getAttribute("value"))
          .isEqualTo(partner.url("/lighthouse.xml").toString());

      type("name", "Lighthouse Wire");
      clickAndWait(browser.findElement(By.xpath("//button[normalize-space() = 'Test this feed']")));
      String preview = browser.findElement(By.cssSelector(".feed-preview")).getText();
      assertThat(preview)
          .contains(
              "2 items would be published",
              "Lighthouse keepers return to the point",
              "Fog horn to sound again from Friday",
              "By Ana Lima",
              "From Lighthouse Wire",
              "in World");
      assertThat(site.app().sources().findByName("Lighthouse Wire")).isEmpty();

      clickAndWait(
          browser.findElement(By.xpath("//button[normalize-space() = 'Save this source']")));
      assertThat(browser.getCurrentUrl()).contains("/staff/sources");
      assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("was added");
      assertThat(rowOf("Lighthouse Wire")).contains("never");
      String id = site.app().sources().findByName("Lighthouse Wire").orElseThrow().id();

      pressIn("Lighthouse Wire", "Fetch now");
      assertThat(browser.findElement(By.cssSelector(".notice")).getText())
          .isEqualTo(
              "Fetched Lighthouse Wire: 2 new, 0 updated, 0 withdrawn, 0 unchanged, 0 skipped.");
      assertThat(rowOf("Lighthouse Wire")).contains("2 new");
      site.app().applyContentChanges(); // the listing may be cached from the test before
      assertThat(site.get("/sections/world").body())
          .contains("Lighthouse keepers return to the point");

      pressIn("Lighthouse Wire", "Edit");
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Edit Lighthouse Wire");
      type("interval", "2h");
      clickAndWait(
          browser.findElement(
              By.xpath("//form[@id='source-form']//button[normalize-space() = 'Save']")));
      assertThat(browser.findElement(By.cssSelector(".notice")).getText())
          .contains("changes were saved");
      assertThat(site.app().sources().find(id).orElseThrow().interval())
          .isEqualTo(Duration.ofHours(2));

      pressIn("Lighthouse Wire", "Disable");
      assertThat(rowOf("Lighthouse Wire")).contains("disabled");
      pressIn("Lighthouse Wire", "Enable");
      assertThat(site.app().sources().find(id).orElseThrow().state())
          .isEqualTo(FeedSource.State.ACTIVE);

      pressIn("Lighthouse Wire", "Remove");
      assertThat(browser.findElement(By.tagName("h1")).getText())
          .isEqualTo("Remove Lighthouse Wire?");
      assertThat(browser.findElement(By.cssSelector("main")).getText())
          .contains("withdraws 2 published articles", "Fog horn to sound again from Friday");
      assertThat(site.app().sources().find(id)).isPresent();
      clickAndWait(
          browser.findElement(
              By.xpath(
                  "//button[normalize-space() = 'Remove Lighthouse Wire and withdraw 2 articles']")));
      assertThat(browser.findElement(By.cssSelector(".notice")).getText())
          .contains("2 articles were withdrawn");
      assertThat(browser.findElements(By.xpath("//tr[th[contains(., 'Lighthouse Wire')]]")))
          .isEmpty();
      assertThat(site.app().sources().find(id)).isEmpty();
      List<String> actions =
          site.app().auditLog().find(pressroom.audit.AuditLog.Filter.ANY, null, 100).stream()
              .filter(e -> e.subject().contains(id))
              .map(pressroom.audit.AuditLog.Entry::action)
              .toList();
      assertThat(actions)
          .containsExactly(
              "source.remove",
              "source.enable",
              "source.disable",
              "source.edit",
              "source.fetch",
              "source.add");
    }
  }
}
