package pressroom.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.articles.ArticleSummary;
import pressroom.testing.Browser;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** The front page and a section page as a reader sees them, on the demo's content, in Chromium. */
@RunningSite(demo = true)
class FrontPageBrowserTest {
  TestApp site;
  ChromeDriver browser;

  @AfterEach
  void desktopAgain() {
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  double fontSize(WebElement e) {
    return Double.parseDouble(e.getCssValue("font-size").replace("px", ""));
  }

  @Test
  void theLeadStoryIsTheBiggestThenCardsThenHeadlinesAndNoStoryTwice() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(site.url("/"));
    WebElement lead = browser.findElement(By.cssSelector(".top-stories .item.lead .item-title"));
    List<WebElement> cards = browser.findElements(By.cssSelector(".top-stories .item.card"));
    List<WebElement> briefs = browser.findElements(By.cssSelector(".briefs .item.brief"));
    assertThat(cards).hasSize(4);
    assertThat(briefs).isNotEmpty();
    double leadSize = fontSize(lead);
    double cardSize = fontSize(cards.getFirst().findElement(By.cssSelector(".item-title")));
    double briefSize = fontSize(briefs.getFirst().findElement(By.cssSelector(".item-title")));
    assertThat(leadSize).isGreaterThan(cardSize * 1.5);
    assertThat(cardSize).isGreaterThan(briefSize);
    // On a desktop the headlines rail stands beside the lead, not under it.
    assertThat(browser.findElement(By.cssSelector(".briefs")).getLocation().getX())
        .isGreaterThan(lead.getLocation().getX() + lead.getSize().getWidth());
    assertThat(browser.findElements(By.cssSelector(".section-block")))
        .hasSizeGreaterThanOrEqualTo(4);
    List<String> links =
        browser.findElements(By.cssSelector(".item-title a")).stream()
            .map(a -> a.getDomAttribute("href"))
            .toList();
    assertThat(links).hasSizeGreaterThan(20).doesNotHaveDuplicates();

    // Pictures: the lead's loads first, the cards' when scrolled to, the headlines have none.
    WebElement leadPicture =
        browser.findElement(By.cssSelector(".top-stories .item.lead .item-picture img"));
    assertThat(leadPicture.getDomAttribute("fetchpriority")).isEqualTo("high");
    assertThat(leadPicture.getDomAttribute("srcset")).contains("/pictures/");
    Browser.waitUp(browser)
        .until(
            d ->
                ((Number) browser.executeScript("return arguments[0].naturalWidth", leadPicture))
                        .intValue()
                    > 0);
    assertThat(cards)
        .allSatisfy(
            c ->
                assertThat(
                        c.findElement(By.cssSelector(".item-picture img"))
                            .getDomAttribute("loading"))
                    .isEqualTo("lazy"));
    assertThat(browser.findElements(By.cssSelector(".briefs .item-picture"))).isEmpty();

    // The whole item opens the story, not only its headline.
    String leadHref = lead.findElement(By.tagName("a")).getDomAttribute("href");
    new org.openqa.selenium.interactions.Actions(browser)
        .moveToElement(browser.findElement(By.cssSelector(".top-stories .item.lead .item-summary")))
        .click()
        .perform();
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().endsWith(leadHref));
  }

  @Test
  void aPinnedStoryLeadsTheFrontPage() {
    List<ArticleSummary> all = site.app().listings().latest(100, site.clock().instant());
    ArticleSummary old = all.getLast();
    TestApp.Visitor editor =
        site.signedInNewAccount("front.editor", "a quiet pinning room", Role.EDITOR);
    assertThat(
            editor
                .post("/staff/articles/" + old.id() + "/pin", Map.of("place", "home"))
                .statusCode())
        .isEqualTo(303);
    try {
      browser.get(site.url("/"));
      assertThat(
              browser
                  .findElement(By.cssSelector(".top-stories .item.lead .item-title a"))
                  .getText())
          .isEqualTo(old.headline());
      long times =
          browser.findElements(By.cssSelector(".item-title a")).stream()
              .filter(a -> a.getText().equals(old.headline()))
              .count();
      assertThat(times).isEqualTo(1);
    } finally {
      editor.post("/staff/articles/" + old.id() + "/unpin", Map.of("place", "home"));
    }
  }

  @Test
  void onAPhoneTheLeadIsInSightAndNothingRunsOffTheSide() {
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String path : List.of("/", "/sections/syndicated-news")) {
      browser.get(site.url(path));
      // The lead's headline is read without scrolling, its picture (if any) above it.
      WebElement lead = browser.findElement(By.cssSelector(".item.lead .item-title"));
      Number bottom =
          (Number)
              browser.executeScript("return arguments[0].getBoundingClientRect().bottom", lead);
      Number height = (Number) browser.executeScript("return window.innerHeight");
      assertThat(bottom.doubleValue()).as(path).isLessThan(height.doubleValue());
      // A phone's rows keep their picture small, beside the headline.
      WebElement row = browser.findElement(By.cssSelector(".item.card, .item.row"));
      WebElement thumb = row.findElement(By.cssSelector(".item-picture"));
      WebElement title = row.findElement(By.cssSelector(".item-title"));
      assertThat(thumb.getLocation().getX()).as(path).isGreaterThan(title.getLocation().getX());
      assertThat(thumb.getSize().getWidth()).as(path).isLessThan(140);
      assertThat(Browser.sidewaysOverflow(browser)).as(path).isZero();
    }
  }

  @Test
  void theReadingListShowsEachSavedStorysPicture() {
    ArticleSummary a = site.app().listings().latest(1, site.clock().instant()).getFirst();
    site.app()
        .accounts()
        .createVerified("front.reader", "fr@mail.example", "a quiet reading room", Role.READER);
    Browser.signIn(browser, site, "front.reader", "a quiet reading room");
    try {
      browser.get(site.url("/articles/" + a.slug()));
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector("#bookmark-share form button[type=submit]")));
      browser.get(site.url("/reading-list"));
      WebElement img = browser.findElement(By.cssSelector(".saved-item .item-picture img"));
      assertThat(img.getDomAttribute("src")).startsWith("/pictures/");
      Browser.waitUp(browser)
          .until(
              d ->
                  ((Number) browser.executeScript("return arguments[0].naturalWidth", img))
                          .intValue()
                      > 0);
    } finally {
      browser.manage().deleteAllCookies();
    }
  }

  @Test
  void aSectionPageOpensWithItsLeadThenRows() {
    browser.get(site.url("/sections/syndicated-news"));
    assertThat(browser.findElements(By.cssSelector("ol.items > li.item.lead"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("ol.items > li.item.row")))
        .hasSizeGreaterThanOrEqualTo(9);
    browser.get(site.url("/sections/syndicated-news?page=2"));
    // Later pages are a plain list: the lead belongs to the section's front.
    assertThat(browser.findElements(By.cssSelector("ol.items > li.item.lead"))).isEmpty();
  }
}
