package pressroom.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import pressroom.articles.ArticleDao;
import pressroom.articles.ArticleDao.NameIds;
import pressroom.articles.ArticleStatus;
import pressroom.articles.ContentChanges;
import pressroom.articles.NewArticle;
import pressroom.ingest.StoreDecision.Existing;

/**
 * Stores mapped feed items: new ones are inserted (joining a story told by another partner when
 * the text is a near-duplicate), changed ones update the article and keep the old revision,
 * killed ones withdraw it. One transaction per batch: all of a feed, or none of it.
 */
public final class IngestStore {
  /** How far apart two partners' versions of one story may be published. */
  private static final Duration STORY_WINDOW = Duration.ofDays(3);

  private final Jdbi jdbi;

  public IngestStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** How a batch changed the site. */
  public record Counts(int inserted, int updated, int withdrawn, int unchanged) {
    public Counts plus(Counts o) {
      return new Counts(
          inserted + o.inserted, updated + o.updated, withdrawn + o.withdrawn, unchanged + o.unchanged);
    }

    public static final Counts NONE = new Counts(0, 0, 0, 0);
  }

  public Counts store(String sourceId, List<Candidate> batch) {
    if (batch.isEmpty()) {
      return Counts.NONE;
    }
    return jdbi.inTransaction(
        h -> {
          NameIds names = new NameIds();
          int inserted = 0;
          int updated = 0;
          int withdrawn = 0;
          int unchanged = 0;
          for (Candidate c : batch) {
            Existing existing = find(h, sourceId, c.guid()).orElse(null);
            switch (StoreDecision.decide(existing, c)) {
              case StoreDecision.Insert i -> {
                insert(h, c, names);
                inserted++;
              }
              case StoreDecision.Update u -> {
                NewArticle a = c.article();
                if (!a.updatedAt().isAfter(existing.updatedAt())) {
                  // Changed without a newer time in the feed: the change is dated when we saw it.
                  a = a.withUpdatedAt(Instant.now());
                }
                ArticleDao.replaceContent(h, existing.id(), a, names);
                replaceBands(h, existing.id(), a);
                updated++;
              }
              case StoreDecision.Withdraw w -> {
                withdraw(h, existing.id());
                withdrawn++;
              }
              case StoreDecision.Ignore ignore -> unchanged++;
            }
          }
          return new Counts(inserted, updated, withdrawn, unchanged);
        });
  }

  private static Optional<Existing> find(Handle h, String sourceId, String guid) {
    return h.createQuery(
            "SELECT id, content_hash, version, updated_at, status FROM articles"
                + " WHERE source_id = :source AND source_guid = :guid")
        .bind("source", sourceId)
        .bind("guid", guid)
        .map(
            (rs, ctx) -> {
              long v = rs.getLong("version");
              Long version = rs.wasNull() ? null : v;
              return new Existing(
                  rs.getString("id"),
                  rs.getString("content_hash"),
                  version,
                  Instant.ofEpochMilli(rs.getLong("updated_at")),
                  ArticleStatus.fromDb(rs.getString("status")));
            })
        .findOne();
  }

  private static void insert(Handle h, Candidate c, NameIds names) {
    NewArticle a = c.article();
    String story = sameStory(h, a);
    ArticleDao.StoredArticle stored = ArticleDao.insert(h, story == null ? a : a.withStory(story), names);
    insertBands(h, stored.id(), a, story == null ? stored.id() : story);
    if (story != null) {
      // The other versions' pages gain an "Also from" link.
      recordStory(h, story);
    }
  }

  /** The story of the nearest near-duplicate from another partner, if any. */
  private static String sameStory(Handle h, NewArticle a) {
    long simhash = a.provenance().simhash();
    if (simhash == 0L) {
      return null;
    }
    List<Long> bands = new ArrayList<>();
    for (long b : SimHash.bands(simhash)) {
      bands.add(b);
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (var row :
        h.createQuery(
                """
                SELECT simhash, story_id FROM simhash_bands
                WHERE band IN (<bands>) AND source_id < :source
                  AND published_at BETWEEN :from AND :to
                UNION ALL
                SELECT simhash, story_id FROM simhash_bands
                WHERE band IN (<bands>) AND source_id > :source
                  AND published_at BETWEEN :from AND :to
                """)
            .bindList("bands", bands)
            .bind("source", a.sourceId())
            .bind("from", a.publishedAt().minus(STORY_WINDOW).toEpochMilli())
            .bind("to", a.publishedAt().plus(STORY_WINDOW).toEpochMilli())
            .mapToMap()
            .list()) {
      int d = SimHash.distance(((Number) row.get("simhash")).longValue(), simhash);
      if (d <= SimHash.SAME_STORY_DISTANCE && d < bestDistance) {
        bestDistance = d;
        best = (String) row.get("story_id");
      }
    }
    return best;
  }

  private static void insertBands(Handle h, String articleId, NewArticle a, String storyId) {
    long simhash = a.provenance().simhash();
    if (simhash == 0L) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO simhash_bands (band, published_at, article_id, source_id, simhash, story_id)"
                + " VALUES (:band, :published, :id, :source, :simhash, :story)");
    for (long band : SimHash.bands(simhash)) {
      batch
          .bind("band", band)
          .bind("published", a.publishedAt().toEpochMilli())
          .bind("id", articleId)
          .bind("source", a.sourceId())
          .bind("simhash", simhash)
          .bind("story", storyId)
          .add();
    }
    batch.execute();
  }

  private static void replaceBands(Handle h, String articleId, NewArticle a) {
    String story =
        h.createQuery("SELECT coalesce(story_id, id) FROM articles WHERE id = :id")
            .bind("id", articleId)
            .mapTo(String.class)
            .one();
    h.createUpdate("DELETE FROM simhash_bands WHERE article_id = :id").bind("id", articleId).execute();
    insertBands(h, articleId, a, story);
  }

  private static void withdraw(Handle h, String articleId) {
    h.createUpdate("UPDATE articles SET status = 'withdrawn', updated_at = :now WHERE id = :id")
        .bind("now", System.currentTimeMillis())
        .bind("id", articleId)
        .execute();
    ContentChanges.record(h, articleId);
    h.createQuery("SELECT story_id FROM articles WHERE id = :id")
        .bind("id", articleId)
        .mapTo(String.class)
        .findOne()
        .ifPresent(story -> recordStory(h, story));
  }

  private static void recordStory(Handle h, String storyId) {
    for (String id :
        h.createQuery("SELECT id FROM articles WHERE story_id = :story")
            .bind("story", storyId)
            .mapTo(String.class)
            .list()) {
      ContentChanges.record(h, id);
    }
  }
}
