package pressroom.ingest.mapping;

import pressroom.articles.NewArticle;
import pressroom.ingest.formats.FeedItem.PubStatus;

/**
 * A feed item made ready to store: the article, plus what decides insert, update or withdraw.
 *
 * @param feedUpdated the update time the feed itself gave, or null when it gave none
 */
public record Candidate(NewArticle article, PubStatus pubStatus, java.time.Instant feedUpdated) {
  public String guid() {
    return article.provenance().guid();
  }

  public String contentHash() {
    return article.provenance().contentHash();
  }

  public Long version() {
    return article.provenance().version();
  }
}
