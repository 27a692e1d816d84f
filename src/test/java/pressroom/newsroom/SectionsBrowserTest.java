package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Issue 14 in Chromium: an editor creates a section, renames it, moves it and sets its comment
 * policy, then writes an article in Markdown, previews it, publishes it into that section and finds
 * it on the section page. No JavaScript is needed for any of it.
 */
@RunningSite
class SectionsBrowserTest {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  ChromeDriver browser;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("desk.editor", "ed@mail.example", PASSWORD, Role.EDITOR);
  }

  @Test
  void anEditorSetsUpASectionAndPublishesAMarkdownArticleIntoIt() {
    Browser.signIn(browser, site, "desk.editor", PASSWORD);
    browser.get(site.url("/staff/sections"));
    // Once the browser is there (it once read the page it came from: the home page's heading).
    Browser.waitUp(browser).until(d -> d.getCurrentUrl().endsWith("/staff/sections"));
    assertThat(h1()).isEqualTo("Sections");

    // A mistyped address first: the page says which field, keeps the text, and stays accessible.
    browser.findElement(By.id("new-name")).sendKeys("Culture Desk");
    browser.findElement(By.id("new-slug")).sendKeys("Culture Desk!");
    click(By.xpath("//button[normalize-space()='Create section']"));
    assertThat(browser.findElement(By.id("new-slug-error")).getText()).startsWith("Address");
    assertThat(browser.findElement(By.id("new-slug")).getAttribute("value"))
        .isEqualTo("Culture Desk!");
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).as("a form at fault").isEmpty();
    browser.findElement(By.id("new-slug")).clear();
    browser.findElement(By.id("new-name")).clear();
    browser.findElement(By.id("new-name")).sendKeys("Culture Desk");
    browser.findElement(By.id("new-description")).sendKeys("Books, films and the arts.");
    click(By.xpath("//button[normalize-space()='Create section']"));
    assertThat(notice()).contains("Culture Desk");
    String id = site.sqlOne(String.class, "SELECT id FROM sections WHERE slug = 'culture-desk'");
    assertThat(navigation()).endsWith("Culture Desk");

    WebElement name = browser.findElement(By.id("name-" + id));
    name.clear();
    name.sendKeys("Arts Desk");
    click(By.cssSelector("#section-" + id + " form[action$='/edit'] button"));
    assertThat(notice()).isEqualTo("Saved ‘Arts Desk’.");
    assertThat(navigation()).endsWith("Arts Desk").doesNotContain("Culture Desk");
    assertThat(browser.findElement(By.cssSelector("#section-" + id + " .meta")).getText())
        .contains("/sections/culture-desk");

    List<String> before = navigation();
    click(By.xpath("//button[normalize-space()='Move Arts Desk up']"));
    assertThat(notice()).isEqualTo("Moved ‘Arts Desk’.");
    List<String> after = navigation();
    assertThat(after.indexOf("Arts Desk")).isEqualTo(before.indexOf("Arts Desk") - 1);
    assertThat(browser.findElement(By.cssSelector("#section-" + id + " .meta")).getText())
        .startsWith("Place " + (after.indexOf("Arts Desk") + 1) + " ·");

    new Select(browser.findElement(By.id("policy-" + id))).selectByVisibleText("Pre-moderated");
    click(By.cssSelector("#section-" + id + " form[action$='/comments-policy'] button"));
    assertThat(notice()).isEqualTo("Saved the comment policy of ‘Arts Desk’.");
    assertThat(browser.findElement(By.cssSelector("#section-" + id + " .meta")).getText())
        .contains("Comments: Pre-moderated");

    click(By.linkText("Write"));
    assertThat(h1()).isEqualTo("Write an article");
    browser.findElement(By.id("headline")).sendKeys("A new gallery opens by the river");
    browser.findElement(By.id("summary")).sendKeys("Three rooms of local painters.");
    browser
        .findElement(By.id("body"))
        .sendKeys(
            "The gallery opened on **Saturday**.\n\n## What is on\n\n- Landscapes\n- Portraits\n");
    browser.findElement(By.id("authors")).sendKeys("Ines Lago, Omar Said");
    new Select(browser.findElement(By.id("section"))).selectByVisibleText("Arts Desk");
    browser.findElement(By.id("tags")).sendKeys("Galleries");
    click(By.xpath("//button[normalize-space()='Preview']"));
    assertThat(h1()).isEqualTo("Preview");
    WebElement preview = browser.findElement(By.cssSelector("article.preview"));
    assertThat(preview.findElement(By.cssSelector(".preview-headline")).getText())
        .isEqualTo("A new gallery opens by the river");
    assertThat(preview.findElement(By.cssSelector(".story-body strong")).getText())
        .isEqualTo("Saturday");
    assertThat(preview.findElement(By.cssSelector(".byline")).getText())
        .isEqualTo("By Ines Lago and Omar Said");
    assertThat(browser.findElement(By.id("headline")).getAttribute("value"))
        .isEqualTo("A new gallery opens by the river");
    assertThat(new Select(browser.findElement(By.id("section"))).getFirstSelectedOption().getText())
        .isEqualTo("Arts Desk");
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).as("the preview").isEmpty();

    click(By.xpath("//button[normalize-space()='Publish']"));
    assertThat(browser.getCurrentUrl()).endsWith("/articles/a-new-gallery-opens-by-the-river");
    assertThat(h1()).isEqualTo("A new gallery opens by the river");
    assertThat(browser.findElement(By.cssSelector(".story .attribution")).getText())
        .isEqualTo("From " + browser.findElement(By.cssSelector(".site-name")).getText());
    assertThat(browser.findElement(By.cssSelector(".story-body h2")).getText())
        .isEqualTo("What is on");

    click(By.cssSelector(".story .kicker a"));
    assertThat(h1()).isEqualTo("Arts Desk");
    assertThat(browser.findElements(By.linkText("A new gallery opens by the river"))).isNotEmpty();
  }

  @Test
  void aDraftIsSavedWithoutReachingReaders() {
    Browser.signIn(browser, site, "desk.editor", PASSWORD);
    browser.get(site.url("/staff/articles/new"));
    browser.findElement(By.id("headline")).sendKeys("An idea for next week");
    browser.findElement(By.id("body")).sendKeys("Only notes so far.");
    click(By.xpath("//button[normalize-space()='Save as draft']"));
    assertThat(notice()).contains("Saved as a draft");
    assertThat(
            site.sqlOne(
                String.class,
                "SELECT status FROM articles WHERE slug = ?",
                "an-idea-for-next-week"))
        .isEqualTo("draft");

    // The editor publishes it later from the article desk.
    browser.get(
        site.url(
            "/staff/articles/"
                + site.sqlOne(
                    String.class,
                    "SELECT id FROM articles WHERE slug = ?",
                    "an-idea-for-next-week")));
    click(By.xpath("//button[normalize-space()='Publish']"));
    assertThat(notice()).startsWith("Published");
    assertThat(
            site.sqlOne(
                String.class,
                "SELECT status FROM articles WHERE slug = ?",
                "an-idea-for-next-week"))
        .isEqualTo("published");
  }

  @Test
  void bothPagesFitAPhone() {
    Browser.signIn(browser, site, "desk.editor", PASSWORD);
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      for (String page : List.of("/staff/sections", "/staff/articles/new")) {
        browser.get(site.url(page));
        Number overflow =
            (Number)
                browser.executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as(page + " scrolls sideways").isLessThanOrEqualTo(0);
      }
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  private void click(By what) {
    Browser.clickAndWait(browser, browser.findElement(what));
  }

  private String h1() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private String notice() {
    return browser.findElement(By.cssSelector("main .notice")).getText();
  }

  private List<String> navigation() {
    return browser.findElements(By.cssSelector("nav[aria-label=Sections] a")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
