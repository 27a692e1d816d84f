package pressroom.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pressroom.articles.ArticlePictures.NewPicture;
import pressroom.articles.Picture;
import pressroom.testing.Browser;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/** The lead picture in a real browser: it loads, and a phone fetches a small rendition. */
@RunningSite
class PicturesBrowserTest {
  TestApp site;
  Fixtures f;
  ChromeDriver browser;
  Picture picture;

  @BeforeAll
  void aPictureForTheWireStory() throws IOException {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(PicturesContract.image(1600, 900, "jpg")));
    site.app()
        .articlePictures()
        .store(
            f.wire.id(),
            new NewPicture(
                "test:cranes",
                "Cranes over the harbour at dusk.",
                "Photo: Ines Duarte",
                Renditions.of(image, 1600, 900)),
            false,
            Instant.now());
    site.app().applyContentChanges();
    picture = site.app().articlePictures().of(f.wire.id()).orElseThrow();
  }

  WebElement loadedLeadImage() {
    browser.get(site.url("/articles/" + f.wire.slug()));
    WebElement img = browser.findElement(By.cssSelector(".lead-image img"));
    Browser.waitUp(browser)
        .until(d -> (Boolean) browser.executeScript("return arguments[0].complete", img));
    return img;
  }

  int naturalWidth(WebElement img) {
    return ((Number) browser.executeScript("return arguments[0].naturalWidth", img)).intValue();
  }

  int chosenWidth(WebElement img) {
    String current = (String) browser.executeScript("return arguments[0].currentSrc", img);
    assertThat(current).startsWith(site.url("/pictures/" + picture.id() + "/"));
    return Integer.parseInt(current.replaceAll(".*/(\\d+)\\.jpg$", "$1"));
  }

  @Test
  void onAPhoneTheLeadPictureLoadsAtASmallWidth() {
    browser.manage().window().setSize(new Dimension(390, 844));
    WebElement img = loadedLeadImage();

    assertThat(naturalWidth(img)).isPositive();
    assertThat(chosenWidth(img)).isLessThanOrEqualTo(640).isLessThan(picture.width());
    assertThat(img.getDomAttribute("width")).isEqualTo("1280");
    assertThat(img.getDomAttribute("height")).isEqualTo("720");
    // Shown at the column's width, in its own proportions.
    assertThat(img.getRect().getWidth()).isLessThanOrEqualTo(390);
    assertThat(Math.abs(img.getRect().getHeight() - img.getRect().getWidth() * 9 / 16))
        .isLessThanOrEqualTo(2);
  }

  @Test
  void onADesktopTheLeadPictureLoadsFromTheSiteWithItsCaption() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    WebElement img = loadedLeadImage();
    assertThat(naturalWidth(img)).isPositive();
    assertThat(chosenWidth(img)).isIn(picture.widths());
    assertThat(img.getDomAttribute("alt")).isEqualTo("Cranes over the harbour at dusk.");
    assertThat(browser.findElement(By.cssSelector(".lead-image figcaption")).getText())
        .isEqualTo("Cranes over the harbour at dusk. Photo: Ines Duarte");
    assertThat(pressroom.testing.Axe.seriousViolations(browser)).as("the article page").isEmpty();
  }
}
