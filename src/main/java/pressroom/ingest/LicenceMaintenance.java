package pressroom.ingest;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.articles.StatusChanges;
import pressroom.articles.StoryLeads;
import pressroom.changes.ContentChanges;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.SourceDao;

/**
 * Keeps the site within each partner's licence over time: expires articles N days after publication
 * when the licence says so, and makes embargoed articles appear in listings when their time comes
 * (their pages need no help: they are looked up with the current time).
 */
public final class LicenceMaintenance {
  private static final Logger log = LoggerFactory.getLogger(LicenceMaintenance.class);

  private final Jdbi jdbi;
  private final SourceDao sources;

  public LicenceMaintenance(Jdbi jdbi, SourceDao sources) {
    this.jdbi = jdbi;
    this.sources = sources;
  }

  /**
   * Expires what the licences say has run out, and lists the embargoed articles whose time has
   * come, however long ago (a site that was down catches up).
   *
   * @return the number of articles expired
   */
  public int run(Instant now) {
    int expired = 0;
    for (FeedSource s : sources.withExpiry()) {
      Instant cutoff = now.minus(Duration.ofDays(s.expireAfterDays()));
      expired +=
          jdbi.inTransaction(h -> StatusChanges.expire(h, s.id(), cutoff, now.toEpochMilli()));
    }
    if (expired > 0) {
      log.info("Expired {} articles whose licence ran out", expired);
    }
    jdbi.useTransaction(
        h -> {
          for (String id : StoryLeads.liftEmbargoes(h, now.toEpochMilli())) {
            ContentChanges.record(h, id);
          }
        });
    return expired;
  }
}
