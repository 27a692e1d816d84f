package pressroom.changes;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change log that keeps every node's page cache true: writers append a row in their own
 * transaction; each node polls the log and drops what changed. Polling the database (rather than a
 * local callback) is what makes a change on one node visible on all of them.
 */
public final class ContentChanges implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ContentChanges.class);
  // Rows from concurrent transactions can commit out of sequence order, so look back a while.
  private static final Duration LOOK_BACK = Duration.ofSeconds(10);
  private static final long SEQ_WINDOW = 2_000;

  private final Jdbi jdbi;
  private final Consumer<java.util.Set<Change>> onChange;
  private final Map<Long, Long> seen = new HashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "content-changes");
            t.setDaemon(true);
            return t;
          });
  private long lastSeq;
  private long lastCleanup;
  private volatile boolean closed;

  public ContentChanges(Jdbi jdbi, Consumer<java.util.Set<Change>> onChange) {
    this.jdbi = jdbi;
    this.onChange = onChange;
  }

  /** Appends a change to an article's comments: only that article's pages are dropped. */
  public static void recordComments(Handle h, String articleId) {
    record(h, new Change.CommentsChanged(articleId));
  }

  /** Appends an article's change inside the caller's transaction. */
  public static void record(Handle h, String articleId) {
    record(h, new Change.ArticleChanged(articleId));
  }

  /**
   * Appends a change inside the caller's transaction. Once it commits, this node drops what it
   * touches at once (see {@link OnCommit}), so whoever made the change sees it on their next page.
   */
  public static void record(Handle h, Change change) {
    h.createUpdate("INSERT INTO content_changes (article_id, changed_at) VALUES (:id, :now)")
        .bind("id", change.stored())
        .bind("now", System.currentTimeMillis())
        .execute();
    OnCommit local = h.getConfig(OnCommit.class);
    if (h.isInTransaction()) {
      h.afterCommit(() -> local.committed(change));
    } else {
      local.committed(change);
    }
  }

  /**
   * What this node does when its own transaction commits a change, before the request that made it
   * answers: drop its cached pages (read-your-writes for the writer, whose next page would
   * otherwise come from the cache until the next poll). Every node, this one included, still
   * applies the logged change when it polls. Kept in the Jdbi's configuration, so each application
   * in a JVM has its own.
   */
  public static final class OnCommit implements org.jdbi.v3.core.config.JdbiConfig<OnCommit> {
    // Shared by every copy Jdbi makes for its handles, so it may be set after they are made.
    private final java.util.concurrent.atomic.AtomicReference<Consumer<Change>> listener;

    public OnCommit() {
      this(new java.util.concurrent.atomic.AtomicReference<>(c -> {}));
    }

    private OnCommit(java.util.concurrent.atomic.AtomicReference<Consumer<Change>> listener) {
      this.listener = listener;
    }

    public void listen(Consumer<Change> onCommit) {
      listener.set(onCommit);
    }

    void committed(Change change) {
      try {
        listener.get().accept(change);
      } catch (RuntimeException e) {
        // The write is committed: its answer must say so. The poll drops the pages anyway.
        org.slf4j.LoggerFactory.getLogger(ContentChanges.class)
            .warn("Dropping cached pages at commit failed: {}", e.toString());
      }
    }

    @Override
    public OnCommit createCopy() {
      return new OnCommit(listener);
    }
  }

  /**
   * Appends one change per article, in one batched statement (on PostgreSQL one COPY: its
   * notification trigger then runs once, not once per row as for a batch of INSERTs).
   */
  public static void recordAll(Handle h, java.util.Collection<String> articleIds) {
    try (pressroom.db.BulkInsert batch =
        pressroom.db.BulkInsert.into(h, "content_changes", "article_id, changed_at")) {
      long now = System.currentTimeMillis();
      for (String id : articleIds) {
        batch.add(id).add(now).row();
      }
      batch.execute();
    }
  }

  /** Records a change that concerns every page (section names, sources). */
  public static void recordEverything(Jdbi jdbi) {
    jdbi.useHandle(h -> record(h, new Change.Everything()));
  }

  public void start(Duration interval) {
    lastSeq = new History(jdbi).newestSeq();
    timer.scheduleWithFixedDelay(
        this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * On PostgreSQL: reads the log as soon as any node commits a change (a trigger sends {@code
   * NOTIFY pressroom_changes}), instead of at the next poll. One connection of {@code source} is
   * kept for listening; when it breaks, the poll carries on alone until it is back.
   */
  public void listen(javax.sql.DataSource source) {
    Thread.ofPlatform()
        .daemon()
        .name("content-changes-listen")
        .start(
            () -> {
              while (!closed) {
                try (java.sql.Connection c = source.getConnection()) {
                  c.setAutoCommit(true);
                  try (java.sql.Statement s = c.createStatement()) {
                    s.execute("LISTEN pressroom_changes");
                  }
                  org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                  while (!closed) {
                    org.postgresql.PGNotification[] notices = pg.getNotifications(1000);
                    if (notices != null && notices.length > 0 && !closed) {
                      timer.execute(this::pollSafely);
                    }
                  }
                } catch (java.sql.SQLException
                    | java.util.concurrent.RejectedExecutionException e) {
                  if (!closed) {
                    log.warn("Not listening for changes (polling still): {}", e.toString());
                    try {
                      Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                      return;
                    }
                  }
                }
              }
            });
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      log.warn("Could not read the content change log: {}", e.toString());
    }
  }

  /** Reads the log now and applies what is new (the timer does this every interval). */
  public synchronized void poll() {
    long now = System.currentTimeMillis();
    List<Map<String, Object>> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT seq, article_id FROM content_changes"
                            + " WHERE seq > :floor AND changed_at >= :since ORDER BY seq")
                    .bind("floor", lastSeq - SEQ_WINDOW)
                    .bind("since", now - LOOK_BACK.toMillis())
                    .mapToMap()
                    .list());
    java.util.Set<Change> changed = new java.util.LinkedHashSet<>();
    for (Map<String, Object> row : rows) {
      long seq = ((Number) row.get("seq")).longValue();
      if (seen.putIfAbsent(seq, now) == null) {
        changed.add(Change.of((String) row.get("article_id")));
        lastSeq = Math.max(lastSeq, seq);
      }
    }
    // Many changes to one article (a busy thread) drop its pages once per poll, and a poll's
    // changes go out together: a renamed section's 300,000 articles are one pass over the cache.
    if (!changed.isEmpty()) {
      onChange.accept(changed);
    }
    seen.values().removeIf(t -> t < now - 2 * LOOK_BACK.toMillis());
    if (now - lastCleanup > Duration.ofHours(1).toMillis()) {
      lastCleanup = now;
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM content_changes WHERE changed_at < :old")
                  .bind("old", now - Duration.ofDays(1).toMillis())
                  .execute());
    }
  }

  /** One row of the log, at its place in it. */
  public record Logged(long seq, Change change) {}

  /**
   * The log as stored, for a reader that keeps its own place in it (the search index stores the seq
   * it has applied and catches up from there on a restart). Every query reads the seq index, never
   * the whole table. Needs no follower, so a follower's listener can depend on it.
   */
  public static final class History {
    private final Jdbi jdbi;

    public History(Jdbi jdbi) {
      this.jdbi = jdbi;
    }

    /** The highest seq in the log; 0 when it is empty. */
    public long newestSeq() {
      return jdbi.withHandle(
          h ->
              h.createQuery("SELECT coalesce(max(seq), 0) FROM content_changes")
                  .mapTo(Long.class)
                  .one());
    }

    /**
     * The lowest seq still in the log (older rows are deleted after a day); none when it is empty.
     */
    public OptionalLong oldestSeq() {
      Long seq =
          jdbi.withHandle(
              h -> h.createQuery("SELECT min(seq) FROM content_changes").mapTo(Long.class).one());
      return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    /** Up to {@code limit} rows after {@code seq}, in seq order. */
    public List<Logged> after(long seq, int limit) {
      return jdbi.withHandle(
          h ->
              h.createQuery(
                      "SELECT seq, article_id FROM content_changes WHERE seq > :seq ORDER BY seq LIMIT :limit")
                  .bind("seq", seq)
                  .bind("limit", limit)
                  .map(
                      (rs, ctx) ->
                          new Logged(rs.getLong("seq"), Change.of(rs.getString("article_id"))))
                  .list());
    }
  }

  @Override
  public void close() {
    closed = true;
    // Let a poll in progress finish: interrupting it mid-write would hurt the search index.
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
