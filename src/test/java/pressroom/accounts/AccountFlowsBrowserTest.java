package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.MailCatcher;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/**
 * Every account flow, as a reader does it, in real Chromium, with mail read from a real SMTP
 * server.
 */
@RunningSite
class AccountFlowsBrowserTest {
  TestApp site;
  MailCatcher mail;
  ChromeDriver browser;
  Fixtures f;

  void open(String path) {
    browser.get(site.url(path));
  }

  /** Follows a link from a mail: the mail names the public base URL; the test server is local. */
  void follow(String link) {
    open(link.substring(TestApp.BASE_URL.length()));
  }

  void type(String id, String text) {
    var field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Waits for the page the last click led to: its main heading reads {@code text}. */
  void awaitH1(String text) {
    Browser.waitUp(browser).until(d -> d.findElement(By.tagName("h1")).getText().equals(text));
  }

  void awaitText(String css, String text) {
    Browser.waitUp(browser).until(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
  }

  @Test
  void registerVerifySignOutRecoverByEmailAndByUserIdResetAndSignIn() {
    String userId = "nadia.k";
    String email = "nadia@mail.example";
    open("/register");
    assertThat(browser.findElement(By.cssSelector("label[for=userId]")).getText())
        .isEqualTo("User ID *");
    type("userId", userId);
    type("email", email);
    type("password", "tea in the old harbour");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    awaitH1("Check your e-mail");
    follow(MailCatcher.link(mail.awaitMail(email, 0), "/verify"));
    awaitH1("E-mail address confirmed");

    // Sign in from the prompt on an article page, with the user ID; come back to its comments.
    open("/articles/" + f.wire.slug());
    browser.findElement(By.cssSelector("#sign-in summary")).click();
    assertThat(browser.findElement(By.id("sign-in")).getText())
        .contains("enter user ID or e-mail to recover login credentials".substring(1));
    type("login", userId);
    type("password", "tea in the old harbour");
    browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    awaitText(".account-nav", userId);
    assertThat(browser.getCurrentUrl()).endsWith("/articles/" + f.wire.slug() + "#comments");
    assertThat(browser.findElements(By.id("sign-in"))).as("no second sign-in box").isEmpty();

    browser.findElement(By.cssSelector(".account-nav button")).click(); // Sign out
    awaitText(".account-nav", "Sign in");

    // Recover with the e-mail address, then with the user ID; use the second link.
    for (String login : new String[] {email, userId}) {
      open("/signin");
      browser
          .findElement(By.linkText("Enter user ID or e-mail to recover login credentials"))
          .click();
      int before = mail.count(email);
      type("login", login);
      browser.findElement(By.cssSelector("main form button[type=submit]")).click();
      awaitH1("Check your e-mail");
      String text = mail.awaitMail(email, before);
      assertThat(text).contains("Your user ID is: " + userId);
      if (login.equals(userId)) {
        follow(MailCatcher.link(text, "/reset"));
      }
    }
    awaitH1("Choose a new password");
    type("password", "a lantern by the quay");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    awaitH1("Password changed");

    open("/signin");
    type("login", email);
    type("password", "a lantern by the quay");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    awaitText(".account-nav", "Sign out");
    open("/profile");
    awaitH1("Your profile");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("User ID: " + userId);
  }
}
