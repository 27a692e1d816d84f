package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** Issue 14: an admin filters the audit log in Chromium and gets the same selection as CSV. */
@RunningSite
class AuditPageBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("log.admin", "la@mail.example", PASSWORD, Role.ADMIN);
    site.app().accounts().createVerified("log.reader", "lr@mail.example", PASSWORD, Role.READER);
    TestApp.Visitor admin = site.signedIn("log.admin", PASSWORD);
    String reader =
        site.sqlOne(String.class, "SELECT id FROM accounts WHERE user_id = ?", "log.reader");
    admin.post("/staff/users/" + reader + "/role", Map.of("role", "moderator"));
    admin.post("/staff/users/" + reader + "/suspend", Map.of("days", "2", "reason", "cool off"));
  }

  @Test
  void anAdminFiltersTheLogAndDownloadsTheSelection() {
    Browser.signIn(browser, site, "log.admin", PASSWORD);
    browser.get(site.url("/staff/audit"));
    assertThat(rows()).hasSize(2);
    new Select(browser.findElement(By.id("action"))).selectByVisibleText("account.role");
    Browser.clickAndWait(
        browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
    assertThat(rows()).singleElement().asString().contains("account.role", "moderator");
    // The download link carries the same filter; fetched with the admin's session it is CSV.
    String csv = browser.findElement(By.linkText("Download CSV")).getAttribute("href");
    assertThat(URI.create(csv).getQuery()).contains("action=account.role");
    TestApp.Visitor admin = site.signedIn("log.admin", PASSWORD);
    String body =
        admin.get(URI.create(csv).getRawPath() + "?" + URI.create(csv).getRawQuery()).body();
    assertThat(body.lines()).hasSize(2).last().asString().contains("account.role");
  }

  private java.util.List<String> rows() {
    return browser.findElements(By.cssSelector("table.audit tbody tr")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
