package pressroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import pressroom.articles.BodySanitizer;

class TextFingerprintTest {
  private static final String[] TAGS = {
    "p", "h2", "li", "ul", "blockquote", "em", "strong", "a", "q", "sub", "small", "figure",
        "figcaption",
    "cite", "div", "span", "pre", "textarea", "table", "tr", "td", "code", "section", "h1", "title",
        "svg",
  };
  private static final String[] VOID = {
    "<br>", "<img src=\"https://img.example/a.jpg\" alt=\"\">", "<hr>", "<wbr>"
  };
  private static final String[] RAW = {
    "&nbsp;", "&shy;", "&#8203;", "&amp;", "&lt;", "<!-- note -->", "<![CDATA[cd]]>"
  };

  /** Random markup over the tags that decide where jsoup's text() puts spaces. */
  private static String randomHtml(Random r, int depth) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(5); n >= 0; n--) {
      switch (r.nextInt(6)) {
        case 0, 1 -> sb.append(SimHashTest.randomText(r, r.nextInt(6)).replace("<", ""));
        case 2 -> sb.append(VOID[r.nextInt(VOID.length)]);
        case 3 -> sb.append(RAW[r.nextInt(RAW.length)]);
        default -> {
          if (depth < 5) {
            String tag = TAGS[r.nextInt(TAGS.length)];
            sb.append('<').append(tag).append('>').append(randomHtml(r, depth + 1));
            if (r.nextInt(8) > 0) {
              sb.append("</").append(tag).append('>');
            }
          }
        }
      }
    }
    return sb.toString();
  }

  @Test
  void sameAsTheSimHashOfJsoupsTextOnRandomMarkup() {
    Random r = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      String html = randomHtml(r, 0);
      for (Element body :
          new Element[] {
            Jsoup.parseBodyFragment(html).body(),
            BodySanitizer.sanitize(html, "https://x.example/").body()
          }) {
        TextFingerprint f = TextFingerprint.of(body);
        String text = body.text();
        assertThat(f.simhash())
            .as("markup %s, text [%s]", body.html(), text)
            .isEqualTo(SimHash.of(text));
        assertThat(f.blank())
            .as("markup %s, text [%s]", body.html(), text)
            .isEqualTo(text.isBlank());
      }
    }
  }

  @Test
  void wordsRunTogetherOrApartAsTheReaderSeesThem() {
    assertThat(
            TextFingerprint.of(Jsoup.parseBodyFragment("<p>wa<em>ter</em></p>").body()).simhash())
        .isEqualTo(SimHash.of("water"));
    assertThat(
            TextFingerprint.of(Jsoup.parseBodyFragment("<p>water</p><p>board</p>").body())
                .simhash())
        .isEqualTo(SimHash.of("water board"));
    assertThat(TextFingerprint.of(Jsoup.parseBodyFragment("co&shy;operative").body()).simhash())
        .isEqualTo(SimHash.of("cooperative"));
    assertThat(TextFingerprint.of(Jsoup.parseBodyFragment("<p>&nbsp;<br></p>").body()).blank())
        .isTrue();
  }
}
