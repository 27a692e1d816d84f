package pressroom.search;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.articles.Article;
import pressroom.articles.ArticleCountEstimate;
import pressroom.articles.ArticleReads;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;

/**
 * Keeps this node's index in step with the database, never holding up the start: builds an empty
 * index and rebuilds a stale one in the background while searches go on ({@link IndexRebuild}),
 * catches up on a restart from the change log (how far it got is kept in each commit, {@link
 * AppliedCheckpoints}), and follows the log while running.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  private static final int CATCH_UP_BATCH = 1000;
  // Articles read in one query (and bound as one IN list) when changes are applied.
  private static final int READ_BATCH = 500;
  private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(10);

  private final ArticleIndex index;
  private final ArticleReads articles;
  private final ContentChanges.History changeLog;
  // The plan at start and the notes of the log's end are taken at its time; "published" is too.
  private final InstantSource clock;
  private final IndexProgress progress = new IndexProgress();
  private final GenerationSwitch generations = new GenerationSwitch();
  private final AppliedCheckpoints checkpoints = new AppliedCheckpoints();
  private final IndexRebuild rebuild;

  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicBoolean rebuildQueued = new AtomicBoolean();
  // Builds, catch-ups and checkpoints one at a time, whichever thread asks (`pressroom reindex`).
  private final ReentrantLock work = new ReentrantLock();
  private volatile boolean closing;
  private final AtomicInteger rebuilds = new AtomicInteger();

  private final ScheduledExecutorService rebuilder = daemon("search-rebuild");
  private final ScheduledExecutorService refresher = daemon("search-refresh");

  public Indexer(
      ArticleIndex index,
      ArticleReads articles,
      ContentChanges.History changeLog,
      ArticleCountEstimate articleCount,
      InstantSource clock) {
    this.index = index;
    this.articles = articles;
    this.changeLog = changeLog;
    this.clock = clock;
    this.rebuild =
        new IndexRebuild(
            index,
            articles,
            changeLog,
            articleCount,
            progress,
            generations,
            clock,
            () -> closing,
            this::reindex);
    refresher.scheduleWithFixedDelay(this::refreshIfDirty, 200, 200, TimeUnit.MILLISECONDS);
  }

  private static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  public IndexStatus status() {
    return progress.status();
  }

  /**
   * Decides from the index's commit and the log's oldest seq (no scan of the articles) and leaves
   * the work to the background, so the site serves at once.
   */
  public void start() {
    // Opening the index is itself work (a few hundred milliseconds of a start), so it happens on
    // the rebuilder's thread too; a search meanwhile opens it on its own.
    progress.state(IndexStatus.State.CATCHING_UP);
    rebuilder.execute(this::planStart);
    long every = CHECKPOINT_EVERY.toMillis();
    rebuilder.scheduleWithFixedDelay(this::checkpointSafely, every, every, TimeUnit.MILLISECONDS);
  }

  private void planStart() {
    StartPlan plan;
    try {
      plan = StartPlan.of(index.size(), index.applied(), changeLog.oldestSeq(), clock.millis());
    } catch (RuntimeException e) {
      progress.state(IndexStatus.State.READY);
      log.error("Search index could not be opened; searches fail until it can", e);
      return;
    }
    switch (plan) {
      case StartPlan.Build b -> {
        log.info("Search index is empty: building it in the background");
        rebuildLater();
      }
      case StartPlan.Rebuild r -> {
        log.info(
            "Search index rebuilds in the background ({}); searches use the previous index meanwhile",
            r.why());
        rebuildLater();
      }
      case StartPlan.CatchUp c -> {
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
  public void changed(Change change) {
    changed(List.of(change));
  }

  /** A poll's changes at once: the articles among them are indexed in batches. */
  public void changed(Collection<Change> changes) {
    // Comments and page furniture do not change what is searched.
    if (changes.stream().anyMatch(c -> c instanceof Change.Everything)) {
      rebuildLater();
      return;
    }
    List<String> articleIds =
        changes.stream()
            .filter(c -> c instanceof Change.ArticleChanged)
            .map(c -> ((Change.ArticleChanged) c).articleId())
            .toList();
    if (!articleIds.isEmpty()) {
      generations.apply(articleIds, () -> reindex(articleIds));
    }
  }

  /**
   * Puts the articles as published now, and removes those that are not; read a few hundred at a
   * time (a catch-up applies thousands of changes).
   */
  private void reindex(Collection<String> articleIds) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(articleIds));
    Instant now = clock.instant();
    for (int from = 0; from < ids.size(); from += READ_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + READ_BATCH));
      Set<String> gone = new HashSet<>(batch);
      for (Article a : articles.publishedAmong(batch, now)) {
        index.put(a);
        gone.remove(a.id());
      }
      gone.forEach(index::remove);
    }
    dirty.set(true);
  }

  /**
   * Applies the log's rows after {@code seq}: the changes made while this node was down. The
   * follower delivers those made from its start on; one applied twice does no harm.
   */
  void catchUp(long seq) {
    work.lock();
    try {
      progress.state(IndexStatus.State.CATCHING_UP);
      long started = System.nanoTime();
      ArticleIndex.Applied before =
          new ArticleIndex.Applied(Math.max(seq, changeLog.newestSeq()), clock.millis());
      long after = seq;
      int rows = 0;
      while (true) {
        List<ContentChanges.Logged> batch = changeLog.after(after, CATCH_UP_BATCH);
        Set<Change> ids = new LinkedHashSet<>();
        batch.forEach(r -> ids.add(r.change()));
        if (ids.contains(new Change.Everything())) {
          log.info("Search index: the change log asks for a rebuild");
          rebuildLater(); // its end is recorded by the rebuild, not here
          return;
        }
        changed(ids);
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
      checkpoints.caughtUp(before);
      log.info(
          "Search index caught up: {} changes after seq {} in {} ms",
          rows,
          seq,
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      progress.state(IndexStatus.State.READY);
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
              rebuild(progressLines());
            } catch (java.util.concurrent.CancellationException e) {
              log.info("Search index build stopped: {}", e.getMessage());
            } catch (RuntimeException e) {
              log.error("Search index rebuild failed; searches use the previous index", e);
            }
          });
    }
  }

  /**
   * A line in the log every ten seconds while a background build runs, so that whoever starts a new
   * node on a large archive sees how far it has got and how long the rest will take.
   */
  private IntConsumer progressLines() {
    long started = System.nanoTime();
    long[] last = {started};
    return n -> {
      long now = System.nanoTime();
      if (now - last[0] < 10_000_000_000L) {
        return;
      }
      last[0] = now;
      IndexStatus s = progress.status();
      double perSecond = n / ((now - started) / 1e9);
      long total = Math.max(s.expected(), n);
      log.info(
          "Search index: {} of about {} articles ({}%), {} a second, about {} s to go",
          String.format("%,d", n),
          String.format("%,d", total),
          total == 0 ? 100 : n * 100 / total,
          String.format("%,.0f", perSecond),
          perSecond <= 0 ? "?" : String.format("%,.0f", (total - n) / perSecond));
    };
  }

  /**
   * Builds the index from the database (first start, a new node, `pressroom reindex`) while
   * searches keep using the old documents; reports progress as articles done. Returns the count.
   */
  public int rebuild(IntConsumer done) {
    work.lock();
    try {
      long started = System.nanoTime();
      rebuilds.incrementAndGet();
      checkpoints.behind();
      IndexRebuild.Done d = rebuild.run(done);
      checkpoints.caughtUp(d.before());
      log.info(
          "Search index built: {} articles in {} ms",
          d.articles(),
          (System.nanoTime() - started) / 1_000_000);
      return d.articles();
    } finally {
      progress.state(IndexStatus.State.READY);
      work.unlock();
    }
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
      if (!checkpoints.caughtUp() || rebuildQueued.get()) {
        return;
      }
      checkpoints
          .due(changeLog.newestSeq(), index.applied(), clock.millis())
          .ifPresent(
              settled -> {
                index.markApplied(settled);
                index.refresh();
              });
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

  /**
   * Tests: how old a note of the log's end must be before it is stored (30 s; zero stores it at
   * once).
   */
  void settleAfter(Duration settle) {
    checkpoints.settleAfter(settle);
  }

  /**
   * Tests: called after each batch of a build with the articles done, on the building thread (a
   * test holds it there).
   */
  void afterBatch(IntConsumer hook) {
    rebuild.afterBatch(hook);
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
