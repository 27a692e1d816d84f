package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Issue 14: a moderator goes from the dashboard through the queue with the keyboard alone: follows
 * the queue link, approves one comment with "a", rejects the next with "r", a reason and Enter,
 * ticks two with "x" and rejects them in bulk; each decision is said back and the next comment is
 * ready for the next key.
 */
@RunningSite
class ModeratorKeyboardBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("key.mod", "km@mail.example", PASSWORD, Role.MODERATOR);
    site.app().accounts().createVerified("key.reader", "kr@mail.example", PASSWORD, Role.READER);
    TestApp.Visitor reader = site.signedIn("key.reader", PASSWORD);
    for (String body : new String[] {"First thought", "Second thought", "Third", "Fourth"}) {
      reader.post("/articles/" + f.wire.slug() + "/comments", Map.of("body", body));
      site.clock().advance(Duration.ofMinutes(5)); // past the rate limit
    }
  }

  @Test
  void fromTheDashboardThroughTheQueueWithTheKeyboard() {
    Browser.signIn(browser, site, "key.mod", PASSWORD);
    browser.get(site.url("/staff"));
    WebElement waiting = browser.findElement(By.cssSelector(".dash-figure a"));
    assertThat(waiting.getText()).contains("4", "comments wait");
    waiting.sendKeys(Keys.ENTER);
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().endsWith("/staff/moderation"));
    assertThat(queue()).hasSize(4);

    // j: the first comment; a: approve it.
    press("j");
    assertThat(focused().getAttribute("class")).contains("queue-item");
    String first = focused().getText();
    press("a");
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().contains("done=approved"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("Approved. 3 comments wait.");
    assertThat(queue()).hasSize(3).noneMatch(i -> i.getText().equals(first));
    // The next comment is already focused: r goes to its reason, Enter rejects it.
    assertThat(focused().getAttribute("class")).contains("queue-item");
    press("r");
    assertThat(focused().getAttribute("name")).isEqualTo("reason");
    focused().sendKeys("Off topic", Keys.ENTER);
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().contains("done=rejected"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("Rejected. 2 comments wait.");
    // x ticks the focused comment, j moves on, x ticks the next; the bulk form rejects both.
    press("x");
    press("j");
    press("x");
    assertThat(browser.findElements(By.cssSelector(".queue-item input[type=checkbox]:checked")))
        .hasSize(2);
    WebElement action = browser.findElement(By.id("bulk-action"));
    action.sendKeys("Reject");
    action.sendKeys(Keys.TAB); // to Apply
    focused().sendKeys(Keys.ENTER);
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().contains("done=rejected-2"));
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("2 comments rejected. The queue is empty.");
    assertThat(
            site.sqlOne(Long.class, "SELECT count(*) FROM comments WHERE status = ?", "published"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            site.sqlOne(Long.class, "SELECT count(*) FROM comments WHERE status = ?", "rejected"))
        .isEqualTo(3);
    // Every decision is in the audit log under the moderator's name.
    assertThat(
            site.sqlOne(
                Long.class, "SELECT count(*) FROM audit_log WHERE actor_user_id = ?", "key.mod"))
        .isEqualTo(4);
  }

  private java.util.List<WebElement> queue() {
    return browser.findElements(By.cssSelector(".queue-item"));
  }

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private void press(String key) {
    new Actions(browser).sendKeys(key).perform();
  }
}
