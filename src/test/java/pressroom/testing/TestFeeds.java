package pressroom.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small feeds written for the tests, in every format Pressroom reads. */
public final class TestFeeds {
  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private TestFeeds() {}

  /**
   * A partner polled every 15 minutes into Syndicated News with the usual settings: full text,
   * canonical to the original, no keys; its licence ends {@code expireDays} after publication (0:
   * never).
   */
  public static pressroom.ingest.sources.NewSource partner(
      String name, String feedUrl, int expireDays) {
    return new pressroom.ingest.sources.NewSource(
        name,
        feedUrl,
        pressroom.ingest.formats.FeedFormat.AUTO,
        "Syndicated News",
        "Republished under licence.",
        null,
        0,
        java.time.Duration.ofMinutes(15),
        java.util.Map.of(),
        pressroom.articles.SeoPolicy.CANONICAL,
        true,
        expireDays);
  }

  /** A feed file kept under src/test/resources/feeds. */
  public static byte[] fixture(String name) {
    try (java.io.InputStream in = TestFeeds.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One RSS 2.0 item. */
  public record RssItem(
      String guid, String title, String byline, String html, Instant published, String... tags) {}

  public static String rss(RssItem... items) {
    StringBuilder sb =
        new StringBuilder(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Test Wire</title><link>https://wire.example/</link>
            <description>Stories</description><language>en</language>
            """);
    for (RssItem i : items) {
      sb.append("<item><title>")
          .append(i.title())
          .append("</title>")
          .append("<link>https://wire.example/stories/")
          .append(i.guid())
          .append("</link>")
          .append("<guid isPermaLink=\"false\">")
          .append(i.guid())
          .append("</guid>")
          .append("<pubDate>")
          .append(RFC_1123.format(i.published()))
          .append("</pubDate>")
          .append("<dc:creator>")
          .append(i.byline())
          .append("</dc:creator>");
      for (String t : i.tags()) {
        sb.append("<category>").append(t).append("</category>");
      }
      sb.append("<description>Summary of ")
          .append(i.title())
          .append("</description>")
          .append("<content:encoded><![CDATA[")
          .append(i.html())
          .append("]]></content:encoded></item>\n");
    }
    return sb.append("</channel></rss>\n").toString();
  }

  public static String atom(
      String id, String title, String author1, String author2, String html, Instant updated) {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Atom Agency</title><id>urn:atom-agency</id><updated>%s</updated>
          <entry>
            <id>%s</id><title>%s</title>
            <link rel="alternate" href="https://atom.example/news/%s"/>
            <author><name>%s</name></author><author><name>%s</name></author>
            <published>%s</published><updated>%s</updated>
            <category term="Rail"/>
            <content type="html">%s</content>
          </entry>
        </feed>
        """
        .formatted(
            updated,
            id,
            title,
            id,
            author1,
            author2,
            updated,
            updated,
            html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }

  public static String jsonFeed(
      String id, String title, String author, String html, Instant published) {
    return """
        {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Partner",
         "home_page_url": "https://json.example/", "language": "en",
         "items": [{"id": "%s", "url": "https://json.example/items/%s", "title": "%s",
                    "authors": [{"name": "%s"}], "content_html": "%s",
                    "date_published": "%s", "tags": ["Water"]}]}
        """
        .formatted(id, id, title, author, html.replace("\"", "\\\""), published);
  }

  /** A ninjs 3.x item (camelCase). */
  public static String ninjs3(
      String uri,
      String headline,
      String by,
      String html,
      Instant versionCreated,
      long version,
      String pubStatus,
      Instant embargoedUntil) {
    return """
        {"uri": "%s", "type": "text", "version": "%d", "pubStatus": "%s",
         "versionCreated": "%s", "firstCreated": "%s", %s
         "language": "en", "headlines": [{"role": "main", "value": "%s"}],
         "by": "%s", "bodies": [{"role": "main", "contentType": "text/html", "value": "%s"}],
         "subjects": [{"name": "Elections"}]}
        """
        .formatted(
            uri,
            version,
            pubStatus,
            versionCreated,
            versionCreated,
            embargoedUntil == null ? "" : "\"embargoedUntil\": \"" + embargoedUntil + "\",",
            headline,
            by,
            html.replace("\"", "\\\""));
  }
}
