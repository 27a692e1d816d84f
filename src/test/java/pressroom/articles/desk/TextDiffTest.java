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
}
