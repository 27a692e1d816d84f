package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** A reader searches, opens a result, bookmarks it, finds it in the reading list, removes it. */
@RunningSite(indexed = true)
class SearchBookmarkBrowserTest {
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app()
        .accounts()
        .createVerified("reader.one", "one@mail.example", "a quiet reading room", Role.READER);
  }

  FluentWait<WebDriver> waitUp() {
    return Browser.waitUp(browser);
  }

  @Test
  void searchOpenBookmarkFindInTheReadingListRemove() {
    Browser.signIn(browser, site, "reader.one", "a quiet reading room");
    waitUp()
        .until(
            d -> d.findElement(By.cssSelector(".account-nav")).getText().contains("Reading list"));

    browser.findElement(By.id("q")).sendKeys("microgrid");
    browser.findElement(By.cssSelector(".site-search button")).click();
    waitUp()
        .until(d -> d.findElement(By.tagName("h1")).getText().equals("Results for “microgrid”"));
    browser.findElement(By.linkText("Mountain village switches on its solar microgrid")).click();
    waitUp()
        .until(
            d ->
                d.findElement(By.cssSelector("article h1"))
                    .getText()
                    .equals("Mountain village switches on its solar microgrid"));

    String url = TestApp.BASE_URL + "/articles/" + f.own.slug();
    browser.findElement(By.cssSelector("#bookmark-share summary")).click();
    for (var a : browser.findElements(By.cssSelector("#bookmark-share .share a"))) {
      assertThat(URLDecoder.decode(a.getAttribute("href"), StandardCharsets.UTF_8))
          .as(a.getText())
          .contains(url);
    }
    assertThat(
            URLDecoder.decode(
                browser.findElement(By.linkText("X")).getAttribute("href"), StandardCharsets.UTF_8))
        .contains("Mountain village switches on its solar microgrid");

    browser.findElement(By.cssSelector("#bookmark-share button[aria-pressed=false]")).click();
    waitUp()
        .until(
            d ->
                !d.findElements(By.cssSelector("#bookmark-share button[aria-pressed=true]"))
                    .isEmpty());
    browser.findElement(By.linkText("My reading list")).click();
    waitUp().until(d -> d.findElement(By.tagName("h1")).getText().equals("My reading list"));
    assertThat(browser.findElements(By.cssSelector(".item-title")))
        .extracting(e -> e.getText())
        .containsExactly("Mountain village switches on its solar microgrid");
    browser.findElement(By.cssSelector(".item form button")).click();
    waitUp().until(d -> d.findElement(By.tagName("main")).getText().contains("Nothing saved yet"));
  }

  double number(String script, Object... args) {
    return ((Number) browser.executeScript(script, args)).doubleValue();
  }

  @Test
  void onAPhoneTheResultsComeFirstAndTheRefinementsFoldAway() {
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(site.url("/search?q=harbour"));
      var first = browser.findElement(By.cssSelector(".search-main .items .item"));
      assertThat(number("return arguments[0].getBoundingClientRect().top", first))
          .isLessThan(number("return window.innerHeight"));
      assertThat(browser.findElement(By.cssSelector("details.refine")).getAttribute("open"))
          .isNull();
      assertThat(browser.findElement(By.id("from")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.cssSelector("label[for=q-page]")).getText())
          .isEqualTo("Search articles");
      assertThat(browser.findElement(By.cssSelector(".search-tips ul")).isDisplayed()).isFalse();
      assertThat(pressroom.testing.Browser.sidewaysOverflow(browser)).isZero();
      assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();

      // A date the site's way, typed into the folded panel.
      browser.findElement(By.cssSelector("details.refine summary")).click();
      browser.findElement(By.id("from")).sendKeys("1 January 2000");
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector(".refine-form button[type=submit]")));
      assertThat(browser.findElement(By.id("q-page")).getAttribute("value")).isEqualTo("harbour");
      assertThat(browser.findElement(By.id("from")).getAttribute("value"))
          .isEqualTo("1 January 2000");
      assertThat(browser.findElements(By.cssSelector(".search-main .items .item"))).isNotEmpty();

      // A date it cannot read: said beside the field, the search kept, the focus on the field.
      browser.findElement(By.cssSelector("details.refine summary")).click();
      browser.findElement(By.id("from")).clear();
      browser.findElement(By.id("from")).sendKeys("12/31/2026");
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector(".refine-form button[type=submit]")));
      assertThat(browser.findElement(By.id("from-error")).getText())
          .contains("“12/31/2026” is not a date we can read");
      assertThat(browser.findElement(By.id("from")).getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("from");
      assertThat(browser.findElement(By.id("q-page")).getAttribute("value")).isEqualTo("harbour");
      assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();

      // A desktop: the refinements stand open beside the results.
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      browser.get(site.url("/search?q=harbour"));
      var refine = browser.findElement(By.cssSelector("details.refine"));
      waitUp().until(d -> refine.getAttribute("open") != null);
      assertThat(browser.findElement(By.id("from")).isDisplayed()).isTrue();
      assertThat(refine.getRect().getX())
          .isGreaterThan(browser.findElement(By.cssSelector(".search-main")).getRect().getX());
      assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }
}
