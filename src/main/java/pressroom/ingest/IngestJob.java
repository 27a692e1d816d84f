package pressroom.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.ingest.fetch.FeedFetcher;
import pressroom.ingest.fetch.FetchOutcome;
import pressroom.ingest.fetch.FetchOutcome.Failed;
import pressroom.ingest.fetch.FetchOutcome.Fetched;
import pressroom.ingest.fetch.FetchOutcome.Gone;
import pressroom.ingest.fetch.FetchOutcome.NotModified;
import pressroom.ingest.fetch.FetchOutcome.RetryLater;
import pressroom.ingest.fetch.FetchRequest;
import pressroom.ingest.formats.FeedException;
import pressroom.ingest.formats.FeedParser;
import pressroom.ingest.formats.ParsedFeed;
import pressroom.ingest.mapping.AgencyNames;
import pressroom.ingest.mapping.Candidate;
import pressroom.ingest.mapping.ItemMapper;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.SourceDao;
import pressroom.ingest.store.IngestStore;

/**
 * Fetches one source (over HTTP or from local files), parses it, maps and stores its items, and
 * records the source's health: the whole ingest path for one feed.
 */
public final class IngestJob {
  private static final Logger log = LoggerFactory.getLogger(IngestJob.class);
  private static final Duration MAX_BACKOFF = Duration.ofHours(24);
  private static final long MAX_LOCAL_FILE = 20L * 1024 * 1024;

  private final SourceDao sources;
  private final IngestStore store;
  private final FeedFetcher fetcher;
  private final AgencyNames agencies;
  private final MeterRegistry metrics;
  private final InstantSource clock;

  /**
   * @param agencies the names bylines credit rather than being written by, besides the source's
   * @param clock when a run happens: the next fetch, the back-off, and the date of undated items
   */
  public IngestJob(
      SourceDao sources,
      IngestStore store,
      FeedFetcher fetcher,
      AgencyNames agencies,
      MeterRegistry metrics,
      InstantSource clock) {
    this.sources = sources;
    this.store = store;
    this.fetcher = fetcher;
    this.agencies = agencies;
    this.metrics = metrics;
    this.clock = clock;
  }

  public IngestReport run(FeedSource source) {
    Instant started = clock.instant();
    Timer.Sample sample = Timer.start(metrics);
    IngestReport report;
    try {
      report = source.isRemote() ? runRemote(source, started) : runLocal(source, started);
    } catch (RuntimeException e) {
      // A bug or a database failure: the source is marked failing, other sources go on.
      log.error("Ingest of source {} failed unexpectedly", source.name(), e);
      String reason = "internal error: " + e.getClass().getSimpleName();
      sources.recordFailure(source.id(), reason, started, backoff(source, started, null));
      report = failed(source, reason, started);
    }
    sample.stop(metrics.timer("pressroom_ingest_duration", "source", source.name()));
    metrics
        .counter("pressroom_ingest_runs", "source", source.name(), "outcome", outcome(report))
        .increment();
    count(source, "inserted", report.counts().inserted());
    count(source, "updated", report.counts().updated());
    count(source, "withdrawn", report.counts().withdrawn());
    count(source, "unchanged", report.counts().unchanged());
    count(source, "skipped", report.skipped().size());
    if (report.ok()) {
      log.info("Ingest {}", report.summary());
    } else {
      log.warn("Ingest {}", report.summary());
    }
    if (report.unreadableDatesLine() != null) {
      log.warn("Ingest {}: {}", source.name(), report.unreadableDatesLine());
    }
    return report;
  }

  private IngestReport runRemote(FeedSource source, Instant now) {
    FetchOutcome outcome =
        fetcher.fetch(
            new FetchRequest(
                URI.create(source.feedUrl()),
                source.etag(),
                source.lastModified(),
                source.requestHeaders()));
    return switch (outcome) {
      case Fetched f -> {
        try {
          ParsedFeed feed =
              FeedParser.parse(f.body(), f.contentType(), source.format(), f.finalUrl().toString());
          Stored stored = mapAndStore(source, feed, now);
          sources.recordSuccess(
              source.id(),
              f.etag(),
              f.lastModified(),
              adopted(source, f.movedPermanently(), f.finalUrl()),
              stored.lastRun(),
              now,
              now.plus(source.interval()));
          yield report(source, stored, now);
        } catch (FeedException e) {
          sources.recordFailure(source.id(), e.getMessage(), now, backoff(source, now, null));
          yield failed(source, e.getMessage(), now);
        }
      }
      case NotModified n -> {
        sources.recordSuccess(
            source.id(),
            source.etag(),
            source.lastModified(),
            adopted(source, n.movedPermanently(), n.finalUrl()),
            FeedSource.LastRun.nothingChanged(),
            now,
            now.plus(source.interval()));
        yield IngestReport.nothingNew(source, since(now));
      }
      case RetryLater r -> {
        String reason =
            "HTTP "
                + r.status()
                + ": the partner asked us to come back later"
                + (r.retryAfter() == null ? "" : " (after " + r.retryAfter().toSeconds() + " s)");
        sources.recordFailure(source.id(), reason, now, backoff(source, now, r.retryAfter()));
        yield failed(source, reason, now);
      }
      case Gone g -> {
        String reason =
            "HTTP 410: the partner says this feed is gone for good; the source was disabled";
        sources.setState(source.id(), FeedSource.State.GONE, reason);
        yield failed(source, reason, now);
      }
      case Failed f -> {
        sources.recordFailure(source.id(), f.reason(), now, backoff(source, now, null));
        yield failed(source, f.reason(), now);
      }
    };
  }

  private IngestReport runLocal(FeedSource source, Instant now) {
    List<Path> files;
    try {
      files = feedFiles(Path.of(source.feedUrl()));
    } catch (IOException e) {
      String reason = "cannot read " + source.feedUrl() + ": " + e.getMessage();
      sources.recordFailure(source.id(), reason, now, backoff(source, now, null));
      return failed(source, reason, now);
    }
    IngestStore.Counts counts = IngestStore.Counts.NONE;
    List<String> skipped = new ArrayList<>();
    List<String> undated = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        if (Files.size(file) > MAX_LOCAL_FILE) {
          skipped.add(name + ": larger than 20 MB");
          continue;
        }
        ParsedFeed feed = FeedParser.parse(Files.readAllBytes(file), null, source.format(), null);
        Stored s = mapAndStore(source, feed, now);
        counts = counts.plus(s.counts());
        s.skipped().forEach(r -> skipped.add(name + ", " + r));
        s.undated().forEach(u -> undated.add(name + ", " + u));
      } catch (FeedException | IOException e) {
        skipped.add(name + ": " + e.getMessage());
      }
    }
    Stored total = new Stored(counts, skipped, undated);
    sources.recordSuccess(
        source.id(), null, null, null, total.lastRun(), now, now.plus(source.interval()));
    return report(source, total, now);
  }

  /** The feed files of a path: the file itself, or a folder's .xml/.rss/.atom/.json files. */
  public static List<Path> feedFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IOException("no such file or folder");
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.(xml|rss|atom|rdf|json)$"))
          .sorted()
          .toList();
    }
  }

  /**
   * @param undated the stored items whose dates could not be read, so that they are dated when
   *     first seen ({@code now} here; a stored article keeps its first time)
   */
  record Stored(IngestStore.Counts counts, List<String> skipped, List<String> undated) {
    /** What the staff's list of sources shows of this run. */
    FeedSource.LastRun lastRun() {
      return new FeedSource.LastRun(
          counts.inserted(),
          counts.updated(),
          counts.withdrawn(),
          counts.unchanged(),
          skipped.size(),
          skipped,
          false);
    }
  }

  private Stored mapAndStore(FeedSource source, ParsedFeed feed, Instant now) {
    MappedItems mapped = MappedItems.of(new ItemMapper(source, agencies), feed, now);
    IngestStore.Counts counts = store.store(source.id(), dedupeWithinFeed(mapped.candidates()));
    return new Stored(counts, mapped.skipped(), mapped.undated());
  }

  /** A feed that repeats a guid: the last occurrence is the one the partner means. */
  private static List<Candidate> dedupeWithinFeed(List<Candidate> batch) {
    java.util.Map<String, Candidate> byGuid = new java.util.LinkedHashMap<>();
    for (Candidate c : batch) {
      byGuid.remove(c.guid());
      byGuid.put(c.guid(), c);
    }
    return List.copyOf(byGuid.values());
  }

  /** Exponential back-off with jitter, never sooner than the partner's Retry-After. */
  static Instant backoff(FeedSource source, Instant now, Duration retryAfter) {
    int failures = Math.min(source.consecutiveFailures() + 1, 10);
    long seconds = Math.min(source.interval().toSeconds() << failures, MAX_BACKOFF.toSeconds());
    seconds = (long) (seconds * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    if (retryAfter != null) {
      seconds = Math.max(seconds, Math.min(retryAfter.toSeconds(), MAX_BACKOFF.toSeconds()));
    }
    return now.plusSeconds(Math.max(seconds, 60));
  }

  private IngestReport report(FeedSource source, Stored stored, Instant started) {
    return new IngestReport(
        source.id(),
        source.name(),
        stored.counts(),
        stored.skipped(),
        stored.undated(),
        false,
        null,
        since(started));
  }

  private IngestReport failed(FeedSource source, String reason, Instant started) {
    return IngestReport.failed(source, reason, since(started));
  }

  private Duration since(Instant started) {
    return Duration.between(started, clock.instant());
  }

  private static String outcome(IngestReport r) {
    return !r.ok() ? "failed" : r.notModified() ? "not_modified" : "fetched";
  }

  private void count(FeedSource source, String result, int n) {
    if (n > 0) {
      metrics
          .counter("pressroom_ingest_items", "source", source.name(), "result", result)
          .increment(n);
    }
  }

  /**
   * The address a permanent move leads to, kept for the next fetches, unless the source sends
   * request headers (a partner's key) and the move leaves their origin: the fetcher already drops
   * them on a redirect to elsewhere, and the stored address must not carry them there either.
   */
  static java.net.URI adopted(FeedSource source, boolean moved, java.net.URI to) {
    if (!moved) {
      return null;
    }
    boolean keyed = source.requestHeaders() != null && !source.requestHeaders().isEmpty();
    return keyed && !FeedSource.sameOrigin(source.feedUrl(), to.toString()) ? null : to;
  }
}
