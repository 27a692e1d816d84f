package pressroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.testing.Axe;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;
import pressroom.web.Stamp;

/** The comment area as readers and moderators use it, in real Chromium. */
// A zone other than UTC, so a time shown in UTC by mistake is caught.
@RunningSite(settings = "PRESSROOM_TIME_ZONE=Europe/Istanbul")
class CommentsBrowserTest {
  static final String PASSWORD = "a quiet reading room";
  static final ZoneId SITE_ZONE = ZoneId.of("Europe/Istanbul");
  TestApp site;
  Fixtures f;
  ChromeDriver browser;
  int readers;

  @BeforeEach
  void freshBrowser() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(site.url("/"));
    browser.manage().deleteAllCookies();
    clearThrottle();
  }

  Visitor account(String userId, Role role) {
    return site.signedInNewAccount(userId, PASSWORD, role);
  }

  /** A new verified reader whose comments publish at once. */
  String trustedReader(Visitor moderator) {
    String id = "reader" + (++readers);
    establish(account(id, Role.READER), moderator);
    return id;
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

  /** Posts a comment over HTTP and returns its id (the redirect names it). */
  String comment(Visitor v, String slug, String text) {
    clearThrottle();
    var r = v.post("/articles/" + slug + "/comments", Map.of("body", text));
    String loc = r.headers().firstValue("Location").orElseThrow();
    assertThat(loc).as("published at once").contains("#c-");
    return loc.substring(loc.indexOf("#c-") + 3);
  }

  void noSidewaysScrolling() {
    assertThat(Browser.sidewaysOverflow(browser)).as("pixels sticking out sideways").isZero();
  }

  @Test
  void readersCommentReplyEditLikeAndSeeNewCommentsWhenTheyAskForThem() {
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

    // Nadia signs in from the short prompt where the composer will be.
    browser.get(site.url("/articles/" + f.wire.slug()));
    WebElement prompt = browser.findElement(By.cssSelector("#comments #sign-in"));
    assertThat(prompt.findElement(By.cssSelector(".comment-prompt")).getText())
        .isEqualTo("Sign in or register to post a comment and keep a reading list.");
    assertThat(browser.findElement(By.id("login")).isDisplayed()).as("folded").isFalse();
    prompt.findElement(By.tagName("summary")).click();
    assertThat(browser.findElement(By.cssSelector("label[for=login]")).getText())
        .isEqualTo("User ID or e-mail *");
    assertThat(prompt.getText()).contains("* required field");
    assertThat(
            prompt
                .findElement(By.linkText("Enter user ID or e-mail to recover login credentials"))
                .getAttribute("href"))
        .endsWith("/recover");
    browser.findElement(By.id("login")).sendKeys("nadia.k");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    Browser.clickAndWait(browser, prompt.findElement(By.cssSelector("form button[type=submit]")));
    assertThat(browser.getCurrentUrl()).endsWith("/articles/" + f.wire.slug() + "#comments");
    assertThat(browser.findElements(By.cssSelector("#sign-in"))).as("signed in").isEmpty();

    // Comment: the composer counts down from the limit it states.
    WebElement box = browser.findElement(By.id("body"));
    assertThat(browser.findElement(By.cssSelector("label[for=body]")).getText())
        .isEqualTo("Type your comment and click Submit *");
    assertThat(browser.findElement(By.id("body-limit")).getText())
        .isEqualTo("5,000 characters left");
    box.sendKeys("Glad to see the port *working* again.");
    assertThat(browser.findElement(By.id("body-limit")).getText())
        .isEqualTo("4,963 characters left");
    browser.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
    WebElement mine = commentContaining("Glad to see the port working again.");
    assertThat(mine.findElement(By.cssSelector(".comment-body em")).getText()).isEqualTo("working");
    assertThat(mine.findElements(By.cssSelector(".report-menu, form[action$='/like']")))
        .as("no reporting or liking one's own comment")
        .isEmpty();

    // Reply to the other reader with the reply icon.
    clearThrottle();
    WebElement replyIcon =
        commentContaining("The cranes look busy").findElement(By.cssSelector("a.reply"));
    assertThat(replyIcon.getAccessibleName()).isEqualTo("Reply to harbourfan");
    Browser.clickAndWait(browser, replyIcon);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Reply to harbourfan");
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

    // Like the other reader's comment: no count before, "1" after.
    WebElement like =
        commentContaining("The cranes look busy")
            .findElement(By.cssSelector("form[action$='/like'] button"));
    assertThat(like.getAccessibleName()).isEqualTo("Like");
    assertThat(like.getText()).isEmpty();
    like.click();
    waitUp()
        .until(
            d ->
                commentContaining("The cranes look busy")
                    .findElement(By.cssSelector("form[action$='/like'] button"))
                    .getText()
                    .equals("1"));
    assertThat(
            commentContaining("The cranes look busy")
                .findElement(By.cssSelector("form[action$='/like'] button"))
                .getAccessibleName())
        .isEqualTo("Like, 1 like");

    // A newcomer's comment waits; the moderator approves it; it waits behind a notice.
    browser.get(site.url("/articles/" + f.wire.slug()));
    String headingBefore = browser.findElement(By.id("comments-heading")).getText();
    assertThat(headingBefore).isEqualTo("3 comments");
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
    WebElement show =
        waitUp()
            .until(
                d ->
                    d.findElements(By.cssSelector(".new-comments button")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    assertThat(show.getText()).isEqualTo("1 new comment — show");
    waitUp()
        .until(
            d ->
                d.findElement(By.id("live-status"))
                    .getAttribute("textContent")
                    .contains("1 new comment"));
    assertThat(browser.findElements(By.id("c-" + pending)))
        .as("not before it is asked for")
        .isEmpty();
    show.click();
    WebElement arrived = browser.findElement(By.id("c-" + pending));
    assertThat(arrived.getText()).contains("First time commenting here, hello all.");
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("c-" + pending);
    assertThat(browser.findElement(By.id("comments-heading")).getText()).isEqualTo("4 comments");
    assertThat(show.isDisplayed()).isFalse();
  }

  @Test
  void timesReadAsRelativeWithTheExactTimeInTheSitesZone() {
    Visitor moderator = account("timekeeper", Role.MODERATOR);
    String id =
        comment(
            site.signedIn(trustedReader(moderator), PASSWORD),
            f.noindex.slug(),
            "Rain expected again by the evening.");
    browser.get(site.url("/articles/" + f.noindex.slug()));
    WebElement time = browser.findElement(By.cssSelector("#c-" + id + " .comment-meta time"));
    assertThat(time.getText()).matches("just now|\\d+ minutes? ago");
    String datetime = time.getAttribute("datetime");
    Instant at = OffsetDateTime.parse(datetime).toInstant();
    assertThat(datetime).endsWith("+03:00");
    assertThat(time.getAttribute("title"))
        .isEqualTo(new Stamp.Clock(SITE_ZONE).stamp(at).label())
        .isEqualTo(
            Jsoup.parse(site.newVisitor().get("/articles/" + f.noindex.slug()).body())
                .selectFirst("#c-" + id + " time")
                .text());
  }

  @Test
  void theComposerStatesItsLimitCountsDownAndNeverCutsText() throws Exception {
    Visitor moderator = account("limitkeeper", Role.MODERATOR);
    String reader = trustedReader(moderator);
    // Without JavaScript the limit is stated, and nothing stops typing at it.
    Document plain =
        Jsoup.parse(site.signedIn(reader, PASSWORD).get("/articles/" + f.own.slug()).body());
    assertThat(plain.select("#body-limit").text()).isEqualTo("Up to 5,000 characters.");
    assertThat(plain.select("#body").attr("aria-describedby")).isEqualTo("body-limit");
    assertThat(plain.select("#body[maxlength]")).isEmpty();
    // Sent whole without a script, an over-long text comes back refused, kept, and valid.
    var refused =
        site.signedIn(reader, PASSWORD)
            .post("/articles/" + f.own.slug() + "/comments", Map.of("body", "w".repeat(5_002)));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select("#body-error").text()).contains("shorten it by 2");
    assertThat(again.select("#body").text()).isEqualTo("w".repeat(5_002));
    assertThat(again.select("#body").attr("aria-describedby")).isEqualTo("body-error body-limit");
    assertThat(new pressroom.testing.HtmlChecker().errors(refused.body())).isEmpty();

    browser.manage().window().setSize(new Dimension(390, 844));
    Browser.signIn(browser, site, reader, PASSWORD);
    browser.get(site.url("/articles/" + f.own.slug() + "#comments"));
    WebElement box = browser.findElement(By.id("body"));
    WebElement counter = browser.findElement(By.id("body-limit"));
    box.sendKeys("Lovely.");
    assertThat(counter.getText()).isEqualTo("4,993 characters left");
    // Near the limit the count is announced, politely.
    browser.executeScript(
        "arguments[0].value = 'y'.repeat(4950); arguments[0].dispatchEvent(new Event('input'));",
        box);
    assertThat(counter.getText()).isEqualTo("50 characters left");
    waitUp()
        .until(
            d ->
                d.findElement(By.cssSelector(".composer-limit [aria-live=polite]"))
                    .getAttribute("textContent")
                    .equals("50 characters left"));
    browser.executeScript(
        "arguments[0].value = 'z'.repeat(5010); arguments[0].dispatchEvent(new Event('input'));",
        box);
    assertThat(counter.getText()).isEqualTo("10 characters too many");
    assertThat(box.getAttribute("aria-invalid")).isEqualTo("true");
    noSidewaysScrolling();
    // Submit is held back with a message; the text stays whole.
    browser.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
    waitUp()
        .until(
            d ->
                d.findElement(By.cssSelector(".composer-limit [aria-live=polite]"))
                    .getAttribute("textContent")
                    .equals("Your comment is 10 characters too long; shorten it, then submit."));
    assertThat(box.getAttribute("value")).hasSize(5010);
    // Sent anyway (as a browser without the script would), the server refuses it and keeps it.
    WebElement html = browser.findElement(By.tagName("html"));
    browser.executeScript("arguments[0].form.submit()", box);
    waitUp().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
    assertThat(browser.findElement(By.id("body-error")).getText())
        .startsWith("Your comment is 5,010 characters long, longer than the 5,000 allowed");
    assertThat(browser.findElement(By.id("body")).getAttribute("value"))
        .isEqualTo("z".repeat(5010));
    assertThat(browser.findElement(By.id("body-limit")).getText())
        .isEqualTo("10 characters too many");
    noSidewaysScrolling();
  }

  @Test
  void readersReportWithAReasonNeverTheirOwnAndStaffWearABadge() throws Exception {
    Visitor moderator = account("badgemoderator", Role.MODERATOR);
    String author = trustedReader(moderator);
    String reporter = trustedReader(moderator);
    String harsh =
        comment(
            site.signedIn(author, PASSWORD),
            f.arabic.slug(),
            "Nobody asked for this library anyway.");
    Visitor reporterHttp = site.signedIn(reporter, PASSWORD);
    String own = comment(reporterHttp, f.arabic.slug(), "I am glad it opened at last.");
    String staff = comment(moderator, f.arabic.slug(), "A reminder from the desk: keep it kind.");

    // The page with a staff comment, one's own and another's (with its report menu) is valid.
    assertThat(
            new pressroom.testing.HtmlChecker()
                .errors(reporterHttp.get("/articles/" + f.arabic.slug()).body()))
        .isEmpty();
    Browser.signIn(browser, site, reporter, PASSWORD);
    browser.get(site.url("/articles/" + f.arabic.slug() + "#comments"));
    assertThat(browser.findElement(By.cssSelector("#c-" + staff + " .staff-badge")).getText())
        .isEqualTo("Staff");
    assertThat(browser.findElements(By.cssSelector("#c-" + harsh + " .staff-badge"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#c-" + own + " .report-menu"))).isEmpty();

    WebElement menu = browser.findElement(By.cssSelector("#c-" + harsh + " .report-menu"));
    assertThat(menu.findElement(By.tagName("summary")).getAccessibleName())
        .isEqualTo("More actions for the comment by " + author);
    menu.findElement(By.tagName("summary")).click();
    assertThat(menu.findElements(By.cssSelector("input[type=radio]")))
        .extracting(e -> e.getAttribute("value"))
        .containsExactly("spam", "abusive", "off-topic", "illegal");
    assertThat(menu.findElements(By.cssSelector("input:checked"))).as("nothing preset").isEmpty();
    menu.findElement(By.xpath(".//label[normalize-space()='Abusive']")).click();
    Browser.clickAndWait(browser, menu.findElement(By.xpath(".//button[text()='Report']")));
    assertThat(browser.findElement(By.cssSelector("#comments .notice")).getText())
        .contains("a moderator will look at the comment you reported");

    // A forged report of one's own comment is refused.
    var forged = reporterHttp.post("/comments/" + own + "/report", Map.of("reason", "spam"));
    assertThat(forged.statusCode()).isEqualTo(403);

    // Two more readers agree; the comment goes to the queue with the reasons given.
    for (int i = 0; i < 2; i++) {
      site.signedIn(trustedReader(moderator), PASSWORD)
          .post("/comments/" + harsh + "/report", Map.of("reason", "abusive"));
    }
    Document queue = Jsoup.parse(moderator.get("/staff/moderation").body());
    assertThat(queue.select("#q-" + harsh).text())
        .contains("Nobody asked for this library anyway.", "reported by 3", "reported: abusive");
  }

  @Test
  void anEmptyThreadInvitesTheFirstCommentWithTheComposerOrSignInRightThere() {
    var quiet =
        site.insert(
            Fixtures.story(
                "Night market returns to the old square",
                "<p>Stalls opened after sunset.</p>",
                Instant.now().minusSeconds(60)));
    browser.get(site.url("/articles/" + quiet.slug()));
    WebElement area = browser.findElement(By.id("comments"));
    assertThat(area.findElement(By.id("comments-heading")).getText()).isEqualTo("Comments");
    assertThat(area.findElement(By.cssSelector(".no-comments")).getText())
        .isEqualTo("No comments yet. Start the conversation: what do you make of this story?");
    assertThat(area.findElement(By.cssSelector("#sign-in summary")).isDisplayed()).isTrue();
    assertThat(area.findElements(By.cssSelector(".comment-sort"))).isEmpty();

    Visitor moderator = account("emptymoderator", Role.MODERATOR);
    Browser.signIn(browser, site, trustedReader(moderator), PASSWORD);
    browser.get(site.url("/articles/" + quiet.slug()));
    List<String> order =
        browser
            .findElements(By.cssSelector("#comments > .no-comments, #comments > .comment-form"))
            .stream()
            .map(e -> e.getAttribute("class"))
            .toList();
    assertThat(order).containsExactly("no-comments", "form comment-form");
  }

  @Test
  void onAPhoneAndADesktopNothingOverflowsTargetsAreLargeAndAxeFindsNothingSerious() {
    Visitor moderator = account("phonemoderator", Role.MODERATOR);
    String reader = trustedReader(moderator);
    String first =
        comment(
            site.signedIn(trustedReader(moderator), PASSWORD),
            f.noindex.slug(),
            "A long address in a comment should wrap: https://water.example/"
                + "rules-".repeat(20));
    clearThrottle();
    comment(moderator, f.noindex.slug(), "Thanks, we will add the rules to the story.");
    Browser.signIn(browser, site, reader, PASSWORD);
    for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 900))) {
      browser.manage().window().setSize(size);
      browser.get(site.url("/articles/" + f.noindex.slug() + "#comments"));
      browser.findElement(By.cssSelector("#c-" + first + " .report-menu summary")).click();
      browser.findElement(By.cssSelector("#bookmark-share summary")).click();
      noSidewaysScrolling();
      for (WebElement target :
          browser.findElements(
              By.cssSelector(
                  "#comments .comment-actions button, #comments .comment-actions a, #comments summary,"
                      + " #comments .menu-panel label, .comment-sort a, .share-bar .pill"))) {
        if (target.isDisplayed()) {
          assertThat(target.getRect().getHeight())
              .as(target.getAccessibleName())
              .isGreaterThanOrEqualTo(44);
          assertThat(target.getRect().getWidth())
              .as(target.getAccessibleName())
              .isGreaterThanOrEqualTo(24);
        }
      }
      assertThat(Axe.seriousViolations(browser)).as("axe at " + size).isEmpty();
      browser.executeCdpCommand(
          "Emulation.setEmulatedMedia",
          Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      try {
        assertThat(Axe.seriousViolations(browser)).as("axe at " + size + ", dark").isEmpty();
      } finally {
        browser.executeCdpCommand(
            "Emulation.setEmulatedMedia",
            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
      }
    }
    // The sort control says which order is on, and is not pressed against the composer.
    WebElement current = browser.findElement(By.cssSelector(".comment-sort a[aria-current=true]"));
    assertThat(current.getText()).isEqualTo("Oldest");
    int submitBottom =
        browser.findElement(By.cssSelector(".comment-form button[type=submit]")).getRect().getY()
            + browser
                .findElement(By.cssSelector(".comment-form button[type=submit]"))
                .getRect()
                .getHeight();
    assertThat(current.getRect().getY() - submitBottom)
        .as("room above the sort control")
        .isGreaterThanOrEqualTo(16);
    Browser.clickAndWait(browser, browser.findElement(By.linkText("Newest")));
    assertThat(browser.findElement(By.cssSelector(".comment-sort a[aria-current=true]")).getText())
        .isEqualTo("Newest");
    assertThat(
            browser
                .findElements(By.cssSelector("#comments > ol.comments > li.comment .comment-body"))
                .get(0)
                .getText())
        .isEqualTo("Thanks, we will add the rules to the story.");
  }
}
