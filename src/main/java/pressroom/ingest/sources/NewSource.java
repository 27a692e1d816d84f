package pressroom.ingest.sources;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;

/** What an editor gives to add a partner feed; validated here so every entry point agrees. */
public record NewSource(
    String name,
    String feedUrl,
    FeedFormat format,
    String sectionSlug,
    String attribution,
    String homeUrl,
    int priority,
    Duration interval,
    Map<String, String> requestHeaders,
    SeoPolicy seoPolicy,
    boolean fullText,
    int expireAfterDays) {

  public NewSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(feedUrl, "feedUrl");
    Objects.requireNonNull(sectionSlug, "sectionSlug");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the name is empty");
    }
    if (feedUrl.isBlank()) {
      throw new IllegalArgumentException("the feed URL or path is empty");
    }
    String lower = feedUrl.toLowerCase(java.util.Locale.ROOT);
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")
        && !lower.startsWith("http://")
        && !lower.startsWith("https://")) {
      throw new IllegalArgumentException(
          "'" + feedUrl + "' is neither an http(s) URL nor a local file or folder");
    }
    if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException("the polling interval must be at least 1 minute");
    }
    if (expireAfterDays < 0) {
      throw new IllegalArgumentException("days until removal cannot be negative");
    }
    format = format == null ? FeedFormat.AUTO : format;
    seoPolicy = seoPolicy == null ? SeoPolicy.CANONICAL : seoPolicy;
    attribution = attribution == null || attribution.isBlank() ? "From " + name + "." : attribution;
    requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
  }

  @Override
  public String toString() {
    return "NewSource[" + name + ", " + feedUrl + "]";
  }
}
