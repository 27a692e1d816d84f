package pressroom.ingest.store;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import pressroom.articles.ArticleStatus;
import pressroom.articles.ArticleWrites;
import pressroom.articles.NameIds;
import pressroom.articles.NewArticle;
import pressroom.articles.StatusChanges;
import pressroom.ingest.mapping.Candidate;
import pressroom.ingest.store.StoreDecision.Existing;

/**
 * Stores mapped feed items: new ones are inserted (joining a story told by another partner when the
 * text is a near-duplicate), changed ones update the article and keep the old revision, killed ones
 * withdraw it. One transaction per batch: all of a feed, or none of it.
 */
public final class IngestStore {
  private final Jdbi jdbi;
  private final InstantSource clock;

  public IngestStore(Jdbi jdbi, InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** How a batch changed the site. */
  public record Counts(int inserted, int updated, int withdrawn, int unchanged) {
    public Counts plus(Counts o) {
      return new Counts(
          inserted + o.inserted,
          updated + o.updated,
          withdrawn + o.withdrawn,
          unchanged + o.unchanged);
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
    Instant now = clock.instant();
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
                  a = a.withUpdatedAt(now);
                }
                ArticleWrites.replaceContent(h, e.id(), a, names, now);
                updated++;
              }
              case StoreDecision.Withdraw w -> {
                StatusChanges.setStatus(
                    h, List.of(e.id()), ArticleStatus.WITHDRAWN, now.toEpochMilli());
                withdrawn++;
              }
              case StoreDecision.KilledWhileWithdrawn k -> {
                StatusChanges.forgetWithdrawalReason(h, e.id());
                unchanged++;
              }
              case StoreDecision.Ignore ignore -> unchanged++;
            }
          }
          insert(h, sourceId, inserts, names, now);
          return new Counts(inserts.size(), updated, withdrawn, unchanged);
        });
  }

  /** The stored articles of this source with these guids, by guid. */
  private static Map<String, Existing> find(
      Handle h, String sourceId, java.util.Collection<String> guids) {
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
  private static void insert(
      Handle h, String sourceId, List<NewArticle> inserts, NameIds names, Instant now) {
    if (inserts.isEmpty()) {
      return;
    }
    List<String> stories = SameStories.find(h, sourceId, inserts);
    List<NewArticle> ready = new ArrayList<>(inserts.size());
    for (int i = 0; i < inserts.size(); i++) {
      String story = stories.get(i);
      ready.add(story == null ? inserts.get(i) : inserts.get(i).withStory(story));
    }
    ArticleWrites.insertAll(h, ready, names, now);
  }
}
