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

  /** Keeps a picture of what the test saw, for a person reviewing the change. */
  void picture(String name) {
    try {
      var dir = java.nio.file.Path.of("target", "screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(
          dir.resolve(name + ".png"), pressroom.testing.Browser.screenshot(browser));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
    awaitH1("Confirm your e-mail address");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(userId);
    Browser.clickAndWait(
        browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
    awaitText(".account-nav", userId);
    browser.findElement(By.cssSelector(".account-nav button")).click(); // Sign out
    awaitText(".account-nav", "Sign in");

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

  /** The whole mailed confirmation link, with the page to come back to. */
  static String confirmationLink(String mailText) {
    var m =
        java.util.regex.Pattern.compile("(https?://\\S+/verify\\?token=\\S+)").matcher(mailText);
    assertThat(m.find()).as(mailText).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  @Test
  void registeringFromAnArticleEndsSignedInBackOnThatArticle() {
    String userId = "omar.v";
    String email = "omar@mail.example";
    String article = "/articles/" + f.wire.slug();
    open("/");
    browser.manage().deleteAllCookies(); // nobody signed in from the tests before
    open(article);
    Browser.clickAndWait(
        browser, browser.findElement(By.cssSelector(".account-nav a[href^='/register']")));
    assertThat(browser.getCurrentUrl())
        .contains(
            "return="
                + java.net.URLEncoder.encode(article, java.nio.charset.StandardCharsets.UTF_8));
    type("userId", userId);
    type("email", email);
    type("password", "rain on the ferry deck");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    awaitH1("Check your e-mail");

    // Opened in the browser that registered, the link signs in.
    String link = confirmationLink(mail.awaitMail(email, 0));
    follow(link);
    awaitH1("Confirm your e-mail address");
    var button = browser.findElement(By.cssSelector("main form button[type=submit]"));
    assertThat(button.getText()).isEqualTo("Confirm and sign in");
    button.click();
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().endsWith(article));
    awaitText(".confirmed-notice", "Your e-mail address is confirmed. You are signed in.");
    picture("confirmed-back-on-the-article");
    awaitText(".account-nav", userId);

    // Once only: the same link again says it does not work, and signs nobody in.
    browser.manage().deleteAllCookies();
    follow(link);
    awaitH1("This link does not work");
    assertThat(browser.findElement(By.cssSelector(".account-nav")).getText()).contains("Sign in");
  }

  @Test
  void aLinkOpenedInAnotherBrowserConfirmsThenSigningInReturnsToTheArticle() {
    String userId = "lena.p";
    String email = "lena@mail.example";
    String article = "/articles/" + f.wire.slug();
    // Registered elsewhere (another device): this browser has nothing from the registration.
    site.newVisitor()
        .post(
            "/register",
            java.util.Map.of(
                "userId",
                userId,
                "email",
                email,
                "password",
                "gulls over the pier",
                "return",
                article));
    open("/");
    browser.manage().deleteAllCookies();
    follow(confirmationLink(mail.awaitMail(email, 0)));
    awaitH1("Confirm your e-mail address");
    var button = browser.findElement(By.cssSelector("main form button[type=submit]"));
    assertThat(button.getText()).isEqualTo("Confirm");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("signed in");
    button.click();
    awaitH1("E-mail address confirmed");
    assertThat(browser.findElement(By.cssSelector(".account-nav")).getText()).contains("Sign in");
    String signInLink =
        browser.findElement(By.cssSelector("main a[href^='/signin']")).getAttribute("href");
    // Signed out, an address that says "confirmed" gets no "you are signed in" note.
    open(article + "?confirmed=email");
    Browser.waitUp(browser).until(d -> !d.getCurrentUrl().contains("confirmed="));
    assertThat(browser.findElements(By.cssSelector(".confirmed-notice"))).isEmpty();

    browser.get(signInLink);
    awaitH1("Sign in");
    type("login", userId);
    type("password", "gulls over the pier");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    awaitText(".account-nav", userId);
    assertThat(browser.getCurrentUrl()).endsWith(article);
  }

  @Test
  void signInAndRegisterLinksNeverCarryAMailedLinksSecretOnward() {
    open("/");
    browser.manage().deleteAllCookies();
    for (String page :
        new String[] {
          "/unsubscribe?key=secret-key-1",
          "/verify?token=secret-token-2",
          "/reset?token=secret-token-3",
          "/articles/" + f.wire.slug() + "?token=secret-token-4"
        }) {
      open(page);
      for (var a : browser.findElements(By.cssSelector(".account-nav a"))) {
        assertThat(a.getAttribute("href")).as(page).doesNotContain("secret");
      }
    }
    open("/articles/" + f.wire.slug());
    assertThat(
            browser
                .findElement(By.cssSelector(".account-nav a[href^='/signin']"))
                .getAttribute("href"))
        .contains("return=");
  }

  @Test
  void problemsAreMarkedOnTheirFieldsListedAboveAndTheFirstHasTheFocus() {
    for (var size :
        new org.openqa.selenium.Dimension[] {
          new org.openqa.selenium.Dimension(390, 844), new org.openqa.selenium.Dimension(1280, 900)
        }) {
      browser.manage().window().setSize(size);
      open("/register");
      type("email", "not an address");
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
      var userIdField = browser.findElement(By.id("userId"));
      assertThat(userIdField.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(browser.findElement(By.id("email")).getAttribute("value"))
          .isEqualTo("not an address");
      String described = browser.findElement(By.id("email")).getAttribute("aria-describedby");
      assertThat(described).contains("email-error");
      assertThat(browser.findElement(By.id("email-error")).getText()).isNotBlank();
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("userId");
      var summary = browser.findElement(By.cssSelector(".error-summary[role=alert]"));
      assertThat(summary.findElements(By.cssSelector("a[href='#userId']"))).hasSize(1);
      assertThat(summary.findElement(By.cssSelector("a[href='#email']")).getText())
          .startsWith("E-mail: ");
      picture("register-problems-" + size.width);
      assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();

      open("/recover");
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
      assertThat(browser.findElement(By.id("login")).getAttribute("aria-invalid"))
          .isEqualTo("true");
      assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("login");
      assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();
    }
  }

  @Test
  void showPasswordTogglesWhatIsTypedAndKeepsTheCaret() {
    open("/signin");
    var field = browser.findElement(By.id("password"));
    field.sendKeys("a quiet password");
    var toggle =
        browser.findElement(By.cssSelector("button.show-password[aria-controls=password]"));
    assertThat(toggle.getText()).isEqualTo("Show password");
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
    toggle.click();
    assertThat(field.getAttribute("type")).isEqualTo("text");
    picture("signin-password-shown");
    assertThat(toggle.getText()).isEqualTo("Hide password");
    assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
    Browser.waitUp(browser)
        .until(
            d ->
                ((Number) browser.executeScript("return arguments[0].selectionStart", field))
                        .intValue()
                    == "a quiet password".length());
    toggle.click();
    assertThat(field.getAttribute("type")).isEqualTo("password");
    assertThat(field.getAttribute("value")).isEqualTo("a quiet password");
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).isEmpty();
  }
}
