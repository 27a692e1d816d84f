package pressroom.articles.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import pressroom.articles.ArticleWrites.StoredArticle;
import pressroom.testing.Browser;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * An editor works one article through the desk in Chromium, pressing every button of its pages:
 * filters the list, opens the article, edits it, appends a correction, withdraws it (a reader gets
 * 410 with the reason) and restores it, pins it to the home page and its section and unpins it, and
 * reads the revisions' differences.
 */
@RunningSite
class ArticleDeskBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;
  StoredArticle story;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("desk.chief", "chief@mail.example", PASSWORD, Role.EDITOR);
    story =
        site.insert(
            Fixtures.story(
                "Tram line extension opens to the harbour",
                "<p>The first tram left the depot at six.</p><p>Riders cheered.</p>",
                site.clock().instant().minus(Duration.ofDays(2))));
    site.insert(
        Fixtures.story(
            "Newer story on the market square",
            "<p>Stalls.</p>",
            site.clock().instant().minus(Duration.ofHours(1))));
  }

  /** Presses a button by its text and waits for the answer page. */
  void press(String button) {
    WebElement html = browser.findElement(By.tagName("html"));
    browser.findElement(By.xpath("//main//button[normalize-space() = '" + button + "']")).click();
    Browser.waitUp(browser).until(ExpectedConditions.stalenessOf(html));
    Browser.waitUp(browser).until(d -> !d.findElements(By.tagName("h1")).isEmpty());
  }

  String notice() {
    return browser.findElement(By.cssSelector("main .notice[role=status]")).getText();
  }

  HttpResponse<String> asReader() {
    site.app().applyContentChanges();
    return site.newVisitor().get("/articles/" + story.slug());
  }

  String homeFirst() {
    browser.get(site.url("/"));
    return browser.findElement(By.cssSelector(".latest .items .item-title a")).getText();
  }

  /** The text of the marked pieces, without what only screen readers hear. */
  String marked(String css) {
    return String.join(
        " | ",
        browser.findElements(By.cssSelector(css)).stream()
            .map(e -> e.getText().replaceAll("\\[(removed|added):|\\]|\\s+", " ").strip())
            .toList());
  }

  @Test
  void anEditorWorksAnArticleThroughTheDesk() {
    Browser.signIn(browser, site, "desk.chief", PASSWORD);
    browser.get(site.url("/staff/articles"));
    assertThat(browser.findElement(By.cssSelector(".staff-nav a[aria-current=page]")).getText())
        .isEqualTo("Articles");

    // Filter: World, our own, published, "tram".
    new Select(browser.findElement(By.id("f-section"))).selectByVisibleText("World");
    new Select(browser.findElement(By.id("f-source"))).selectByVisibleText("Our own");
    new Select(browser.findElement(By.id("f-status"))).selectByVisibleText("published");
    browser.findElement(By.id("f-q")).sendKeys("tram");
    press("Filter");
    assertThat(browser.findElements(By.cssSelector("table.desk-articles tbody tr")))
        .extracting(WebElement::getText)
        .singleElement()
        .asString()
        .contains("Tram line extension opens to the harbour", "World", "Our own", "published");
    browser.findElement(By.linkText("Tram line extension opens to the harbour")).click();
    Browser.waitUp(browser)
        .until(d -> d.findElement(By.tagName("h1")).getText().equals("Edit article"));

    // Edit, twice, so that there are revisions to choose between.
    WebElement headline = browser.findElement(By.id("headline"));
    headline.clear();
    headline.sendKeys("Tram line extension opens to the harbour at last");
    press("Save");
    assertThat(notice()).startsWith("Saved.");
    WebElement body = browser.findElement(By.id("body"));
    body.clear();
    body.sendKeys("<p>The first tram left the depot at dawn.</p><p>Riders cheered.</p>");
    press("Save");
    assertThat(asReader().body())
        .contains("Tram line extension opens to the harbour at last", "left the depot at dawn");

    browser.findElement(By.id("note")).sendKeys("The line has nine stops, not eight.");
    press("Add correction");
    assertThat(notice()).startsWith("Correction added.");
    assertThat(browser.findElement(By.cssSelector(".desk-corrections")).getText())
        .contains("The line has nine stops, not eight.");
    assertThat(asReader().body()).contains("The line has nine stops, not eight.");

    browser.findElement(By.id("reason")).sendKeys("The opening was postponed.");
    press("Withdraw");
    assertThat(notice()).startsWith("Withdrawn.");
    Eventually.until("a reader gets 410", () -> asReader().statusCode() == 410);
    assertThat(asReader().body()).contains("The opening was postponed.");

    press("Restore");
    assertThat(notice()).startsWith("Restored.");
    assertThat(asReader().statusCode()).isEqualTo(200);

    assertThat(homeFirst()).isNotEqualTo("Tram line extension opens to the harbour at last");
    browser.navigate().back();
    press("Pin to the home page");
    assertThat(notice()).isEqualTo("Pinned.");
    String editor = browser.getCurrentUrl();
    assertThat(homeFirst()).isEqualTo("Tram line extension opens to the harbour at last");
    browser.get(editor);
    press("Pin to the top of World");
    browser.get(site.url("/sections/world"));
    assertThat(browser.findElement(By.cssSelector(".items .item-title a")).getText())
        .isEqualTo("Tram line extension opens to the harbour at last");
    browser.get(editor);
    press("Unpin from the home page");
    assertThat(notice()).isEqualTo("Unpinned.");
    press("Unpin from World");
    assertThat(homeFirst()).isEqualTo("Newer story on the market square");

    // The revisions: the newest is compared at first; the older one on asking.
    browser.get(editor);
    browser.findElement(By.partialLinkText("Revisions (2)")).click();
    Browser.waitUp(browser)
        .until(d -> d.findElement(By.tagName("h1")).getText().equals("Revisions"));
    assertThat(marked(".diff del")).contains("six.");
    assertThat(marked(".diff ins")).contains("dawn.");
    // Where there is room the two versions stand side by side; on a phone, inline.
    assertThat(browser.findElement(By.cssSelector(".diff-sides")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector(".diff-inline")).isDisplayed()).isFalse();
    browser.findElement(By.linkText("Compare with the current text")).click();
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().contains("?with="));
    assertThat(marked(".diff ins")).contains("at last");
  }

  /** axe-core finds nothing serious on the editor (a refused form too) and the revisions. */
  @Test
  void theEditorAndRevisionsHaveNoSeriousAccessibilityViolation() {
    Browser.signIn(browser, site, "desk.chief", PASSWORD);
    var other =
        site.insert(
            Fixtures.story(
                "Accessible story",
                "<p>One two three.</p>",
                site.clock().instant().minusSeconds(60)));
    browser.get(site.url("/staff/articles/" + other.id()));
    WebElement body = browser.findElement(By.id("body"));
    body.clear();
    body.sendKeys("<p>One two four.</p>");
    press("Save");
    Dimension before = browser.manage().window().getSize();
    try {
      for (Dimension size : java.util.List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
        browser.manage().window().setSize(size);
        for (String page :
            new String[] {
              "/staff/articles/" + other.id(),
              "/staff/articles/" + other.id() + "/revisions",
              "/staff/articles?before=nowhere"
            }) {
          browser.get(site.url(page));
          assertThat(pressroom.testing.Axe.seriousViolations(browser))
              .as(page + " at " + size.width + " px")
              .isEmpty();
        }
        // A refused withdrawal: the page again, the field marked.
        browser.get(site.url("/staff/articles/" + other.id()));
        browser.executeScript("document.getElementById('reason').removeAttribute('required')");
        press("Withdraw");
        assertThat(browser.findElement(By.id("reason-error")).getText()).startsWith("Reason");
        assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();
      }
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  @Test
  void theDeskFitsAPhone() {
    Browser.signIn(browser, site, "desk.chief", PASSWORD);
    Dimension before = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      for (String page :
          new String[] {
            "/staff/articles",
            "/staff/articles/" + story.id(),
            "/staff/articles/" + story.id() + "/revisions"
          }) {
        browser.get(site.url(page));
        Number overflow =
            (Number)
                browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(0);
      }
    } finally {
      browser.manage().window().setSize(before);
    }
  }
}
