package pressroom.ingest;

import java.time.Instant;
import java.util.List;

/**
 * One item of a partner's feed, whatever its format, as the parser read it. Nothing here is
 * sanitized yet; HTML fields are as the partner sent them.
 *
 * @param guid the item's identity in its feed (RSS guid, Atom id, JSON Feed id, ninjs uri), or
 *     null when the feed gave none
 * @param link the item's own URL (absolute), or null
 * @param authors author strings as sent, in order; one string may name several people ("By A, B
 *     and C") — {@link BylineParser} splits them
 * @param published first publication time, or null when the feed gave none
 * @param updated last modification time, or null
 * @param contentHtml the full text (content:encoded, Atom content, ninjs body_html), or null
 * @param summaryHtml the description/summary, or null
 * @param image the lead image, or null
 * @param language BCP 47 tag such as "en" or "ar", or null
 * @param version ninjs version number, or null
 * @param embargoedUntil not to be shown before this time, or null
 * @param unreadableDate the date text the feed gave for this item when none of the item's dates
 *     could be read (so {@code published} and {@code updated} are null and the item will be
 *     dated when it is first seen), else null
 */
public record FeedItem(
    String guid,
    String link,
    String title,
    List<String> authors,
    Instant published,
    Instant updated,
    String contentHtml,
    String summaryHtml,
    List<String> tags,
    LeadImage image,
    String language,
    Long version,
    PubStatus pubStatus,
    Instant embargoedUntil,
    String unreadableDate) {

  public FeedItem {
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
  }

  /** A picture shown with the article; caption and credit may be null. */
  public record LeadImage(String url, String caption, String credit) {}

  /** ninjs pubStatus; other formats are always USABLE. */
  public enum PubStatus {
    USABLE,
    WITHHELD,
    CANCELED
  }
}
