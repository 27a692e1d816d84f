package pressroom.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pressroom.articles.ArticleStatus;
import pressroom.articles.NewArticle;
import pressroom.ingest.formats.FeedItem.PubStatus;
import pressroom.ingest.mapping.Candidate;
import pressroom.ingest.store.StoreDecision.Existing;

class StoreDecisionTest {
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

  static Candidate candidate(String hash, Long version, Instant feedUpdated, PubStatus status) {
    NewArticle a =
        new NewArticle(
            "world",
            "src",
            "Headline",
            "",
            List.of(),
            "<p>x</p>",
            "en",
            "ltr",
            null,
            T0,
            feedUpdated,
            List.of(),
            ArticleStatus.PUBLISHED,
            null,
            new NewArticle.Provenance("guid-1", hash, version, 1L, null));
    return new Candidate(a, status, feedUpdated);
  }

  static Existing existing(String hash, Long version, Instant updated, ArticleStatus status) {
    return new Existing("id-1", hash, version, updated, status);
  }

  @Test
  void newItemsAreInsertedUnlessAlreadyKilled() {
    assertThat(StoreDecision.decide(null, candidate("h", null, null, PubStatus.USABLE)))
        .isInstanceOf(StoreDecision.Insert.class);
    assertThat(StoreDecision.decide(null, candidate("h", null, null, PubStatus.CANCELED)))
        .isInstanceOf(StoreDecision.Ignore.class);
  }

  @Test
  void killNoticesWithdrawOnce() {
    Existing live = existing("h", null, T0, ArticleStatus.PUBLISHED);
    assertThat(StoreDecision.decide(live, candidate("h", null, null, PubStatus.CANCELED)))
        .isInstanceOf(StoreDecision.Withdraw.class);
    assertThat(StoreDecision.decide(live, candidate("h", null, null, PubStatus.WITHHELD)))
        .isInstanceOf(StoreDecision.Withdraw.class);
    Existing gone = existing("h", null, T0, ArticleStatus.WITHDRAWN);
    // Already withdrawn, perhaps by an editor: it stays, now as the partner's (not restorable).
    assertThat(StoreDecision.decide(gone, candidate("h", null, null, PubStatus.CANCELED)))
        .isInstanceOf(StoreDecision.KilledWhileWithdrawn.class);
  }

  @Test
  void versionsDecideWhenBothSidesHaveThem() {
    Existing v2 = existing("h", 2L, T0, ArticleStatus.PUBLISHED);
    assertThat(StoreDecision.decide(v2, candidate("other", 3L, null, PubStatus.USABLE)))
        .isInstanceOf(StoreDecision.Update.class);
    assertThat(StoreDecision.decide(v2, candidate("other", 1L, null, PubStatus.USABLE)))
        .isEqualTo(new StoreDecision.Ignore("an older version"));
    assertThat(StoreDecision.decide(v2, candidate("other", 2L, null, PubStatus.USABLE)))
        .isEqualTo(new StoreDecision.Ignore("the same version"));
  }

  @Test
  void otherwiseTimesAndContentDecide() {
    Existing stored = existing("h", null, T0.plusSeconds(600), ArticleStatus.PUBLISHED);
    assertThat(StoreDecision.decide(stored, candidate("changed", null, T0, PubStatus.USABLE)))
        .isEqualTo(new StoreDecision.Ignore("an older version"));
    assertThat(
            StoreDecision.decide(
                stored, candidate("h", null, T0.plusSeconds(900), PubStatus.USABLE)))
        .isEqualTo(new StoreDecision.Ignore("unchanged"));
    assertThat(
            StoreDecision.decide(
                stored, candidate("changed", null, T0.plusSeconds(900), PubStatus.USABLE)))
        .isInstanceOf(StoreDecision.Update.class);
    // A partner that corrects without dating the correction: the content tells.
    assertThat(StoreDecision.decide(stored, candidate("changed", null, null, PubStatus.USABLE)))
        .isInstanceOf(StoreDecision.Update.class);
    assertThat(StoreDecision.decide(stored, candidate("h", null, null, PubStatus.USABLE)))
        .isEqualTo(new StoreDecision.Ignore("unchanged"));
  }
}
