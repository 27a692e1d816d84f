package pressroom.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.articles.Article;
import pressroom.articles.ArticleReads;
import pressroom.changes.ContentChanges;

/**
 * Keeps this node's index in step with the database, never holding up the start: builds an empty
 * index and rebuilds a stale one in the background while searches go on, catches up on a restart
 * from the change log (how far it got is kept in each commit), and follows the log while running.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  private static final int REBUILD_BATCH = 1000;
  private static final int CATCH_UP_BATCH = 1000;
  // ContentChanges deletes rows after a day; an hour less leaves room for clocks and slow commits.
  static final Duration LOG_KEPT = Duration.ofHours(23);
  // A row can commit after a higher seq was read (concurrent transactions on PostgreSQL); the
  // follower still delivers it within its 10 s look-back, so a seq read this long ago is applied.
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(10);
  // More rows than one import batch writes to the log in a transaction (5,000).
  private static final long UNSETTLED_MARGIN = 10_000;
  // An idle log still moves the stored time on, so a quiet site's restart can catch up.
  private static final Duration RESTAMP_EVERY = Duration.ofHours(1);
  // A build shows its progress to searches this often (reopened, not committed).
  private static final long SHOW_EVERY_MILLIS = 1000;

  private final ArticleIndex index;
  private final ArticleReads dao;
  private final ChangeLog changeLog;

  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicBoolean rebuildQueued = new AtomicBoolean();
  private volatile Set<String> changedDuringRebuild;
  private final ReentrantReadWriteLock generationSwitch = new ReentrantReadWriteLock();
  // Builds, catch-ups and checkpoints one at a time, whichever thread asks (`pressroom reindex`).
  private final ReentrantLock work = new ReentrantLock();
  // Samples of the log's end (seq, time read); the newest one older than the settle time is stored.
  private final Deque<ArticleIndex.Applied> samples = new ArrayDeque<>();
  // False until a build or catch-up has finished: only then does the index hold the log so far.
  private volatile boolean caughtUp;
  private volatile boolean closing;

  private volatile State state = State.READY;
  private final AtomicLong indexed = new AtomicLong();
  private volatile long expected;
  private final AtomicInteger rebuilds = new AtomicInteger();

  // Changed by tests only, before start.
  private volatile Clock clock = Clock.systemUTC();
  private volatile Duration settle = SETTLE;
  private volatile IntConsumer afterBatch = n -> {};

  private final ScheduledExecutorService rebuilder =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "search-rebuild");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "search-refresh");
            t.setDaemon(true);
            return t;
          });

  public Indexer(ArticleIndex index, ArticleReads dao, pressroom.db.Database database) {
    this.index = index;
    this.dao = dao;
    this.changeLog = new ChangeLog(database.jdbi(), database.dialect());
    refresher.scheduleWithFixedDelay(this::refreshIfDirty, 200, 200, TimeUnit.MILLISECONDS);
  }

  /** What the index is doing. */
  public enum State {
    /** Complete and following the change log. */
    READY,
    /** Being built from empty: searches find only what is indexed so far. */
    BUILDING,
    /** Being read again from the database: searches use the previous documents meanwhile. */
    REBUILDING,
    /** Applying the changes made while this node was down (a restart): seconds. */
    CATCHING_UP;

    /** As the API spells it. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * The index's state, with {@code indexed} articles so far of about {@code expected} (0: unknown)
   * while building.
   */
  public record Status(State state, long indexed, long expected) {
    /** Searches may miss articles or show old text: readers are told so. */
    public boolean incomplete() {
      return state == State.BUILDING || state == State.REBUILDING;
    }
  }

  public Status status() {
    State s = state;
    return s == State.BUILDING || s == State.REBUILDING
        ? new Status(s, indexed.get(), expected)
        : new Status(s, 0, 0);
  }

  /** What a start does with the index it finds. */
  sealed interface Plan {
    /** Empty (new, or written by another version): read every article, in the background. */
    record Build() implements Plan {}

    /**
     * The log does not reach back far enough: read every article again, searching the old documents
     * meanwhile.
     */
    record Rebuild(String why) implements Plan {}

    /** Apply the log's rows after {@code seq}. */
    record CatchUp(long seq) implements Plan {}
  }

  /**
   * The plan for an index of {@code documents} that has applied the log up to {@code applied}, when
   * the log's oldest row is {@code oldestInLog} and the time is {@code now} (epoch ms).
   */
  static Plan plan(
      int documents, Optional<ArticleIndex.Applied> applied, OptionalLong oldestInLog, long now) {
    if (documents == 0) {
      return new Plan.Build();
    }
    if (applied.isEmpty()) {
      return new Plan.Rebuild("the index does not say how far into the change log it is");
    }
    ArticleIndex.Applied a = applied.get();
    // Every row after the seq is still there: the oldest left is at most the next one, or rows
    // written since that seq are too young to have been deleted.
    boolean logHoldsTheRest = oldestInLog.isPresent() && oldestInLog.getAsLong() <= a.seq() + 1;
    boolean noneDeletedYet = now - a.at() < LOG_KEPT.toMillis();
    return logHoldsTheRest || noneDeletedYet
        ? new Plan.CatchUp(a.seq())
        : new Plan.Rebuild(
            "the change log no longer reaches back to seq "
                + a.seq()
                + " ("
                + Instant.ofEpochMilli(a.at())
                + ")");
  }

  /**
   * Decides from the index's commit and the log's oldest seq (no scan of the articles) and leaves
   * the work to the background, so the site serves at once.
   */
  public void start() {
    // Opening the index is itself work (a few hundred milliseconds of a start), so it happens on
    // the rebuilder's thread too; a search meanwhile opens it on its own.
    state = State.CATCHING_UP;
    rebuilder.execute(this::planStart);
    long every = CHECKPOINT_EVERY.toMillis();
    rebuilder.scheduleWithFixedDelay(this::checkpointSafely, every, every, TimeUnit.MILLISECONDS);
  }

  private void planStart() {
    Plan plan;
    try {
      plan = plan(index.size(), index.applied(), changeLog.oldest(), clock.millis());
    } catch (RuntimeException e) {
      state = State.READY;
      log.error("Search index could not be opened; searches fail until it can", e);
      return;
    }
    switch (plan) {
      case Plan.Build b -> {
        log.info("Search index is empty: building it in the background");
        rebuildLater();
      }
      case Plan.Rebuild r -> {
        log.info(
            "Search index rebuilds in the background ({}); searches use the previous index meanwhile",
            r.why());
        rebuildLater();
      }
      case Plan.CatchUp c -> {
        try {
          catchUp(c.seq());
        } catch (RuntimeException e) {
          log.error("Search index catch-up failed; rebuilding instead", e);
          rebuildLater();
        }
      }
    }
  }

  /** From the change log: the article is indexed again, or removed when no longer published. */
  public void changed(String articleId) {
    if (articleId.startsWith(ContentChanges.PAGE_ONLY)) {
      return; // comments and page furniture do not change what is searched
    }
    if (ContentChanges.EVERYTHING.equals(articleId)) {
      rebuildLater();
      return;
    }
    generationSwitch.readLock().lock();
    try {
      Set<String> during = changedDuringRebuild;
      if (during != null) {
        during.add(articleId);
      }
      reindexOne(articleId);
    } finally {
      generationSwitch.readLock().unlock();
    }
  }

  private void reindexOne(String articleId) {
    dao.findPublishedById(articleId, Instant.now())
        .ifPresentOrElse(index::put, () -> index.remove(articleId));
    dirty.set(true);
  }

  /**
   * Applies the log's rows after {@code seq}: the changes made while this node was down. The
   * follower delivers those made from its start on; one applied twice does no harm.
   */
  void catchUp(long seq) {
    work.lock();
    try {
      state = State.CATCHING_UP;
      long started = System.nanoTime();
      ArticleIndex.Applied before =
          new ArticleIndex.Applied(Math.max(seq, changeLog.newest()), clock.millis());
      long after = seq;
      int rows = 0;
      while (true) {
        List<ChangeLog.Row> batch = changeLog.after(after, CATCH_UP_BATCH);
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(r -> ids.add(r.articleId()));
        if (ids.contains(ContentChanges.EVERYTHING)) {
          log.info("Search index: the change log asks for a rebuild");
          rebuildLater(); // its end is recorded by the rebuild, not here
          return;
        }
        ids.forEach(this::changed);
        rows += batch.size();
        if (closing) {
          return; // the index keeps its stored seq: the next start catches up from there
        }
        if (batch.size() < CATCH_UP_BATCH) {
          break;
        }
        after = batch.getLast().seq();
      }
      index.refresh();
      caughtUp(before);
      log.info(
          "Search index caught up: {} changes after seq {} in {} ms",
          rows,
          seq,
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      state = State.READY;
      work.unlock();
    }
  }

  /**
   * Rebuilds in the background (the change-log follower must not wait for it); requests that arrive
   * while one is waiting to start are served by that one.
   */
  public void rebuildLater() {
    if (rebuildQueued.compareAndSet(false, true)) {
      rebuilder.execute(
          () -> {
            rebuildQueued.set(false);
            try {
              rebuild(n -> {});
            } catch (java.util.concurrent.CancellationException e) {
              log.info("Search index build stopped: {}", e.getMessage());
            } catch (RuntimeException e) {
              log.error("Search index rebuild failed; searches use the previous index", e);
            }
          });
    }
  }

  /**
   * Builds the index from the database (first start, a new node, `pressroom reindex`) while
   * searches keep using the old documents; reports progress as articles done. Returns the count.
   */
  public int rebuild(IntConsumer progress) {
    work.lock();
    try {
      return rebuildHeld(progress);
    } finally {
      state = State.READY;
      work.unlock();
    }
  }

  private int rebuildHeld(IntConsumer progress) {
    long started = System.nanoTime();
    rebuilds.incrementAndGet();
    caughtUp = false; // a failed rebuild leaves the index behind the log it would otherwise claim
    int previous = index.size();
    expected = previous > 0 ? previous : changeLog.articlesEstimate();
    indexed.set(0);
    state = previous > 0 ? State.REBUILDING : State.BUILDING;
    // Read before the first article: changes from here on are applied again by the follower.
    ArticleIndex.Applied before = new ArticleIndex.Applied(changeLog.newest(), clock.millis());
    long generation;
    // No single change may straddle the switch: it would write the old generation after the
    // rebuild wrote the new one, and the end of the rebuild would drop the article.
    generationSwitch.writeLock().lock();
    try {
      changedDuringRebuild = ConcurrentHashMap.newKeySet();
      generation = index.newGeneration();
    } finally {
      generationSwitch.writeLock().unlock();
    }
    int n = 0;
    Instant now = Instant.now();
    String after = null;
    long shown = System.currentTimeMillis();
    try {
      while (true) {
        List<Article> batch = dao.publishedAfter(after, REBUILD_BATCH, now);
        for (Article a : batch) {
          index.put(a);
        }
        n += batch.size();
        indexed.set(n);
        if (System.currentTimeMillis() - shown >= SHOW_EVERY_MILLIS) {
          index.reopen();
          shown = System.currentTimeMillis();
        }
        progress.accept(n);
        afterBatch.accept(n);
        if (closing) {
          // Left half done: the next start finds no newer seq in the index and builds again.
          throw new java.util.concurrent.CancellationException("the site is stopping");
        }
        if (batch.size() < REBUILD_BATCH) {
          break;
        }
        after = batch.getLast().id();
      }
    } catch (RuntimeException e) {
      changedDuringRebuild = null;
      throw e;
    }
    index.dropOtherGenerations(generation);
    // An article changed while its batch was being read may have been put back as it was.
    Set<String> during = changedDuringRebuild;
    changedDuringRebuild = null;
    during.forEach(this::reindexOne);
    index.refresh();
    caughtUp(before);
    log.info(
        "Search index built: {} articles in {} ms", n, (System.nanoTime() - started) / 1_000_000);
    return n;
  }

  /** The index now holds the log up to {@code before}: stored once that has settled. */
  private void caughtUp(ArticleIndex.Applied before) {
    synchronized (samples) {
      samples.clear();
      samples.add(before);
    }
    caughtUp = true;
  }

  private void checkpointSafely() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      log.warn("Could not record how far the search index is: {}", e.toString());
    }
  }

  /**
   * Notes the log's end and stores in the index the newest note old enough to be applied; not while
   * a build or catch-up runs or waits (the index does not hold the log yet).
   */
  void checkpoint() {
    if (!work.tryLock()) {
      return; // a build or catch-up: it records its own start when done
    }
    try {
      if (!caughtUp || rebuildQueued.get()) {
        return;
      }
      long now = clock.millis();
      Optional<ArticleIndex.Applied> stored = index.applied();
      long seq = Math.max(changeLog.newest(), stored.map(ArticleIndex.Applied::seq).orElse(0L));
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
          settled =
              new ArticleIndex.Applied(Math.max(0, first.seq() - UNSETTLED_MARGIN), first.at());
        }
      }
      if (settled != null
          && (stored.isEmpty()
              || settled.seq() > stored.get().seq()
              || settled.at() - stored.get().at() >= RESTAMP_EVERY.toMillis())) {
        index.markApplied(settled);
        index.refresh();
      }
    } finally {
      work.unlock();
    }
  }

  private void refreshIfDirty() {
    if (dirty.getAndSet(false)) {
      try {
        index.refresh();
      } catch (RuntimeException e) {
        log.warn("Search index refresh failed: {}", e.toString());
      }
    }
  }

  /** Full rebuilds since this node started (tests tell a catch-up from a rebuild by it). */
  int rebuilds() {
    return rebuilds.get();
  }

  /** Tests: the time the plan and the log's notes are taken at. */
  void clock(Clock clock) {
    this.clock = clock;
  }

  /**
   * Tests: how old a note of the log's end must be before it is stored (30 s; zero stores it at
   * once).
   */
  void settleAfter(Duration settle) {
    this.settle = settle;
  }

  /**
   * Tests: called after each batch of a build with the articles done, on the building thread (a
   * test holds it there).
   */
  void afterBatch(IntConsumer hook) {
    this.afterBatch = hook;
  }

  @Override
  public void close() {
    // No interrupt: an interrupted Lucene write closes the index for good. A build stops after
    // its batch.
    closing = true;
    rebuilder.shutdown();
    refresher.shutdown();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
      rebuilder.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    refreshIfDirty();
    checkpointSafely(); // the follower has stopped: a restart catches up from here
  }
}
