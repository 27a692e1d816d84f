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
}
