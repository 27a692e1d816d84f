package pressroom.ingest.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Handle;
import pressroom.articles.NewArticle;
import pressroom.ingest.mapping.SimHash;

/**
 * Finds, for each new article of a batch, the story of the nearest near-duplicate another partner
 * published within the story window. Other partners' fingerprints in the batch's time span are read
 * once, in published order, through a covering index on articles (published_at, source_id, simhash,
 * story_id), and compared in memory: a popcount per pair is cheaper than keeping seven band rows
 * and their index entries per article, which was more than half of an import's writes.
 */
final class SameStories {
  /** How far apart two partners' versions of one story may be published. */
  static final Duration WINDOW = Duration.ofDays(3);

  private SameStories() {}

  /** Fingerprints of other partners' articles, ordered by publication time. */
  record Fingerprints(long[] publishedAt, long[] simhash, String[] storyId) {
    /** The story of the nearest fingerprint within the distance and the window, or null. */
    String nearest(long fingerprint, long published) {
      if (fingerprint == 0L) {
        return null;
      }
      long window = WINDOW.toMillis();
      int i = lowerBound(publishedAt, published - window);
      String best = null;
      int bestDistance = SimHash.SAME_STORY_DISTANCE + 1;
      for (; i < publishedAt.length && publishedAt[i] <= published + window; i++) {
        int d = SimHash.distance(simhash[i], fingerprint);
        if (d < bestDistance) { // ties go to the earliest published
          bestDistance = d;
          best = storyId[i];
        }
      }
      return best;
    }

    private static int lowerBound(long[] sorted, long key) {
      int i = Arrays.binarySearch(sorted, key);
      if (i < 0) {
        return -i - 1;
      }
      while (i > 0 && sorted[i - 1] == key) {
        i--;
      }
      return i;
    }
  }

  /**
   * The story each article joins (null: a story of its own), in the batch's order. Articles close
   * in time share one read: the batch's windows are merged into runs, one query each.
   */
  static List<String> find(Handle h, String sourceId, List<NewArticle> batch) {
    String[] stories = new String[batch.size()];
    Integer[] order = new Integer[batch.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> batch.get(i).publishedAt()));
    long window = WINDOW.toMillis();
    for (int start = 0; start < order.length; ) {
      long from = batch.get(order[start]).publishedAt().toEpochMilli() - window;
      int end = start + 1;
      while (end < order.length
          && batch.get(order[end]).publishedAt().toEpochMilli() - window
              <= batch.get(order[end - 1]).publishedAt().toEpochMilli() + window) {
        end++;
      }
      long to = batch.get(order[end - 1]).publishedAt().toEpochMilli() + window;
      Fingerprints others = read(h, sourceId, from, to);
      if (others.publishedAt().length > 0) {
        for (int k = start; k < end; k++) {
          NewArticle a = batch.get(order[k]);
          stories[order[k]] =
              others.nearest(a.provenance().simhash(), a.publishedAt().toEpochMilli());
        }
      }
      start = end;
    }
    return Arrays.asList(stories);
  }

  private record Row(long publishedAt, long simhash, String storyId) {}

  private static Fingerprints read(Handle h, String sourceId, long from, long to) {
    // The conditions repeat the index's own (simhash IS NOT NULL AND simhash <> 0), so that both
    // databases know the partial index covers the query.
    List<Row> rows =
        h.createQuery(
                """
                SELECT published_at, simhash, story_id FROM articles
                WHERE published_at BETWEEN :from AND :to AND simhash IS NOT NULL AND simhash <> 0
                  AND source_id <> :source
                ORDER BY published_at
                """)
            .bind("from", from)
            .bind("to", to)
            .bind("source", sourceId)
            .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3)))
            .list();
    long[] publishedAt = new long[rows.size()];
    long[] simhash = new long[rows.size()];
    String[] storyId = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      publishedAt[i] = rows.get(i).publishedAt();
      simhash[i] = rows.get(i).simhash();
      storyId[i] = rows.get(i).storyId();
    }
    return new Fingerprints(publishedAt, simhash, storyId);
  }
}
