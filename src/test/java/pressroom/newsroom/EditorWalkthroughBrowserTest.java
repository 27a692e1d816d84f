package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import pressroom.testing.Browser;
import pressroom.testing.Eventually;
import pressroom.testing.FakePublisher;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;
import pressroom.web.Access.Role;

/**
 * Issue 14's editor, start to finish in one browser: adds a partner's feed after testing it,
 * fetches it, corrects one of its stories, withdraws it (a reader gets 410 with the reason),
 * restores it, pins it to the home page, then writes and publishes the site's own article.
 */
// The partner's feed is served on this machine; the scheduler stays out of the way.
@RunningSite(
    settings = {"PRESSROOM_INGEST_ALLOW_PRIVATE=true", "PRESSROOM_INGEST_CHECK_SECONDS=3600"})
class EditorWalkthroughBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  static final String STORY = "Night ferry adds a Sunday crossing";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("walk.editor", "we@mail.example", PASSWORD, Role.EDITOR);
  }

  @Test
  void anEditorRunsTheDayFromTheBrowser() {
    try (FakePublisher partner = FakePublisher.start()) {
      Instant now = site.clock().instant();
      partner.serve(
          "/harbour.xml",
          TestFeeds.rss(
              new TestFeeds.RssItem(
                  "h-1",
                  STORY,
                  "By Tomas Berg, Harbour Agency",
                  "<p>The night ferry will cross on Sundays from next month.</p>",
                  now.minusSeconds(600))),
          "application/rss+xml");
      Browser.signIn(browser, site, "walk.editor", PASSWORD);

      // The dashboard leads to the sources; a new feed is tested before it is saved.
      browser.get(site.url("/staff"));
      click(browser.findElement(By.cssSelector(".staff-nav")).findElement(By.linkText("Sources")));
      click(browser.findElement(By.linkText("Add a source")));
      type("name", "Harbour Agency");
      type("url", partner.url("/harbour.xml").toString());
      type("section", "World");
      click(button("Test this feed"));
      assertThat(browser.findElement(By.cssSelector(".feed-preview")).getText())
          .contains("1 item would be published", STORY, "By Tomas Berg");
      assertThat(site.app().sources().findByName("Harbour Agency")).isEmpty();
      click(button("Save this source"));
      assertThat(notice()).contains("was added");

      // Fetched at once: the story is on the site.
      click(
          browser.findElement(
              By.xpath(
                  "//tr[th[contains(., 'Harbour Agency')]]//button[normalize-space() = 'Fetch now']")));
      assertThat(notice()).contains("1 new");
      site.app().applyContentChanges();
      String slug =
          site.sqlOne(String.class, "SELECT slug FROM articles WHERE headline = ?", STORY);
      assertThat(asReader(slug).statusCode()).isEqualTo(200);

      // The article desk finds it; the editor corrects the text and appends a correction.
      click(browser.findElement(By.cssSelector(".staff-nav")).findElement(By.linkText("Articles")));
      browser.findElement(By.id("f-q")).sendKeys("ferry");
      click(button("Filter"));
      click(browser.findElement(By.linkText(STORY)));
      assertThat(h1()).isEqualTo("Edit article");
      WebElement body = browser.findElement(By.id("body"));
      body.clear();
      body.sendKeys("<p>The night ferry will cross on Sundays from 3 January.</p>");
      click(button("Save"));
      assertThat(notice()).startsWith("Saved.");
      browser.findElement(By.id("note")).sendKeys("An earlier version gave no start date.");
      click(button("Add correction"));
      assertThat(asReader(slug).body())
          .contains("from 3 January", "An earlier version gave no start date.");

      // Withdrawn with a reason: readers get 410 and the reason; restored: 200 again.
      browser.findElement(By.id("reason")).sendKeys("The timetable is not confirmed.");
      click(button("Withdraw"));
      Eventually.until("a reader gets 410", () -> asReader(slug).statusCode() == 410);
      assertThat(asReader(slug).body()).contains("The timetable is not confirmed.");
      click(button("Restore"));
      assertThat(asReader(slug).statusCode()).isEqualTo(200);

      // Pinned: first on the home page.
      String editor = browser.getCurrentUrl();
      click(button("Pin to the home page"));
      assertThat(notice()).isEqualTo("Pinned.");
      browser.get(site.url("/"));
      assertThat(browser.findElement(By.cssSelector(".items .item-title a")).getText())
          .isEqualTo(STORY);
      browser.get(editor);

      // The site's own article, written in Markdown, previewed and published.
      click(browser.findElement(By.cssSelector(".staff-nav")).findElement(By.linkText("Write")));
      browser.findElement(By.id("headline")).sendKeys("Our guide to the winter timetable");
      browser.findElement(By.id("summary")).sendKeys("Every crossing, day by day.");
      browser
          .findElement(By.id("body"))
          .sendKeys("The ferry runs **twice a day** from Monday.\n\n## Sundays\n\nOne crossing.\n");
      browser.findElement(By.id("authors")).sendKeys("Desk Editor");
      new Select(browser.findElement(By.id("section"))).selectByVisibleText("World");
      click(button("Preview"));
      assertThat(browser.findElement(By.cssSelector("article.preview")).getText())
          .contains("Our guide to the winter timetable", "twice a day");
      click(button("Publish"));
      assertThat(h1()).isEqualTo("Our guide to the winter timetable");
      assertThat(browser.findElement(By.cssSelector(".story-body strong")).getText())
          .isEqualTo("twice a day");
      site.app().applyContentChanges();
      assertThat(site.get("/sections/world").body()).contains("Our guide to the winter timetable");

      // Every step is in the audit log under the editor's name.
      assertThat(
              site.app().auditLog().find(pressroom.audit.AuditLog.Filter.ANY, null, 50).stream()
                  .filter(e -> e.actorUserId().equals("walk.editor"))
                  .map(pressroom.audit.AuditLog.Entry::action)
                  .toList())
          .contains(
              "source.add",
              "source.fetch",
              "article.edit",
              "article.correct",
              "article.withdraw",
              "article.restore",
              "article.pin",
              "article.write");
    }
  }

  private HttpResponse<String> asReader(String slug) {
    return site.newVisitor().get("/articles/" + slug);
  }

  private WebElement button(String label) {
    return browser.findElement(By.xpath("//main//button[normalize-space() = '" + label + "']"));
  }

  private void type(String field, String text) {
    WebElement input = browser.findElement(By.id(field));
    input.clear();
    input.sendKeys(text);
  }

  private String h1() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private String notice() {
    return browser.findElement(By.cssSelector("main .notice")).getText();
  }

  private void click(WebElement target) {
    Browser.clickAndWait(browser, target);
  }
}
