package pressroom.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/** What fetching a feed over HTTP came to. Expected results are values, not exceptions. */
public sealed interface FetchOutcome {

  /**
   * The feed's bytes (already decompressed).
   *
   * @param finalUrl where the bytes came from after redirects
   * @param movedPermanently true when a 301/308 was followed: the source's URL should change
   * @param etag validator for the next conditional GET, or null
   * @param lastModified validator for the next conditional GET, or null
   */
  record Fetched(
      byte[] body,
      String contentType,
      String etag,
      String lastModified,
      URI finalUrl,
      boolean movedPermanently)
      implements FetchOutcome {}

  /** 304: nothing changed since the validators we sent. */
  record NotModified(URI finalUrl, boolean movedPermanently) implements FetchOutcome {}

  /** 429 or 503: come back after {@code retryAfter} (from Retry-After, or null if none given). */
  record RetryLater(int status, Duration retryAfter) implements FetchOutcome {}

  /** 410: the partner says the feed is gone for good; the source is disabled. */
  record Gone() implements FetchOutcome {}

  /** Anything else that went wrong, in plain words for the editor. */
  record Failed(String reason) implements FetchOutcome {}
}
