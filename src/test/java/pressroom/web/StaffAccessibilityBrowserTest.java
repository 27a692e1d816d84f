package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Axe;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Issue 14: axe-core finds no serious or critical accessibility violation on any staff page, at a
 * desktop's width and a phone's, with something in each list to draw.
 */
@RunningSite
class StaffAccessibilityBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("axe.admin", "axe@mail.example", PASSWORD, Role.ADMIN);
    site.app().accounts().createVerified("axe.reader", "axr@mail.example", PASSWORD, Role.READER);
    site.signedIn("axe.reader", PASSWORD)
        .post("/articles/" + f.wire.slug() + "/comments", Map.of("body", "A comment to moderate"));
    Browser.signIn(browser, site, "axe.admin", PASSWORD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/staff",
        "/staff/moderation",
        "/staff/sources",
        "/staff/sources/new",
        "/staff/users",
        "/staff/audit",
        "/staff/security",
        "/profile/two-factor",
        "/staff/audit?from=not-a-date",
        "/staff/sections",
        "/staff/articles/new",
        "/staff/articles",
        "/staff/articles?from=not-a-date"
      })
  void noSeriousViolation(String page) {
    for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
      browser.manage().window().setSize(size);
      browser.get(site.url(page));
      assertThat(Axe.seriousViolations(browser)).as(page + " at " + size.width + " px").isEmpty();
    }
  }

  /** The pages about one thing: a partner's settings and removal, an article and its history. */
  @org.junit.jupiter.api.Test
  void noSeriousViolationOnOneThingsPages() {
    String source =
        site.sqlOne(String.class, "SELECT source_id FROM articles WHERE id = ?", f.wire.id());
    for (String page :
        List.of(
            "/staff/sources/" + source + "/edit",
            "/staff/sources/" + source + "/remove",
            "/staff/articles/" + f.wire.id(),
            "/staff/articles/" + f.wire.id() + "/revisions")) {
      for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
        browser.manage().window().setSize(size);
        browser.get(site.url(page));
        assertThat(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText())
            .as(page)
            .isNotBlank()
            .isNotEqualTo("Page not found");
        assertThat(Axe.seriousViolations(browser)).as(page + " at " + size.width + " px").isEmpty();
      }
    }
  }

  /** The check can fail: a form field without a label, added to a staff page, is caught. */
  @org.junit.jupiter.api.Test
  void anUnlabelledFieldIsCaught() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(site.url("/staff/users"));
    browser.executeScript(
        "document.querySelector('main').append(Object.assign(document.createElement('select'),"
            + " {id: 'unlabelled'}));");
    assertThat(Axe.seriousViolations(browser)).anySatisfy(v -> assertThat(v).contains("label"));
  }
}
