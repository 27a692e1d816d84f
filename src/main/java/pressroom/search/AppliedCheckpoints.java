package pressroom.search;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How far into the change log the index may claim to be. The log's end is noted now and then; a
 * note is stored in the index only once it has settled, since a row can commit after a higher seq
 * was read (concurrent transactions on PostgreSQL) and the follower still delivers it within its 10
 * s look-back.
 */
final class AppliedCheckpoints {
  private static final Duration SETTLE = Duration.ofSeconds(30);
  // More rows than one import batch writes to the log in a transaction (5,000).
  private static final long UNSETTLED_MARGIN = 10_000;
  // An idle log still moves the stored time on, so a quiet site's restart can catch up.
  private static final Duration RESTAMP_EVERY = Duration.ofHours(1);

  // Samples of the log's end (seq, time read); the newest one older than the settle time is stored.
  private final Deque<ArticleIndex.Applied> samples = new ArrayDeque<>();
  // False until a build or catch-up has finished: only then does the index hold the log so far.
  private volatile boolean caughtUp;
  private volatile Duration settle = SETTLE;

  /** The index holds the log up to {@code before}: stored once that has settled. */
  void caughtUp(ArticleIndex.Applied before) {
    synchronized (samples) {
      samples.clear();
      samples.add(before);
    }
    caughtUp = true;
  }

  /** A rebuild starts: a failed one leaves the index behind the log it would otherwise claim. */
  void behind() {
    caughtUp = false;
  }

  boolean caughtUp() {
    return caughtUp;
  }

  /**
   * Notes the log's end {@code newest} read at {@code now} (epoch ms) and returns the note to store
   * in an index that has stored {@code stored}, if one is due.
   */
  Optional<ArticleIndex.Applied> due(long newest, Optional<ArticleIndex.Applied> stored, long now) {
    long seq = Math.max(newest, stored.map(ArticleIndex.Applied::seq).orElse(0L));
    ArticleIndex.Applied settled = null;
    synchronized (samples) {
      ArticleIndex.Applied first = samples.peekFirst();
      samples.add(new ArticleIndex.Applied(seq, now));
      while (!samples.isEmpty() && samples.peekFirst().at() <= now - settle.toMillis()) {
        settled = samples.pollFirst();
      }
      if (settled == null
          && first != null
          && Math.max(0, first.seq() - UNSETTLED_MARGIN)
              > stored.map(ArticleIndex.Applied::seq).orElse(-1L)) {
        // Nothing settled yet (a build that just ended, `pressroom reindex` about to exit): a
        // seq well below the build's start, so a restart catches up instead of building again;
        // rows that committed late within the margin are applied twice, which does no harm.
        settled = new ArticleIndex.Applied(Math.max(0, first.seq() - UNSETTLED_MARGIN), first.at());
      }
    }
    boolean due =
        settled != null
            && (stored.isEmpty()
                || settled.seq() > stored.get().seq()
                || settled.at() - stored.get().at() >= RESTAMP_EVERY.toMillis());
    return due ? Optional.of(settled) : Optional.empty();
  }

  /** Tests: how old a note must be before it is stored (30 s; zero stores it at once). */
  void settleAfter(Duration settle) {
    this.settle = settle;
  }
}
