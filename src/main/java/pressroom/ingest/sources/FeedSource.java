package pressroom.ingest.sources;

import java.time.Duration;
import java.time.Instant;
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
    long itemsTotal) {

  public FeedSource {
    requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
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
}
