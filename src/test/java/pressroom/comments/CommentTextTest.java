package pressroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CommentTextTest {
  @Test
  void plainTextTakesTheShortPathAndComesOutExactlyAsTheFullPathWouldMakeIt() {
    // Every character the short path accepts, and some it must refuse, in random mixes.
    String accepted = "aZ09 .,;:'?()/%éßЖ漢";
    String mixed = accepted + "!\"-*_`[]<>&\\#~|=+\n\t\u00a0😀";
    Random random = new Random(42);
    int plain = 0;
    for (int i = 0; i < 200_000; i++) {
      // Half the texts only from accepted characters, so long ones take the short path too.
      String chars = i % 2 == 0 ? accepted : mixed;
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(i % 2 == 0 ? 40 : 12);
      while (b.length() < length) {
        b.appendCodePoint(
            chars.codePointAt(
                chars.offsetByCodePoints(
                    0, random.nextInt(chars.codePointCount(0, chars.length())))));
      }
      String text = b.toString();
      if (CommentText.plain(text)) {
        plain++;
        assertThat(CommentText.toHtml(text))
            .as("[" + text + "] → [" + CommentText.rendered(text) + "]")
            .isEqualTo(CommentText.rendered(text));
      }
    }
    assertThat(plain).isGreaterThan(20_000);
    for (String text :
        new String[] {
          "Load test comment number 12 about the harbour",
          "1. not a list",
          "Well: (maybe) 50% of it/them?",
          "l'été à Zürich",
          "a.example/path"
        }) {
      assertThat(CommentText.plain(text)).as(text).isTrue();
      assertThat(CommentText.toHtml(text)).as(text).isEqualTo(CommentText.rendered(text));
    }
    for (String text :
        new String[] {
          "see https://a.example/x",
          "*bold*",
          "two  spaces",
          "> quote",
          "a & b",
          "<b>x</b>",
          "line\\nbreak"
        }) {
      assertThat(CommentText.plain(text)).as(text).isFalse();
    }
  }
}
