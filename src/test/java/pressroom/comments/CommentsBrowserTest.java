package pressroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/** The comment area as readers and moderators use it, in real Chromium. */
@RunningSite
class CommentsBrowserTest {
  static final String PASSWORD = "a quiet reading room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  Visitor account(String userId, Role role) {
    return site.signedInNewAccount(userId, PASSWORD, role);
  }

  void clearThrottle() {
    site.clearThrottling();
  }

  /** Posts three comments and has the moderator approve them: the author is then trusted. */
  void establish(Visitor v, Visitor moderator) {
    for (int i = 0; i < 3; i++) {
      clearThrottle();
      v.post(
          "/articles/" + f.own.slug() + "/comments",
          Map.of("body", "Warm-up " + i + " " + System.nanoTime()));
    }
    for (String id : site.pendingCommentIds()) {
      moderator.post("/staff/moderation/" + id + "/approve", Map.of());
    }
    clearThrottle();
  }

  org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waitUp() {
    return Browser.waitUp(browser);
  }

  WebElement commentContaining(String text) {
    return waitUp()
        .until(
            d ->
                d.findElements(By.cssSelector("li.comment")).stream()
                    .filter(
                        e ->
                            e.findElement(By.cssSelector(".comment-body")).getText().contains(text))
                    .findFirst()
                    .orElse(null));
  }

  @Test
  void readersCommentReplyEditLikeReportAndSeeApprovedCommentsArriveLive() {
    Visitor moderator = account("deskmoderator2", Role.MODERATOR);
    Visitor other = account("harbourfan", Role.READER);
    establish(other, moderator);
    other.post(
        "/articles/" + f.wire.slug() + "/comments",
        Map.of("body", "The cranes look busy from our window."));
    site.app().accounts().createVerified("nadia.k", "nadia@mail.example", PASSWORD, Role.READER);
    Visitor nadiaHttp = site.newVisitor();
    nadiaHttp.post("/signin", Map.of("login", "nadia.k", "password", PASSWORD));
    establish(nadiaHttp, moderator);

    // Nadia signs in from the article page.
    browser.get(site.url("/articles/" + f.wire.slug()));
    assertThat(browser.findElement(By.cssSelector("#comments .comment-prompt")).getText())
        .isEqualTo("Sign in or register to post a comment.");
    browser.findElement(By.id("login")).sendKeys("nadia.k");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    waitUp()
        .until(
            d ->
                d.findElement(By.cssSelector("#sign-in"))
                    .getText()
                    .contains("Signed in as nadia.k"));

    // Comment.
    WebElement box = browser.findElement(By.id("body"));
    assertThat(browser.findElement(By.cssSelector("label[for=body]")).getText())
        .isEqualTo("Type your comment and click Submit *");
    box.sendKeys("Glad to see the port *working* again.");
    browser.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
    WebElement mine = commentContaining("Glad to see the port working again.");
    assertThat(mine.findElement(By.cssSelector(".comment-body em")).getText()).isEqualTo("working");

    // Reply to the other reader.
    clearThrottle();
    commentContaining("The cranes look busy").findElement(By.linkText("Reply")).click();
    waitUp().until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Reply to"));
    browser.findElement(By.id("body")).sendKeys("Same view from the ferry.");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    WebElement reply = commentContaining("Same view from the ferry.");
    assertThat(reply.findElement(By.xpath("../..")).getAttribute("id"))
        .isEqualTo(commentContaining("The cranes look busy").getAttribute("id"));

    // Edit her own comment.
    commentContaining("Glad to see the port").findElement(By.linkText("Edit")).click();
    waitUp().until(d -> d.findElement(By.tagName("h1")).getText().equals("Edit your comment"));
    WebElement edit = browser.findElement(By.id("body"));
    edit.clear();
    edit.sendKeys("Glad to see the port busy again.");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
    assertThat(
            commentContaining("Glad to see the port busy again.")
                .findElement(By.cssSelector(".edited"))
                .getText())
        .isEqualTo("edited");

    // Like the other reader's comment.
    commentContaining("The cranes look busy")
        .findElement(By.cssSelector("form[action$='/like'] button"))
        .click();
    waitUp()
        .until(
            d ->
                commentContaining("The cranes look busy")
                    .findElement(By.cssSelector(".likes"))
                    .getText()
                    .equals("1 like"));

    // A second reader reports Nadia's comment.
    String mineId =
        commentContaining("Glad to see the port busy again.").getAttribute("id").substring(2);
    assertThat(
            other
                .post("/comments/" + mineId + "/report", Map.of("reason", "off-topic"))
                .statusCode())
        .isEqualTo(303);

    // A newcomer's comment waits; the moderator approves it from the queue; it arrives live.
    browser.get(site.url("/articles/" + f.wire.slug()));
    Visitor newcomer = account("firsttimer", Role.READER);
    newcomer.post(
        "/articles/" + f.wire.slug() + "/comments",
        Map.of("body", "First time commenting here, hello all."));
    String pending =
        site.sqlOne(
            String.class,
            "SELECT id FROM comments WHERE status = 'pending' AND body LIKE 'First time%'");
    assertThat(moderator.get("/staff/moderation").body()).contains("First time commenting here");
    assertThat(moderator.post("/staff/moderation/" + pending + "/approve", Map.of()).statusCode())
        .isEqualTo(303);
    WebElement arrived =
        waitUp()
            .until(d -> d.findElements(By.id("c-" + pending)).stream().findFirst().orElse(null));
    assertThat(arrived.getText()).contains("First time commenting here, hello all.");
  }
}
