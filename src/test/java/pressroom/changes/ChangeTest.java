package pressroom.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTest {
  static final String ID = "0193a7c2-5d1e-7b3a-9f00-000000000001";

  @Test
  void everyKindReadsBackAsItWasStored() {
    for (Change c :
        new Change[] {
          new Change.ArticleChanged(ID),
          new Change.CommentsChanged(ID),
          new Change.AllPages(),
          new Change.Everything()
        }) {
      assertThat(Change.of(c.stored())).isEqualTo(c);
    }
  }

  @Test
  void rowsWrittenByEarlierVersionsReadTheSame() {
    assertThat(Change.of(ID)).isEqualTo(new Change.ArticleChanged(ID));
    assertThat(Change.of("page:" + ID)).isEqualTo(new Change.CommentsChanged(ID));
    assertThat(Change.of("page:*")).isEqualTo(new Change.AllPages());
    assertThat(Change.of("*")).isEqualTo(new Change.Everything());
  }

  @Test
  void onlyArticlesAndEverythingReachTheSearchIndex() {
    assertThat(new Change.ArticleChanged(ID).touchesSearch()).isTrue();
    assertThat(new Change.Everything().touchesSearch()).isTrue();
    assertThat(new Change.CommentsChanged(ID).touchesSearch()).isFalse();
    assertThat(new Change.AllPages().touchesSearch()).isFalse();
  }
}
