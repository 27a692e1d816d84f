package pressroom.ingest.formats;

import java.time.Instant;
import java.util.List;
import pressroom.ingest.mapping.BylineParser;
import pressroom.text.UntrustedText;

/**
 * One item of a partner's feed, whatever its format, as the parser read it. Nothing here is
 * sanitized yet; HTML fields are as the partner sent them.
 *
 * @param guid the item's identity in its feed (RSS guid, Atom id, JSON Feed id, ninjs uri), or null
 *     when the feed gave none
 * @param link the item's own URL (absolute), or null
 * @param authors author strings as sent, in order; one string may name several people ("By A, B and
 *     C") — {@link BylineParser} splits them
 * @param published first publication time, or null when the feed gave none
 * @param updated last modification time, or null
 * @param contentHtml the full text (content:encoded, Atom content, ninjs body_html), or null
 * @param summaryHtml the description/summary, or null
 * @param image the lead image, or null
 * @param language BCP 47 tag such as "en" or "ar", or null
 * @param version ninjs version number, or null
 * @param embargoedUntil not to be shown before this time, or null
 * @param unreadableDate the date text the feed gave for this item when none of the item's dates
 *     could be read (so {@code published} and {@code updated} are null and the item will be dated
 *     when it is first seen), else null
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
    // The door for partners' text: what XML cannot carry, and direction overrides, stop here.
    guid = UntrustedText.clean(guid);
    link = UntrustedText.clean(link);
    title = UntrustedText.clean(title);
    contentHtml = UntrustedText.clean(contentHtml);
    summaryHtml = UntrustedText.clean(summaryHtml);
    language = UntrustedText.clean(language);
    authors =
        authors == null
            ? List.of()
            : List.copyOf(authors.stream().map(UntrustedText::clean).toList());
    tags = tags == null ? List.of() : List.copyOf(tags.stream().map(UntrustedText::clean).toList());
    image =
        image == null
            ? null
            : new LeadImage(
                UntrustedText.clean(image.url()),
                UntrustedText.clean(image.caption()),
                UntrustedText.clean(image.credit()));
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
