package pressroom.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.articles.ArticleDao;
import pressroom.articles.ArticleDao.NameIds;
import pressroom.articles.ArticleStatus;
import pressroom.articles.ContentChanges;
import pressroom.articles.NewArticle;
import pressroom.db.JdbcBatch;
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
    // One guid once per batch: the last occurrence is the one the partner means.
    Map<String, Candidate> byGuid = new LinkedHashMap<>();
    for (Candidate c : batch) {
      byGuid.remove(c.guid());
      byGuid.put(c.guid(), c);
    }
    return jdbi.inTransaction(
        h -> {
          NameIds names = new NameIds();
          Map<String, Existing> existing = find(h, sourceId, byGuid.keySet());
          List<NewArticle> inserts = new ArrayList<>();
          int updated = 0;
          int withdrawn = 0;
          int unchanged = 0;
          for (Candidate c : byGuid.values()) {
            Existing e = existing.get(c.guid());
            switch (StoreDecision.decide(e, c)) {
              case StoreDecision.Insert i -> inserts.add(c.article());
              case StoreDecision.Update u -> {
                NewArticle a = c.article();
                if (!a.updatedAt().isAfter(e.updatedAt())) {
                  // Changed without a newer time in the feed: the change is dated when we saw it.
                  a = a.withUpdatedAt(Instant.now());
                }
                ArticleDao.replaceContent(h, e.id(), a, names);
                replaceBands(h, e.id(), a);
                updated++;
              }
              case StoreDecision.Withdraw w -> {
                withdraw(h, e.id());
                withdrawn++;
              }
              case StoreDecision.Ignore ignore -> unchanged++;
            }
          }
          insert(h, sourceId, inserts, names);
          return new Counts(inserts.size(), updated, withdrawn, unchanged);
        });
  }

  /** The stored articles of this source with these guids, by guid. */
  private static Map<String, Existing> find(Handle h, String sourceId, java.util.Collection<String> guids) {
    Map<String, Existing> found = new java.util.HashMap<>();
    List<String> all = new ArrayList<>(guids);
    for (int from = 0; from < all.size(); from += 500) {
      h.createQuery(
              "SELECT id, source_guid, content_hash, version, updated_at, status FROM articles"
                  + " WHERE source_id = :source AND source_guid IN (<guids>)")
          .bind("source", sourceId)
          .bindList("guids", all.subList(from, Math.min(all.size(), from + 500)))
          .map(
              (rs, ctx) -> {
                long v = rs.getLong("version");
                Long version = rs.wasNull() ? null : v;
                return Map.entry(
                    rs.getString("source_guid"),
                    new Existing(
                        rs.getString("id"),
                        rs.getString("content_hash"),
                        version,
                        Instant.ofEpochMilli(rs.getLong("updated_at")),
                        ArticleStatus.fromDb(rs.getString("status"))));
              })
          .forEach(e -> found.put(e.getKey(), e.getValue()));
    }
    return found;
  }

  /** New articles, in batched statements; each joins the story of a near-duplicate if any. */
  private static void insert(Handle h, String sourceId, List<NewArticle> inserts, NameIds names) {
    if (inserts.isEmpty()) {
      return;
    }
    boolean othersNearby = otherPartnersNearby(h, sourceId, inserts);
    List<NewArticle> ready = new ArrayList<>(inserts.size());
    List<String> joined = new ArrayList<>();
    for (NewArticle a : inserts) {
      String story = othersNearby ? sameStory(h, a) : null;
      ready.add(story == null ? a : a.withStory(story));
      if (story != null) {
        joined.add(story);
      }
    }
    List<ArticleDao.StoredArticle> stored = ArticleDao.insertAll(h, ready, names);
    try (JdbcBatch bands = bandsBatch(h)) {
      for (int i = 0; i < ready.size(); i++) {
        NewArticle a = ready.get(i);
        String story = a.provenance().storyId() == null ? stored.get(i).id() : a.provenance().storyId();
        addBands(bands, stored.get(i).id(), a, story);
      }
      bands.execute();
    }
    for (String story : joined) {
      // The other versions' pages gain an "Also from" link.
      recordStory(h, story);
    }
  }

  /**
   * Whether any other partner has articles within the story window of this batch: when none has
   * (a first import, a single partner), the per-article lookups are skipped.
   */
  private static boolean otherPartnersNearby(Handle h, String sourceId, List<NewArticle> batch) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (NewArticle a : batch) {
      min = Math.min(min, a.publishedAt().toEpochMilli());
      max = Math.max(max, a.publishedAt().toEpochMilli());
    }
    // "<> :source" as two ranges, so the (source_id, ...) index skips this partner's own
    // articles: counting with "<>" read the whole table for every batch of an import.
    return h.createQuery(
            """
            SELECT EXISTS (SELECT 1 FROM articles WHERE source_id < :source
                AND simhash IS NOT NULL AND published_at BETWEEN :from AND :to)
              OR EXISTS (SELECT 1 FROM articles WHERE source_id > :source
                AND simhash IS NOT NULL AND published_at BETWEEN :from AND :to)
            """)
        .bind("source", sourceId)
        .bind("from", min - STORY_WINDOW.toMillis())
        .bind("to", max + STORY_WINDOW.toMillis())
        .mapTo(Boolean.class)
        .one();
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

  private static JdbcBatch bandsBatch(Handle h) {
    return JdbcBatch.prepare(
        h,
        "INSERT INTO simhash_bands (band, published_at, article_id, source_id, simhash, story_id)"
            + " VALUES (?, ?, ?, ?, ?, ?)");
  }

  private static void addBands(JdbcBatch batch, String articleId, NewArticle a, String storyId) {
    long simhash = a.provenance().simhash();
    if (simhash == 0L || a.sourceId() == null) {
      return;
    }
    for (long band : SimHash.bands(simhash)) {
      batch
          .add(band)
          .add(a.publishedAt().toEpochMilli())
          .add(articleId)
          .add(a.sourceId())
          .add(simhash)
          .add(storyId)
          .row();
    }
  }

  private static void replaceBands(Handle h, String articleId, NewArticle a) {
    String story =
        h.createQuery("SELECT coalesce(story_id, id) FROM articles WHERE id = :id")
            .bind("id", articleId)
            .mapTo(String.class)
            .one();
    h.createUpdate("DELETE FROM simhash_bands WHERE article_id = :id").bind("id", articleId).execute();
    try (JdbcBatch bands = bandsBatch(h)) {
      addBands(bands, articleId, a, story);
      bands.execute();
    }
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
