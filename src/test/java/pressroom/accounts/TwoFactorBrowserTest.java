package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import pressroom.testing.Browser;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Issue 14 in Chromium: an editor sets up two-factor sign-in from the page (the test reads the key
 * off it and computes the codes at the site's clock, as a phone would), signs out and in with
 * password and code, replaces the recovery codes and turns it off; an admin requires it of staff,
 * and a moderator without it is sent to set it up before the newsroom opens.
 */
@RunningSite
class TwoFactorBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  ChromeDriver browser;

  void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Presses a button and waits for the page it leads to. */
  void press(String buttonText) {
    Browser.clickAndWait(
        browser,
        browser.findElements(By.cssSelector("main form button")).stream()
            .filter(b -> b.getText().equals(buttonText))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button " + buttonText)));
  }

  String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  /** The code an app holding {@code key} shows one step later (each code is good once). */
  String nextCode(byte[] key) {
    site.clock().advance(Duration.ofSeconds(30));
    return Totp.code(key, Totp.step(site.clock().instant()), 6);
  }

  /** Sets up the second factor on the page; returns the key the page showed. */
  byte[] enrolOnThePage() {
    browser.get(site.url("/profile"));
    browser.findElement(By.linkText("Set up or change two-factor sign-in")).click();
    Browser.waitUp(browser).until(d -> !d.findElements(By.id("totp-secret")).isEmpty());
    assertThat(browser.findElements(By.cssSelector("figure.qr svg[role=img]"))).hasSize(1);
    byte[] key = Totp.fromBase32(text("#totp-secret"));
    type("code", nextCode(key));
    press("Turn on two-factor sign-in");
    assertThat(text(".notice")).contains("Two-factor sign-in is on.");
    List<String> codes =
        browser.findElements(By.cssSelector(".recovery-codes code")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(codes).hasSize(10);
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).as("recovery codes").isEmpty();
    browser.findElement(By.linkText("I have saved my recovery codes")).click();
    Browser.waitUp(browser)
        .until(d -> d.findElement(By.tagName("main")).getText().contains("is on"));
    return key;
  }

  void signOut() {
    WebElement before = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector(".account-nav form[action='/signout'] button")).click();
    Browser.waitUp(browser).until(ExpectedConditions.stalenessOf(before));
    Browser.waitUp(browser).until(d -> !d.findElements(By.linkText("Sign in")).isEmpty());
  }

  @Test
  void anEditorSetsItUpSignsInWithACodeRenewsTheRecoveryCodesAndTurnsItOff() {
    site.app().accounts().createVerified("desk.editor", "desk@mail.example", PASSWORD, Role.EDITOR);
    Browser.signIn(browser, site, "desk.editor", PASSWORD);
    byte[] key = enrolOnThePage();
    signOut();

    // Password first, then the code page; a wrong code is said to be wrong.
    browser.get(site.url("/signin"));
    type("login", "desk.editor");
    type("password", PASSWORD);
    press("Sign in");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Enter your code");
    assertThat(browser.findElements(By.cssSelector(".account-nav form[action='/signout']")))
        .isEmpty();
    type("code", "000000");
    press("Sign in");
    assertThat(text("#code-error")).contains("not right");
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).as("the code step").isEmpty();
    signOutIfSignedIn();
    Browser.signInWithCode(browser, site, "desk.editor", PASSWORD, () -> nextCode(key));
    assertThat(text(".account-nav")).contains("desk.editor");

    browser.get(site.url("/profile/two-factor"));
    type("regenerate-confirm", nextCode(key));
    press("Make new recovery codes");
    assertThat(browser.findElements(By.cssSelector(".recovery-codes code"))).hasSize(10);
    assertThat(text(".notice")).contains("the old ones no longer work");

    browser.get(site.url("/profile/two-factor"));
    type("disable-confirm", PASSWORD); // the password alone is not enough
    press("Turn off two-factor sign-in");
    assertThat(text("#disable-error")).contains("nothing changed");
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).as("two-factor on").isEmpty();
    type("disable-confirm", nextCode(key));
    press("Turn off two-factor sign-in");
    assertThat(text(".notice")).contains("Two-factor sign-in is off.");
    signOut();
    Browser.signIn(browser, site, "desk.editor", PASSWORD);
  }

  private void signOutIfSignedIn() {
    if (!browser.findElements(By.cssSelector(".account-nav form[action='/signout']")).isEmpty()) {
      signOut();
    }
  }

  @Test
  void anAdminRequiresItAndAModeratorWithoutItIsSentToSetItUp() {
    site.app().accounts().createVerified("chief.admin", "chief@mail.example", PASSWORD, Role.ADMIN);
    site.app()
        .accounts()
        .createVerified("night.moderator", "night@mail.example", PASSWORD, Role.MODERATOR);
    Browser.signIn(browser, site, "chief.admin", PASSWORD);
    browser.get(site.url("/staff/security"));
    assertThat(text("nav.staff-nav [aria-current=page]")).isEqualTo("Security");
    browser.findElement(By.cssSelector("label[for=requireTwoFactor]")).click();
    press("Save");
    assertThat(text(".notice.error")).contains("for your own account first");

    byte[] adminKey = enrolOnThePage();
    browser.get(site.url("/staff/security"));
    browser.findElement(By.cssSelector("label[for=requireTwoFactor]")).click();
    press("Save");
    assertThat(text(".notice")).isEqualTo("Saved.");
    assertThat(browser.findElement(By.id("requireTwoFactor")).isSelected()).isTrue();
    assertThat(text("table.staff-two-factor")).contains("night.moderator moderator not set up");
    // A staff page: its table uses the full width of the page.
    Number main =
        (Number)
            browser.executeScript(
                "return document.querySelector('main').getBoundingClientRect().width;");
    Number table =
        (Number)
            browser.executeScript(
                "return document.querySelector('main > .table-wrap').getBoundingClientRect().width;");
    assertThat(table.doubleValue()).isGreaterThan(0.9 * main.doubleValue());
    onAPhone("/staff/security");
    signOut();

    Browser.signIn(browser, site, "night.moderator", PASSWORD);
    assertThat(browser.getCurrentUrl()).endsWith("/profile/two-factor");
    assertThat(text(".notice")).contains("requires staff to sign in with a second factor");
    browser.get(site.url("/staff/moderation"));
    assertThat(browser.getCurrentUrl()).endsWith("/profile/two-factor");
    onAPhone("/profile/two-factor");
    enrolOnThePage();
    browser.get(site.url("/staff/moderation"));
    assertThat(browser.getCurrentUrl()).endsWith("/staff/moderation");
    signOut();

    // The admin turns it off again (it is the admin's own second factor that signs in now).
    Browser.signInWithCode(browser, site, "chief.admin", PASSWORD, () -> nextCode(adminKey));
    browser.get(site.url("/staff/security"));
    browser.findElement(By.cssSelector("label[for=requireTwoFactor]")).click();
    press("Save");
    assertThat(browser.findElement(By.id("requireTwoFactor")).isSelected()).isFalse();
    signOut();
  }

  /** On a 390-pixel phone the page needs no sideways scrolling. */
  private void onAPhone(String path) {
    Dimension before = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      browser.get(site.url(path));
      Number overflow =
          (Number)
              browser.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as(path + " on a phone").isLessThanOrEqualTo(0);
    } finally {
      browser.manage().window().setSize(before);
    }
  }
}
