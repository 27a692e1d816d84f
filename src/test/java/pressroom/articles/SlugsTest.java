package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SlugsTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Harbour cranes return to work | harbour-cranes-return-to-work",
        "Rêbaz Şêxanî | rebaz-sexani",
        "Ayşe Çağlar Öztürk | ayse-caglar-ozturk",
        "Þórdís Jónsdóttir | thordis-jonsdottir",
        "Łukasz Wróbel | lukasz-wrobel",
        "Nguyễn Thị Hằng in Đà Nẵng | nguyen-thi-hang-in-da-nang",
        "ʿAbd al-Raḥmān al-Ḥakīm | abd-al-rahman-al-hakim",
        "Mary O. Doe | mary-o-doe",
        "“Quoted” — and the port’s future… | quoted-and-the-ports-future",
        "سلمى الحكيم | fallback",
      })
  void makesReadableAsciiSlugs(String text, String slug) {
    assertThat(Slugs.of(text, "fallback")).isEqualTo(slug);
  }

  @Test
  void randomTextAlwaysGivesAShortSafeSlug() {
    Random random = new Random(20261125);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(200);
      for (int j = 0; j < len; j++) {
        sb.appendCodePoint(random.nextInt(random.nextBoolean() ? 0x7f : 0x2fff));
      }
      String slug = Slugs.of(sb.toString(), "x");
      assertThat(slug).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(80);
    }
  }
}
