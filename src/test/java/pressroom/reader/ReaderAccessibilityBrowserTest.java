package pressroom.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * Issue 15: axe-core finds no serious or critical accessibility violation on any reader page, at a
 * desktop's width and a phone's, in the light scheme and (on the phone) the dark one, for an
 * anonymous reader and a signed-in one.
 */
@RunningSite(indexed = true)
class ReaderAccessibilityBrowserTest {
  static final String PASSWORD = "a quiet reading room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("axe.desk", "axd@mail.example", PASSWORD, Role.MODERATOR);
    site.app().accounts().createVerified("axe.reader", "axr@mail.example", PASSWORD, Role.READER);
    TestApp.Visitor moderator = site.signedIn("axe.desk", PASSWORD);
    TestApp.Visitor reader = site.signedIn("axe.reader", PASSWORD);
    String path = "/articles/" + f.wire.slug() + "/comments";
    moderator.post(path, Map.of("body", "Thanks for reading; corrections go to the desk."));
    reader.post(path, Map.of("body", "The harbour looked busy again this morning."));
    for (String id : site.pendingCommentIds()) {
      moderator.post("/staff/moderation/" + id + "/approve", Map.of());
    }
    reader.post("/articles/" + f.wire.slug() + "/bookmark", Map.of("action", "add"));
    reader.post("/articles/" + f.arabic.slug() + "/bookmark", Map.of("action", "add"));
  }

  @AfterEach
  void lightAgain() {
    Browser.darkMode(browser, false);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  List<String> pages() {
    return List.of(
        "/",
        "/sections/world",
        "/sections/world?page=2",
        "/articles/" + f.wire.slug(),
        "/articles/" + f.arabic.slug(),
        "/authors/jane-roe",
        "/tags/ports",
        "/search",
        "/search?q=harbour",
        "/search?q=harbour&from=not-a-date",
        "/signin",
        "/register",
        "/recover",
        "/no-such-page");
  }

  void checkEach(List<String> pages, String who) {
    for (String page : pages) {
      // Light at both widths; dark on a phone, where most readers meet it.
      for (boolean dark : List.of(false, true)) {
        Browser.darkMode(browser, dark);
        for (Dimension size :
            dark
                ? List.of(new Dimension(390, 844))
                : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
          browser.manage().window().setSize(size);
          browser.get(site.url(page));
          assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
          assertThat(Axe.seriousViolations(browser))
              .as(who + " " + page + " at " + size.width + " px" + (dark ? ", dark" : ""))
              .isEmpty();
        }
      }
    }
  }

  @Test
  void noSeriousViolationForAnAnonymousReader() {
    browser.manage().deleteAllCookies();
    checkEach(pages(), "anonymous");
  }

  @Test
  void noSeriousViolationForASignedInReader() {
    browser.manage().deleteAllCookies();
    Browser.signIn(browser, site, "axe.reader", PASSWORD);
    // The pages that differ once signed in (the masthead differs on all, and is on these too).
    checkEach(
        List.of(
            "/",
            "/articles/" + f.wire.slug(),
            "/articles/" + f.arabic.slug(),
            "/search?q=harbour",
            "/reading-list",
            "/profile"),
        "signed-in");
    browser.manage().deleteAllCookies();
  }

  /** The check can fail: text the dark scheme leaves unreadable is caught. */
  @Test
  void poorContrastIsCaught() {
    Browser.darkMode(browser, true);
    browser.get(site.url("/"));
    browser.executeScript(
        "document.querySelector('main').append(Object.assign(document.createElement('p'),"
            + " {textContent: 'Faint words', className: 'faint-test'}));"
            + "document.querySelector('.faint-test').style.color = '#222';");
    assertThat(Axe.seriousViolations(browser)).anySatisfy(v -> assertThat(v).contains("contrast"));
  }
}
