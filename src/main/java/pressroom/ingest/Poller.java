package pressroom.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.SourceDao;

/**
 * Runs every source that is due, a few at a time; each is claimed first so no two nodes fetch it.
 */
public final class Poller {
  /** A claimed source is not offered to other nodes for this long, even if this node dies. */
  private static final Duration LEASE = Duration.ofMinutes(10);

  private static final int PARALLEL_FETCHES = 4;

  private final SourceDao sources;
  private final IngestJob job;
  private final InstantSource clock;

  /** One lock per source: on this node, one run of a source at a time. */
  private final java.util.concurrent.ConcurrentMap<String, ReentrantLock> runs =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param clock which sources are due, and how long a claim on one lasts
   */
  public Poller(SourceDao sources, IngestJob job, InstantSource clock) {
    this.sources = sources;
    this.job = job;
    this.clock = clock;
  }

  public List<IngestReport> runDue() {
    Instant now = clock.instant();
    Semaphore slots = new Semaphore(PARALLEL_FETCHES);
    List<Future<IngestReport>> running = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (FeedSource s : sources.due(now)) {
        if (!sources.claim(s.id(), now, now.plus(LEASE))) {
          continue;
        }
        running.add(
            pool.submit(
                () -> {
                  slots.acquire();
                  try {
                    ReentrantLock lock = running(s.id());
                    if (!lock.tryLock()) {
                      return IngestReport.alreadyRunning(
                          s); // "Fetch now" has it; that run records it
                    }
                    try {
                      return job.run(s);
                    } finally {
                      lock.unlock();
                    }
                  } finally {
                    slots.release();
                  }
                }));
      }
      List<IngestReport> reports = new ArrayList<>();
      for (Future<IngestReport> f : running) {
        reports.add(f.get());
      }
      return reports;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Runs one source now, due or not (the CLI's `ingest --source` and the staff page's button),
   * after a run of it this node already has going: two runs of one source at once would both store
   * the same new items, and one would fail.
   */
  public IngestReport runNow(FeedSource source) {
    ReentrantLock lock = running(source.id());
    lock.lock();
    try {
      return job.run(source);
    } finally {
      lock.unlock();
    }
  }

  private ReentrantLock running(String sourceId) {
    return runs.computeIfAbsent(sourceId, id -> new ReentrantLock());
  }
}
