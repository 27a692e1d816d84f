package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Issue 12.18: an admin presses every button of every form on every staff page in Chromium, and
 * none is refused for a missing or stale token; the masthead shows the admin signed in on every
 * page, the 403 and 404 pages included. A staff form without its token cannot land again.
 */
@RunningSite
class StaffPagesBrowserTest {
  static final List<String> STAFF_PAGES =
      List.of(
          "/staff/moderation",
          "/staff/sources",
          "/staff/users",
          "/staff/sections",
          "/staff/security");

  /** Staff pages that are one form: pressed like the others, with no list or table to measure. */
  static final List<String> STAFF_FORMS = List.of("/staff/sources/new", "/staff/articles/new");

  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("chief.admin", "chief@mail.example", PASSWORD, Role.ADMIN);
    site.app()
        .accounts()
        .createVerified("some.reader", "reader@mail.example", PASSWORD, Role.READER);
    // Something in the queue: a new reader's first comment waits for a moderator.
    TestApp.Visitor reader = site.newVisitor();
    reader.post("/signin", Map.of("login", "some.reader", "password", PASSWORD));
    reader.post(
        "/articles/" + f.wire.slug() + "/comments",
        Map.of("body", "A first comment for the moderation queue"));
    site.insert(Fixtures.story("Another story", "<p>Text.</p>", Instant.now().minusSeconds(60)));
  }

  void signIn() {
    Browser.signIn(browser, site, "chief.admin", PASSWORD);
  }

  @Test
  void everyButtonOfEveryStaffPageIsAccepted() {
    signIn();
    List<String> pressed = new ArrayList<>();
    for (String page :
        java.util.stream.Stream.concat(STAFF_PAGES.stream(), STAFF_FORMS.stream()).toList()) {
      browser.get(site.url(page));
      int forms = postForms().size();
      assertThat(forms).as(page + " has forms to press").isPositive();
      for (int i = 0; i < forms; i++) {
        browser.get(site.url(page));
        // What is folded away (the queue's "More" actions) is opened, as a moderator would.
        browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        List<WebElement> now = postForms();
        if (i >= now.size()) {
          break; // an earlier press removed a row (an approved comment leaves the queue)
        }
        WebElement form = now.get(i);
        for (WebElement field :
            form.findElements(By.cssSelector("input[required], textarea[required]"))) {
          if (field.getAttribute("value") == null || field.getAttribute("value").isEmpty()) {
            field.sendKeys(
                field.getAttribute("type").equals("number") ? "1" : "pressed by the test");
          }
        }
        List<WebElement> buttons =
            form.findElements(By.cssSelector("button:not([type=button]), input[type=submit]"));
        assertThat(buttons).as("form %d of %s has a button", i, page).isNotEmpty();
        String label =
            page
                + " · "
                + (buttons.get(0).getText().isBlank()
                    ? buttons.get(0).getAttribute("value")
                    : buttons.get(0).getText());
        Browser.clickAndWait(browser, buttons.get(0));
        String h1 = browser.findElement(By.tagName("h1")).getText();
        assertThat(h1).as(label).isNotEqualTo("Form expired").isNotEqualTo("Staff only");
        assertThat(browser.findElements(By.cssSelector(".account-nav")))
            .as(label + ": still signed in")
            .isNotEmpty();
        pressed.add(label);
      }
    }
    assertThat(pressed).hasSizeGreaterThanOrEqualTo(STAFF_PAGES.size() + STAFF_FORMS.size());
  }

  @Test
  void staffPagesUseTheFullWidthOfThePage() {
    signIn();
    for (String page : STAFF_PAGES) {
      browser.get(site.url(page));
      Number main =
          (Number)
              browser.executeScript(
                  "return document.querySelector('main').getBoundingClientRect().width;");
      // The page's lists and tables: before, the home page's two-column grid squeezed them.
      @SuppressWarnings("unchecked")
      List<Number> widths =
          (List<Number>)
              browser.executeScript(
                  "return [...document.querySelectorAll('main > :is(ol, ul, table, .table-wrap)')]"
                      + ".map(e => e.getBoundingClientRect().width);");
      assertThat(widths).as(page + " has a list or table").isNotEmpty();
      assertThat(widths)
          .as(page)
          .allSatisfy(w -> assertThat(w.doubleValue()).isGreaterThan(0.9 * main.doubleValue()));
    }
  }

  @Test
  void errorPagesShowTheStaffMemberSignedIn() {
    signIn();
    browser.get(site.url("/no-such-page-at-all"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    assertThat(browser.findElement(By.cssSelector(".account-nav")).getText())
        .contains("chief.admin");
  }

  private List<WebElement> postForms() {
    return browser.findElements(By.cssSelector("main form")).stream()
        .filter(f -> "post".equalsIgnoreCase(f.getAttribute("method")))
        .toList();
  }
}
