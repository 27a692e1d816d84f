package pressroom.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.articles.ArticleSummary;
import pressroom.articles.Picture;
import pressroom.testing.Browser;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/** The lead picture in a real browser: it loads, and a phone fetches a small rendition. */
@RunningSite(demo = true)
class PicturesBrowserTest {
  TestApp site;
  ChromeDriver browser;

  ArticleSummary illustrated() {
    return site.app().listings().latest(10, Instant.now()).stream()
        .filter(a -> a.picture() != null)
        .findFirst()
        .orElseThrow();
  }

  WebElement loadedLeadImage(String slug) {
    browser.get(site.url("/articles/" + slug));
    WebElement img = browser.findElement(By.cssSelector(".lead-image img"));
    Browser.waitUp(browser)
        .until(d -> (Boolean) browser.executeScript("return arguments[0].complete", img));
    return img;
  }

  @Test
  void onAPhoneTheLeadPictureLoadsAtASmallWidth() {
    ArticleSummary a = illustrated();
    Picture p = a.picture();
    browser.manage().window().setSize(new Dimension(390, 844));
    WebElement img = loadedLeadImage(a.slug());

    assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", img)).intValue())
        .isPositive();
    String current = (String) browser.executeScript("return arguments[0].currentSrc", img);
    assertThat(current).contains("/pictures/" + p.id() + "/");
    int chosen = Integer.parseInt(current.replaceAll(".*/(\\d+)\\.jpg$", "$1"));
    assertThat(chosen).isLessThan(p.width()).isLessThanOrEqualTo(640);
    assertThat(img.getDomAttribute("width")).isEqualTo(String.valueOf(p.width()));
    assertThat(img.getDomAttribute("height")).isEqualTo(String.valueOf(p.height()));
    // Shown at the column's width, in its own proportions.
    assertThat(img.getRect().getWidth()).isLessThanOrEqualTo(390);
    assertThat(Math.abs(img.getRect().getHeight() - img.getRect().getWidth() * 9 / 16))
        .isLessThanOrEqualTo(2);
  }

  @Test
  void onADesktopTheLeadPictureLoadsFromTheSite() {
    ArticleSummary a = illustrated();
    browser.manage().window().setSize(new Dimension(1280, 900));
    WebElement img = loadedLeadImage(a.slug());
    assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", img)).intValue())
        .isPositive();
    assertThat((String) browser.executeScript("return arguments[0].currentSrc", img))
        .startsWith(site.url("/pictures/" + a.picture().id() + "/"));
  }
}
