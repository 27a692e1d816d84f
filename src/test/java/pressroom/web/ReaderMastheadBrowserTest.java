package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Axe;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * The reader's masthead: on a phone a slim bar that leaves the screen to the news (under 15% of its
 * height), nothing wider than the screen, everything still in reach; a full masthead on a desktop.
 */
@RunningSite(indexed = true)
class ReaderMastheadBrowserTest {
  static final Dimension PHONE = new Dimension(390, 844);
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final String PASSWORD = "a bright morning paper";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("mast.editor", "mast@mail.example", PASSWORD, Role.EDITOR);
    // Something in the reading list to draw, right to left.
    site.signedIn("mast.editor", PASSWORD)
        .post("/articles/" + f.arabic.slug() + "/bookmark", java.util.Map.of("action", "add"));
  }

  List<String> pages() {
    return List.of(
        "/",
        "/articles/" + f.wire.slug(),
        "/articles/" + f.arabic.slug(),
        "/search?q=harbour",
        "/reading-list");
  }

  double number(String script) {
    return ((Number) browser.executeScript(script)).doubleValue();
  }

  void at(Dimension size, String path) {
    browser.manage().window().setSize(size);
    browser.get(site.url(path));
    Browser.waitUp(browser)
        .until(d -> "complete".equals(browser.executeScript("return document.readyState")));
  }

  /** The elements that reach past the right edge, to say what to fix. */
  Object tooWide() {
    return browser.executeScript(
        "var w = document.documentElement.clientWidth, out = [];"
            + "document.querySelectorAll('body *').forEach(function (e) {"
            + "  var r = e.getBoundingClientRect();"
            + "  if (r.right > w + 0.5 || r.left < -0.5) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));"
            + "}); return out.slice(0, 8).join('; ');");
  }

  /** Keeps a picture of what the test saw, for a person reviewing the change. */
  void picture(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), Browser.screenshot(browser));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void checkPhone(String who) {
    for (String path : pages()) {
      at(PHONE, path);
      double height =
          number("return document.querySelector('.masthead').getBoundingClientRect().height");
      double screen = number("return window.innerHeight");
      assertThat(height).as(path + " masthead, " + who).isLessThan(0.15 * screen);
      assertThat(Browser.sidewaysOverflow(browser))
          .as(path + " sideways, " + who + "; too wide: " + tooWide())
          .isZero();
      assertThat(browser.findElement(By.cssSelector(".site-name")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.cssSelector(".search-link")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.cssSelector(".sections")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.cssSelector(".sections")).getCssValue("flex-wrap"))
          .isEqualTo("nowrap");
      assertThat(Axe.seriousViolations(browser)).as(path + " at a phone's width, " + who).isEmpty();
      picture("masthead-phone-" + who + path.replaceAll("[^a-z]+", "-"));
    }
  }

  @Test
  void aSignedOutReaderOnAPhone() {
    browser.manage().deleteAllCookies();
    checkPhone("signed-out");
    at(PHONE, "/articles/" + f.wire.slug());
    var nav = browser.findElement(By.cssSelector(".account-nav"));
    assertThat(nav.getText()).contains("Sign in", "Register");
    // The search icon opens the search field in place, with the focus in it.
    assertThat(browser.findElement(By.id("q")).isDisplayed()).isFalse();
    browser.findElement(By.cssSelector(".search-link")).click();
    assertThat(browser.findElement(By.id("q")).isDisplayed()).isTrue();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
    assertThat(Axe.seriousViolations(browser)).isEmpty();
  }

  @Test
  void aSignedInEditorOnAPhoneHasEverythingInOneMenu() {
    Browser.signIn(browser, site, "mast.editor", PASSWORD);
    checkPhone("editor");
    at(PHONE, "/");
    var summary = browser.findElement(By.cssSelector(".account-menu summary"));
    assertThat(summary.getText()).contains("mast.editor");
    assertThat(
            browser
                .findElement(By.cssSelector(".account-menu a[href='/reading-list']"))
                .isDisplayed())
        .isFalse();
    summary.click();
    for (String link : List.of("/profile", "/reading-list", "/staff")) {
      assertThat(
              browser
                  .findElement(By.cssSelector(".account-menu a[href='" + link + "']"))
                  .isDisplayed())
          .as(link)
          .isTrue();
    }
    assertThat(
            browser
                .findElement(By.cssSelector(".account-menu form[action='/signout'] button"))
                .isDisplayed())
        .isTrue();
    picture("masthead-phone-editor-menu");
    assertThat(Axe.seriousViolations(browser)).isEmpty();

    // A desktop shows the links in a row, and a proper masthead.
    at(DESKTOP, "/");
    assertThat(
            browser
                .findElement(By.cssSelector(".account-menu a[href='/reading-list']"))
                .isDisplayed())
        .isTrue();
    assertThat(browser.findElement(By.id("q")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector(".search-link")).isDisplayed()).isFalse();
    assertThat(Axe.seriousViolations(browser)).isEmpty();
    picture("masthead-desktop-editor");
    for (String path : pages()) {
      at(DESKTOP, path);
      assertThat(Browser.sidewaysOverflow(browser)).as(path + " sideways on a desktop").isZero();
      assertThat(Axe.seriousViolations(browser)).as(path + " on a desktop").isEmpty();
      picture("desktop-editor" + path.replaceAll("[^a-z]+", "-"));
    }
  }
}
