package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

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
}
