package pressroom.ingest.store;

import java.time.Instant;
import pressroom.articles.ArticleStatus;
import pressroom.ingest.formats.FeedItem.PubStatus;
import pressroom.ingest.mapping.Candidate;

/** What to do with a feed item given what is already stored under its guid. Pure. */
public sealed interface StoreDecision {
  record Insert() implements StoreDecision {}

  record Update() implements StoreDecision {}

  record Withdraw() implements StoreDecision {}

  /**
   * A kill notice for an article already withdrawn: it stays withdrawn, but as the partner's, so an
   * editor's reason (which would let it be restored) is forgotten.
   */
  record KilledWhileWithdrawn() implements StoreDecision {}

  record Ignore(String why) implements StoreDecision {}

  /** The stored article with the same source and guid. */
  record Existing(
      String id, String contentHash, Long version, Instant updatedAt, ArticleStatus status) {}

  /**
   * @param existing the stored article with this guid, or null
   */
  static StoreDecision decide(Existing existing, Candidate c) {
    boolean killed = c.pubStatus() != PubStatus.USABLE;
    if (existing == null) {
      return killed ? new Ignore("withdrawn before it was ever shown") : new Insert();
    }
    if (killed) {
      return existing.status() == ArticleStatus.WITHDRAWN
          ? new KilledWhileWithdrawn()
          : new Withdraw();
    }
    if (c.version() != null && existing.version() != null) {
      if (c.version() < existing.version()) {
        return new Ignore("an older version");
      }
      if (c.version().equals(existing.version())) {
        return new Ignore("the same version");
      }
      return new Update();
    }
    if (c.feedUpdated() != null && c.feedUpdated().isBefore(existing.updatedAt())) {
      return new Ignore("an older version");
    }
    if (c.contentHash().equals(existing.contentHash())) {
      return new Ignore("unchanged");
    }
    return new Update();
  }
}
