package pressroom.ingest.sources;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;

/**
 * A partner feed with its licence terms and its health, as stored.
 *
 * @param feedUrl an http(s) URL, or a local file or folder
 * @param requestHeaders extra headers for keyed wire APIs: secret, never shown or logged
 * @param fullText false when the licence allows the summary only
 * @param expireAfterDays articles are removed this many days after publication; 0 = never
 * @param lastRun what the last fetch that worked did, or null when none has been recorded
 */
public record FeedSource(
    String id,
    String name,
    String homeUrl,
    String feedUrl,
    FeedFormat format,
    String sectionSlug,
    String attribution,
    int priority,
    Duration interval,
    Map<String, String> requestHeaders,
    SeoPolicy seoPolicy,
    boolean fullText,
    int expireAfterDays,
    State state,
    String etag,
    String lastModified,
    Instant lastFetchAt,
    Instant nextFetchAt,
    Instant lastSuccessAt,
    Instant failingSince,
    String lastError,
    int consecutiveFailures,
    long itemsTotal,
    LastRun lastRun) {

  public FeedSource {
    requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
  }

  /**
   * What one fetch that worked did to the site.
   *
   * @param skipped how many items were left out
   * @param reasons why, for the first of them ("item 3: it has no title")
   * @param notModified the partner answered that nothing changed since the fetch before
   */
  public record LastRun(
      int inserted,
      int updated,
      int withdrawn,
      int unchanged,
      int skipped,
      List<String> reasons,
      boolean notModified) {
    /** Reasons kept for the staff page; the rest are counted. */
    public static final int REASONS_KEPT = 10;

    public LastRun {
      reasons =
          reasons == null
              ? List.of()
              : List.copyOf(reasons.subList(0, Math.min(REASONS_KEPT, reasons.size())));
    }

    public static LastRun nothingChanged() {
      return new LastRun(0, 0, 0, 0, 0, List.of(), true);
    }

    /** "3 new, 1 updated, 0 withdrawn, 12 unchanged, 1 skipped", or "not modified". */
    public String summary() {
      return notModified
          ? "not modified since the fetch before"
          : inserted
              + " new, "
              + updated
              + " updated, "
              + withdrawn
              + " withdrawn, "
              + unchanged
              + " unchanged, "
              + skipped
              + " skipped";
    }
  }

  /** active: polled; disabled: by an editor; gone: the partner answered 410; removed. */
  public enum State {
    ACTIVE,
    DISABLED,
    GONE,
    REMOVED;

    public String dbValue() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static State fromDb(String v) {
      return valueOf(v.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public boolean isRemote() {
    return feedUrl.startsWith("http://") || feedUrl.startsWith("https://");
  }

  /** "ok", "failing since …", "disabled" or "gone" — what the staff page and CLI show. */
  public String health() {
    return switch (state) {
      case DISABLED -> "disabled";
      case GONE -> "gone (410 from the partner)";
      case REMOVED -> "removed";
      case ACTIVE -> failingSince != null ? "failing" : lastFetchAt == null ? "new" : "ok";
    };
  }

  @Override
  public String toString() {
    // Never print the request headers: they may carry API keys.
    return "FeedSource[" + id + ", " + name + ", " + feedUrl + ", " + state + "]";
  }

  /**
   * Whether two feed addresses share scheme, host and port, so stored request headers may follow
   * the feed from one to the other. A local path matches only itself.
   */
  public static boolean sameOrigin(String stored, String typed) {
    if (stored == null || typed == null) {
      return false;
    }
    if (stored.equals(typed)) {
      return true;
    }
    try {
      URI a = new URI(stored);
      URI b = new URI(typed);
      return a.getScheme() != null
          && a.getHost() != null
          && a.getScheme().equalsIgnoreCase(b.getScheme())
          && a.getHost().equalsIgnoreCase(b.getHost())
          && port(a) == port(b);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }
}
