package pressroom.ingest.sources;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;

/**
 * What an editor gives to add a partner feed; validated here so every entry point agrees (by the
 * rules of {@link SourceSettings}, which also reads them as typed).
 */
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
    // The rules are SourceSettings', which the command line and the staff form share.
    SourceSettings.checkName(name);
    SourceSettings.checkFeedUrl(feedUrl);
    SourceSettings.checkSection(sectionSlug);
    SourceSettings.checkInterval(interval);
    SourceSettings.checkExpiry(expireAfterDays);
    SourceSettings.checkHomeUrl(homeUrl);
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
