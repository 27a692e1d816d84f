package pressroom.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import pressroom.ingest.formats.FeedException;
import pressroom.ingest.formats.FeedParser;
import pressroom.ingest.formats.ParsedFeed;
import pressroom.ingest.mapping.AgencyNames;
import pressroom.ingest.mapping.Candidate;
import pressroom.ingest.mapping.ItemMapper;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.store.IngestStore;

/**
 * Backfills articles from feed files or folders: files are read, parsed and mapped on every core
 * while one writer stores them in large transactions (SQLite has one writer anyway).
 */
public final class Importer {
  /**
   * Items per transaction. Larger batches rewrite the pages every batch touches (index tails,
   * interior pages) fewer times: 5,000 stored a tenth more items a second than 2,000. While one is
   * committed, a site on the same database waits to write (half a second at most here).
   */
  private static final int BATCH = 5_000;

  private final IngestStore store;
  private final AgencyNames agencies;
  private final InstantSource clock;
  private final Runnable betweenBatches;

  /**
   * @param agencies the names bylines credit rather than being written by, besides the source's
   * @param clock the import's time, which items without a readable date are given
   * @param betweenBatches runs on the writer after each batch is committed (a checkpoint)
   */
  public Importer(
      IngestStore store, AgencyNames agencies, InstantSource clock, Runnable betweenBatches) {
    this.store = store;
    this.agencies = agencies;
    this.clock = clock;
    this.betweenBatches = betweenBatches;
  }

  /** Progress so far; called from the writer thread. */
  public interface Progress {
    void update(long bytesDone, long itemsStored);
  }

  /**
   * @param unreadableDates the items stored with the import's time because their dates could not be
   *     read, as {@link IngestReport#undatedItem} names them after their file's name
   */
  public record Result(
      IngestStore.Counts counts,
      List<String> skipped,
      List<String> unreadableDates,
      long files,
      Duration took) {

    /** "2 items had dates that could not be read: …", or null when every date was read. */
    public String unreadableDatesLine() {
      return IngestReport.unreadableDatesLine(unreadableDates);
    }
  }

  /** One parsed file: its candidates, problems, items with unreadable dates, and size. */
  private record Parsed(
      List<Candidate> candidates, List<String> skipped, List<String> undated, long bytes) {}

  private static final Parsed END = new Parsed(List.of(), List.of(), List.of(), -1);

  public Result run(FeedSource source, List<Path> files, Progress progress)
      throws InterruptedException {
    Instant started = clock.instant();
    Instant now = started;
    ItemMapper mapper = new ItemMapper(source, agencies);
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    // A couple of files per parser: enough that the writer never waits long, few enough that
    // parsers running far ahead do not take the CPU the writer (the slowest stage) needs, only
    // to leave a core idle at the end while it catches up.
    BlockingQueue<Parsed> queue = new ArrayBlockingQueue<>(2 * workers);
    AtomicLong next = new AtomicLong();
    List<String> skipped = new ArrayList<>();
    List<String> undated = new ArrayList<>();
    IngestStore.Counts counts = IngestStore.Counts.NONE;
    try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
      for (int w = 0; w < workers; w++) {
        pool.submit(
            () -> {
              try {
                for (long i = next.getAndIncrement();
                    i < files.size();
                    i = next.getAndIncrement()) {
                  queue.put(parse(mapper, source, files.get((int) i), now));
                }
                queue.put(END);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return null;
            });
      }
      long bytes = 0;
      long stored = 0;
      List<Candidate> batch = new ArrayList<>(BATCH);
      for (int ended = 0; ended < workers; ) {
        Parsed p = queue.take();
        if (p == END) {
          ended++;
          continue;
        }
        bytes += p.bytes();
        skipped.addAll(p.skipped());
        undated.addAll(p.undated());
        batch.addAll(p.candidates());
        if (batch.size() >= BATCH) {
          counts = counts.plus(store.store(source.id(), batch));
          betweenBatches.run();
          stored += batch.size();
          batch = new ArrayList<>(BATCH);
        }
        progress.update(bytes, stored + batch.size());
      }
      counts = counts.plus(store.store(source.id(), batch));
      progress.update(bytes, stored + batch.size());
    }
    return new Result(
        counts, skipped, undated, files.size(), Duration.between(started, clock.instant()));
  }

  private static Parsed parse(ItemMapper mapper, FeedSource source, Path file, Instant now) {
    String name = file.getFileName().toString();
    List<String> skipped = new ArrayList<>();
    List<String> undated = new ArrayList<>();
    List<Candidate> out = new ArrayList<>();
    long size = 0;
    try {
      byte[] body = Files.readAllBytes(file);
      size = body.length;
      ParsedFeed feed = FeedParser.parse(body, null, source.format(), null);
      MappedItems mapped = MappedItems.of(mapper, feed, now);
      out.addAll(mapped.candidates());
      mapped.skipped().forEach(s -> skipped.add(name + ", " + s));
      mapped.undated().forEach(u -> undated.add(name + ", " + u));
    } catch (IOException | FeedException | RuntimeException e) {
      skipped.add(name + ": " + e.getMessage());
    }
    return new Parsed(out, skipped, undated, size);
  }
}
