package pressroom.pictures;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.articles.ArticlePictures;
import pressroom.articles.ArticlePictures.NewPicture;
import pressroom.articles.ArticlePictures.Rendition;
import pressroom.articles.ArticlePictures.Wanted;
import pressroom.ingest.fetch.FeedFetcher;
import pressroom.ingest.fetch.FetchOutcome;
import pressroom.ingest.fetch.FetchRequest;
import pressroom.pictures.PictureDecoder.Decoded;
import pressroom.pictures.PictureDecoder.Refused;

/**
 * Fetches the lead images of recent published articles that have none stored, through the SSRF-safe
 * fetcher with a picture's size cap, and stores their renditions. An address that fails is
 * remembered with a time to try again, so a broken image is not fetched on every run.
 */
public final class PictureJob {
  private static final Logger log = LoggerFactory.getLogger(PictureJob.class);

  /** Bigger files are refused while they are read. */
  public static final long MAX_BYTES = 15L * 1024 * 1024;

  /** Images larger than this (width × height, read from the header) are refused. */
  public static final long MAX_PIXELS = 50_000_000L;

  /** Articles older than this get no picture fetched: the job's walk stays short. */
  static final Duration LOOK_BACK = Duration.ofDays(14);

  static final int BATCH = 20;

  /** A run starts no new fetch after this long. */
  static final Duration BUDGET = Duration.ofMinutes(1);

  /** A refused image (too big, not an image) is looked at again only after this long. */
  static final Duration AFTER_REFUSAL = Duration.ofDays(7);

  /** A failed fetch is tried again after this, doubling each time up to {@link #MOST_WAIT}. */
  static final Duration FIRST_WAIT = Duration.ofMinutes(15);

  static final Duration MOST_WAIT = Duration.ofDays(1);

  private final ArticlePictures pictures;
  private final FeedFetcher fetcher;
  private final PictureDecoder decoder;
  private final InstantSource clock;

  /** On this node one run at a time (the scheduler's run and a nudge or a test's own). */
  private final ReentrantLock running = new ReentrantLock();

  /**
   * @param fetcher built with {@link #MAX_BYTES} as its cap
   * @param clock which articles are recent, and when a failed address is tried again
   */
  public PictureJob(ArticlePictures pictures, FeedFetcher fetcher, InstantSource clock) {
    this.pictures = pictures;
    this.fetcher = fetcher;
    this.decoder = new PictureDecoder(MAX_PIXELS, 2 * Renditions.WIDTHS.getLast());
    this.clock = clock;
  }

  /** What one run did. */
  public record Run(int stored, int failed) {}

  /** Stores pictures for one batch of articles that want one, newest first. */
  public Run run() {
    running.lock();
    try {
      Instant now = clock.instant();
      int stored = 0;
      int failed = 0;
      // A failure older than the walk reaches back no longer matters: forget it (bounded table).
      pictures.forgetFailuresBefore(now.minus(LOOK_BACK));
      List<Wanted> batch = pictures.wanted(now.minus(LOOK_BACK), now, BATCH);
      long started = System.nanoTime();
      for (Wanted w : batch) {
        if (System.nanoTime() - started > BUDGET.toNanos()) {
          break; // slow partners: the rest wait for the next run
        }
        if (storeSafely(w)) {
          stored++;
        } else {
          failed++;
        }
      }
      if (!batch.isEmpty()) {
        log.info("Pictures: {} stored, {} failed", stored, failed);
      }
      return new Run(stored, failed);
    } finally {
      running.unlock();
    }
  }

  /** One article's picture; whatever goes wrong with it leaves the rest of the batch be. */
  private boolean storeSafely(Wanted w) {
    try {
      return store(w);
    } catch (RuntimeException | OutOfMemoryError e) {
      log.warn("Picture {} could not be made", w.imageUrl(), e);
      return refused(w, "could not be made into a picture (" + e.getClass().getSimpleName() + ")");
    }
  }

  private boolean store(Wanted w) {
    URI url;
    try {
      url = new URI(w.imageUrl());
    } catch (URISyntaxException e) {
      return refused(w, "not a web address");
    }
    if (url.getScheme() == null
        || !List.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
      return refused(w, "not an http(s) address");
    }
    FetchOutcome outcome =
        fetcher.fetch(new FetchRequest(url, null, null, Map.of("Accept", "image/*")));
    return switch (outcome) {
      case FetchOutcome.Fetched f -> stored(w, f);
      case FetchOutcome.NotModified n -> failedNow(w, "the server answered 304 unasked");
      case FetchOutcome.RetryLater r -> failedNow(w, "the server asked to come back later");
      case FetchOutcome.Gone g -> refused(w, "the server says the image is gone (410)");
      case FetchOutcome.Failed f -> failedNow(w, f.reason());
    };
  }

  private boolean stored(Wanted w, FetchOutcome.Fetched f) {
    String type = f.contentType() == null ? "" : f.contentType().toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.startsWith("image/") && !type.startsWith("application/octet")) {
      return refused(w, "not an image (the server says " + f.contentType() + ")");
    }
    return switch (decoder.decode(f.body())) {
      case Refused r -> refused(w, r.reason());
      case Decoded d -> {
        List<Rendition> renditions = Renditions.of(d.image(), d.width(), d.height());
        // Caption and credit are read from the article when shown; none are stored with it.
        pictures.store(
            w.articleId(),
            new NewPicture(w.imageUrl(), null, null, renditions),
            true,
            clock.instant());
        yield true;
      }
    };
  }

  private boolean refused(Wanted w, String reason) {
    log.info("Picture {} refused: {}", w.imageUrl(), reason);
    pictures.failed(w.imageUrl(), reason, clock.instant().plus(AFTER_REFUSAL));
    return false;
  }

  private boolean failedNow(Wanted w, String reason) {
    int attempts = pictures.attempts(w.imageUrl());
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempts, 10));
    if (wait.compareTo(MOST_WAIT) > 0) {
      wait = MOST_WAIT;
    }
    log.info("Picture {} not fetched ({}); next try in {}", w.imageUrl(), reason, wait);
    pictures.failed(w.imageUrl(), reason, clock.instant().plus(wait));
    return false;
  }
}
