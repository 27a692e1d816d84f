package pressroom.articles.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pressroom.articles.desk.TextDiff.Kind;
import pressroom.articles.desk.TextDiff.Piece;

class TextDiffTest {
  @Test
  void theTextOfHtmlKeepsParagraphsAndDropsTags() {
    assertThat(
            TextDiff.textOf(
                "<p>One <em>two</em>\n three.</p><p>Four<br>five.</p><ul><li>Six</li></ul>"))
        .isEqualTo("One two three.\n\nFour\nfive.\n\nSix");
    assertThat(TextDiff.textOf(null)).isEmpty();
  }

  @Test
  void changesAreWordsDeletedAndInsertedBetweenWhatStayed() {
    assertThat(TextDiff.of("The tram left at six today.", "The tram left at dawn today."))
        .containsExactly(
            new Piece(Kind.SAME, "The tram left at "),
            new Piece(Kind.DELETED, "six"),
            new Piece(Kind.INSERTED, "dawn"),
            new Piece(Kind.SAME, " today."));
    assertThat(TextDiff.of("A b", "A b c"))
        .containsExactly(new Piece(Kind.SAME, "A b"), new Piece(Kind.INSERTED, " c"));
    assertThat(TextDiff.of("Gone entirely", ""))
        .containsExactly(new Piece(Kind.DELETED, "Gone entirely"));
  }

  @Test
  void anUnchangedTextIsOnePieceKept() {
    List<Piece> same = TextDiff.of("Ayşe Kaya said “yes”.", "Ayşe Kaya said “yes”.");
    assertThat(same).containsExactly(new Piece(Kind.SAME, "Ayşe Kaya said “yes”."));
    assertThat(TextDiff.unchanged(same)).isTrue();
    assertThat(TextDiff.unchanged(TextDiff.of("a", "b"))).isFalse();
    assertThat(TextDiff.of("", "")).isEmpty();
  }

  /** Two different bodies near the editor's limit of 500,000 characters, a paragraph a line. */
  static String longText(String word, int paragraphs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < paragraphs; i++) {
      b.append(word).append(' ').append(i).append(" and more words in this paragraph.\n\n");
    }
    return b.toString().strip();
  }

  @Test
  void longTextsAreComparedParagraphByParagraphInLittleTime() {
    String before = longText("alpha", 1_500);
    String after = longText("beta", 1_500).replace("beta 7 ", "alpha 7 ");
    assertThat(TextDiff.wordByWord(before, after)).isFalse();
    assertThat(TextDiff.wordByWord("a few words", "a few more")).isTrue();
    List<Piece> pieces =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(5), () -> TextDiff.of(before, after));
    assertThat(pieces)
        .anySatisfy(p -> assertThat(p.same() && p.text().contains("alpha 7 and more")).isTrue())
        .anySatisfy(p -> assertThat(p.deleted()).isTrue())
        .anySatisfy(p -> assertThat(p.inserted()).isTrue());
    assertThat(pieces.stream().filter(Piece::deleted).map(Piece::text))
        .allSatisfy(t -> assertThat(t).contains("alpha").doesNotContain("beta"));

    // Too many paragraphs even for that: both texts whole.
    String many = longText("gamma", 10_000);
    String others = longText("delta", 10_000);
    assertThat(
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> TextDiff.of(many, others)))
        .containsExactly(new Piece(Kind.DELETED, many), new Piece(Kind.INSERTED, others));
  }

  @Test
  void theLongestTextsComparedWordByWordTakeLittleTime() {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < TextDiff.MOST_WORDS; i++) {
      before.append("a").append(i).append(' ');
      after.append("b").append(i).append(' ');
    }
    assertThat(TextDiff.wordByWord(before.toString(), after.toString())).isTrue();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(5), () -> TextDiff.of(before.toString(), after.toString()));
  }
}
