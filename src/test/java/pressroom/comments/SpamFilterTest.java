package pressroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpamFilterTest {
  @Test
  void wordsAreFoundAsThePatternFindsThem() {
    String alphabet = "abcXYZ019 .,-'_éßЖ漢Ⅻ²٣\u0301\t\n😀𝒜\ud800İ";
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(60);
      while (b.length() < length) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      assertThat(SpamFilter.features(text, false).stream().filter(w -> !w.startsWith("#")).toList())
          .as(text.chars().mapToObj(c -> String.format("%04x", c)).toList().toString())
          .containsExactlyElementsOf(byPattern(text));
    }
  }

  /** The words as the filter first defined them. */
  private static Set<String> byPattern(String text) {
    Set<String> f = new LinkedHashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3 && w.length() <= 30) {
        f.add(w);
      }
    }
    return f;
  }
}
