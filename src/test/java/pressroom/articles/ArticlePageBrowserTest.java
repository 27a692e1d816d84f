package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** What a reader sees in a real browser (headless Chromium). */
@RunningSite
class ArticlePageBrowserTest {
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @Test
  void aReaderSeesTheArticleInOrderAndCanFollowTheByline() {
    browser.get(site.url("/articles/" + f.wire.slug()));
    assertThat(browser.getTitle())
        .startsWith("Harbour cranes return to work after the long dispute");
    WebElement story = browser.findElement(By.cssSelector("article.story"));
    List<String> lines = List.of(story.getText().split("\n"));
    assertThat(lines.subList(0, 5))
        .containsExactly(
            "SYNDICATED NEWS", // the label is styled in capitals
            "Harbour cranes return to work after the long dispute",
            "By Jane Roe, Ali Hassan and Mary O. Doe",
            "From Test Wire · Read the original",
            lines.get(4));
    assertThat(lines.get(4)).startsWith("Published ");
    assertThat(story.getText())
        .contains("Dockers in Diyarbakır said “we are back” on Tuesday — after nine weeks.");
    assertThat(browser.findElements(By.cssSelector(".story-body p")))
        .allMatch(WebElement::isDisplayed)
        .hasSize(3);
    assertThat(browser.findElement(By.id("comments")).getText()).contains("Comments");

    browser.findElement(By.linkText("Ali Hassan")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Ali Hassan");
    assertThat(browser.findElements(By.cssSelector(".item-title")))
        .extracting(WebElement::getText)
        .containsExactly("Harbour cranes return to work after the long dispute");
  }

  @Test
  void theSkipLinkIsTheFirstStopAndVisibleWhenFocused() {
    browser.get(site.url("/articles/" + f.wire.slug()));
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to content");
    assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);
    assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
  }

  @Test
  void rightToLeftTextRunsRightToLeft() {
    browser.get(site.url("/articles/" + f.arabic.slug()));
    WebElement h1 = browser.findElement(By.cssSelector("article h1"));
    assertThat(h1.getCssValue("direction")).isEqualTo("rtl");
    assertThat(browser.findElement(By.cssSelector(".byline")).getCssValue("direction"))
        .isEqualTo("ltr");
  }

  @Test
  void darkModeFollowsTheReadersSystemSetting() {
    browser.get(site.url("/"));
    String light = browser.findElement(By.tagName("body")).getCssValue("background-color");
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    String dark = browser.findElement(By.tagName("body")).getCssValue("background-color");
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
    assertThat(light).isEqualTo("rgba(255, 255, 255, 1)");
    assertThat(dark).isEqualTo("rgba(18, 18, 18, 1)");
  }

  @Test
  void pagesRaiseNoConsoleErrorsSuchAsCspViolations() {
    browser.get(site.url("/articles/" + f.own.slug()));
    browser.get(site.url("/"));
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
            .toList();
    assertThat(errors).isEmpty();
  }

  static final String PASSWORD = "a quiet reading room";

  void noSidewaysScrolling() {
    assertThat(Browser.sidewaysOverflow(browser)).as("pixels sticking out sideways").isZero();
  }

  @Test
  void bookmarkAndShareSitUnderTheBylineAndBeforeTheCommentsAndLoadNothingFromElsewhere() {
    browser.manage().deleteAllCookies();
    String publicUrl = TestApp.BASE_URL + "/articles/" + f.wire.slug();
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("X", "https://x.com/intent/post?");
    targets.put("Facebook", "https://www.facebook.com/sharer/sharer.php?");
    targets.put("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?");
    targets.put("WhatsApp", "https://wa.me/?");
    targets.put("Reddit", "https://www.reddit.com/submit?");
    targets.put("Bluesky", "https://bsky.app/intent/compose?");
    targets.put("Threads", "https://www.threads.net/intent/post?");
    targets.put("E-mail", "mailto:?");
    try {
      for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1280, 900))) {
        browser.manage().window().setSize(size);
        browser.get(site.url("/articles/" + f.wire.slug()));
        int dateline =
            browser.findElement(By.cssSelector(".story-header .dateline")).getRect().getY();
        int body = browser.findElement(By.cssSelector(".story-body")).getRect().getY();
        int comments = browser.findElement(By.id("comments")).getRect().getY();
        for (String bar : List.of("bookmark-share", "bookmark-share-end")) {
          WebElement here = browser.findElement(By.id(bar));
          int y = here.getRect().getY();
          if (bar.equals("bookmark-share")) {
            assertThat(y).as("right under the dateline").isBetween(dateline, body);
          } else {
            assertThat(y).as("after the story, before the comments").isBetween(body, comments);
          }
          assertThat(here.findElement(By.tagName("h2")).getAttribute("textContent"))
              .isEqualTo("Bookmark and Share");
          assertThat(here.findElement(By.cssSelector("button.bookmark")).getAccessibleName())
              .isEqualTo("Bookmark");
          here.findElement(By.tagName("summary")).click();
          List<WebElement> links = here.findElements(By.cssSelector("a.share-link"));
          assertThat(links)
              .extracting(WebElement::getText)
              .containsExactlyElementsOf(targets.keySet());
          for (WebElement a : links) {
            assertThat(a.isDisplayed()).isTrue();
            assertThat(a.getAccessibleName()).isEqualTo(a.getText());
            assertThat(a.getRect().getHeight()).isGreaterThanOrEqualTo(44);
            String href = a.getAttribute("href");
            assertThat(href).as(a.getText()).startsWith(targets.get(a.getText()));
            assertThat(URLDecoder.decode(href, StandardCharsets.UTF_8)).contains(publicUrl);
          }
          WebElement copy = here.findElement(By.cssSelector("a[data-copy]"));
          assertThat(copy.getText()).isEqualTo("Copy link");
          assertThat(copy.getAttribute("href")).isEqualTo(publicUrl);
          noSidewaysScrolling();
          here.findElement(By.tagName("summary")).click();
        }
      }
      // Copy link puts the public address on the clipboard and says so.
      browser.executeCdpCommand(
          "Browser.grantPermissions",
          Map.of(
              "origin",
              site.url("").replaceAll("/$", ""),
              "permissions",
              List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
      WebElement end = browser.findElement(By.id("bookmark-share-end"));
      end.findElement(By.tagName("summary")).click();
      WebElement copy = end.findElement(By.cssSelector("a[data-copy]"));
      copy.click();
      Browser.waitUp(browser).until(d -> copy.getText().equals("Link copied"));
      assertThat(browser.getCurrentUrl()).contains("/articles/" + f.wire.slug());
      assertThat(
              browser.executeAsyncScript(
                  "navigator.clipboard.readText().then(arguments[arguments.length - 1])"))
          .isEqualTo(publicUrl);
      @SuppressWarnings("unchecked")
      List<String> loaded =
          (List<String>)
              browser.executeScript(
                  "return performance.getEntriesByType('resource').map(e => e.name)");
      assertThat(loaded).isNotEmpty().allMatch(u -> u.startsWith(site.url("/")));
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void anAnonymousBookmarkFromTheBarUnderTheBylineSignsInAndComesBackBookmarked() {
    site.clearThrottling();
    site.app().accounts().createVerified("bar.reader", "bar@mail.example", PASSWORD, Role.READER);
    browser.manage().deleteAllCookies();
    try {
      browser.get(site.url("/articles/" + f.own.slug()));
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector("#bookmark-share button.bookmark")));
      assertThat(browser.getCurrentUrl()).contains("/signin?return=");
      browser.findElement(By.id("login")).sendKeys("bar.reader");
      browser.findElement(By.id("password")).sendKeys(PASSWORD);
      Browser.clickAndWait(
          browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
      assertThat(browser.findElement(By.cssSelector("article h1")).getText())
          .isEqualTo("Mountain village switches on its solar microgrid");
      WebElement pressed = browser.findElement(By.cssSelector("#bookmark-share button.bookmark"));
      assertThat(pressed.getAttribute("aria-pressed")).isEqualTo("true");
      assertThat(
              browser.findElement(By.cssSelector("#bookmark-share .reading-list-link")).getText())
          .isEqualTo("My reading list");
      Browser.clickAndWait(browser, pressed);
      assertThat(
              browser
                  .findElement(By.cssSelector("#bookmark-share button.bookmark"))
                  .getAttribute("aria-pressed"))
          .isEqualTo("false");
    } finally {
      browser.manage().deleteAllCookies();
    }
  }

  @Test
  void withoutJavaScriptTheSignInPromptsFormSignsInAndReturnsToTheComments() {
    site.clearThrottling();
    site.app()
        .accounts()
        .createVerified("plain.reader", "plain@mail.example", PASSWORD, Role.READER);
    TestApp.Visitor v = site.newVisitor();
    Document d = Jsoup.parse(v.get("/articles/" + f.wire.slug()).body());
    assertThat(d.select("#sign-in details > summary").text()).isEqualTo("Sign in");
    var form = d.selectFirst("#sign-in details form");
    assertThat(form.attr("action")).isEqualTo("/signin");
    assertThat(form.text()).contains("* required field", "User ID or e-mail *");
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
    fields.put("login", "plain@mail.example");
    fields.put("password", PASSWORD);
    // The shared page's form carries no token: a browser's word that it comes from our own page
    // stands in for one.
    assertThat(fields).doesNotContainKey("_csrf");
    v.always("Sec-Fetch-Site", "same-origin").always("Origin", site.url(""));
    var r = v.postRaw("/signin", fields);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/articles/" + f.wire.slug() + "#comments");
    Document after = Jsoup.parse(v.get("/articles/" + f.wire.slug()).body());
    assertThat(after.select("#comments textarea#body")).hasSize(1);
    assertThat(after.select("#sign-in")).isEmpty();
  }

  @Test
  void theArticlesSignInFormWorksInChromiumWithAndWithoutJavaScript() {
    site.clearThrottling();
    site.app()
        .accounts()
        .createVerified("prompt.reader", "prompt@mail.example", PASSWORD, Role.READER);
    for (boolean scripts : new boolean[] {true, false}) {
      browser.manage().deleteAllCookies();
      browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !scripts));
      try {
        browser.get(site.url("/articles/" + f.wire.slug()));
        browser.findElement(By.cssSelector("#sign-in details > summary")).click();
        browser.findElement(By.cssSelector("#sign-in input[name=login]")).sendKeys("prompt.reader");
        browser.findElement(By.cssSelector("#sign-in input[name=password]")).sendKeys(PASSWORD);
        Browser.clickAndWait(
            browser, browser.findElement(By.cssSelector("#sign-in button[type=submit]")));
        assertThat(browser.getCurrentUrl())
            .as("scripts " + scripts)
            .endsWith("/articles/" + f.wire.slug() + "#comments");
        assertThat(browser.findElements(By.cssSelector("#comments textarea#body")))
            .as("scripts " + scripts)
            .hasSize(1);
      } finally {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
      }
    }
    browser.manage().deleteAllCookies();
  }

  @Test
  void aSignInFormOnAnotherSiteIsRefused() {
    site.clearThrottling();
    site.app()
        .accounts()
        .createVerified("target.reader", "target@mail.example", PASSWORD, Role.READER);
    browser.manage().deleteAllCookies();
    // An attacker's page signing the visitor into the attacker's account (login CSRF).
    String attack =
        "<form method=post action='"
            + site.url("/signin")
            + "'><input name=login value='target.reader'><input name=password value='"
            + PASSWORD
            + "'><button id=go>Go</button></form>";
    browser.get(
        "data:text/html;charset=utf-8,"
            + java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8).replace("+", "%20"));
    Browser.clickAndWait(browser, browser.findElement(By.id("go")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Form refused");
    browser.get(site.url("/articles/" + f.wire.slug()));
    assertThat(browser.findElements(By.cssSelector("#sign-in"))).hasSize(1);
    assertThat(browser.findElements(By.cssSelector("#comments textarea#body"))).isEmpty();
    // The refusal's 403 is in the console log: read it here, so the test of console errors only
    // sees its own pages.
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .extracting(LogEntry::getMessage)
        .anyMatch(m -> m.contains("/signin") && m.contains("403"));
  }
}
