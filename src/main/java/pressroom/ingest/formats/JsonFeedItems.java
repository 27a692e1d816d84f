package pressroom.ingest.formats;

import static pressroom.ingest.formats.ItemFields.absoluteUrl;
import static pressroom.ingest.formats.ItemFields.plainText;
import static pressroom.ingest.formats.ItemFields.trimToNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import pressroom.ingest.formats.FeedItem.LeadImage;

/** Maps a JSON Feed 1.0/1.1 document (already parsed by Jackson) to {@link FeedItem}s. Pure. */
final class JsonFeedItems {
  static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

  private JsonFeedItems() {}

  /** True when the document says it is a JSON Feed, or has items that only JSON Feed names so. */
  static boolean looksLike(JsonNode root) {
    if (!root.isObject()) {
      return false;
    }
    String version = text(root.get("version"));
    if (version != null) {
      return version.startsWith(VERSION_PREFIX)
          || version.startsWith("http://jsonfeed.org/version/");
    }
    JsonNode first = root.path("items").path(0);
    return first.has("content_html") || first.has("content_text") || first.has("date_published");
  }

  static FeedParser.Read read(JsonNode root, String baseUrl) {
    String language = ItemFields.language(text(root.get("language")));
    String base = baseUrl;
    if (base == null) {
      base = absoluteUrl(null, text(root.get("feed_url")));
    }
    if (base == null) {
      base = absoluteUrl(null, text(root.get("home_page_url")));
    }
    List<Supplier<FeedItem>> items = new ArrayList<>();
    JsonNode array = root.path("items");
    String itemBase = base;
    List<String> notes = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode node : array) {
        items.add(() -> item(node, itemBase, language));
      }
    } else {
      notes.add("the JSON Feed has no \"items\" list");
    }
    return new FeedParser.Read(
        FeedFormat.JSONFEED, plainText(text(root.get("title"))), language, items, notes);
  }

  private static FeedItem item(JsonNode node, String base, String feedLanguage) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("it is not a JSON object");
    }
    String link = absoluteUrl(base, text(node.get("url")));
    if (link == null) {
      link = absoluteUrl(base, text(node.get("external_url")));
    }
    List<String> authors = new ArrayList<>();
    for (JsonNode author : node.path("authors")) {
      authors.add(author.isObject() ? text(author.get("name")) : text(author));
    }
    authors.add(text(node.path("author").get("name"))); // JSON Feed 1.0
    List<String> tags = new ArrayList<>();
    for (JsonNode tag : node.path("tags")) {
      tags.add(text(tag));
    }
    String content = trimToNull(text(node.get("content_html")));
    if (content == null) {
      content = ItemFields.textToHtml(text(node.get("content_text")));
    }
    String summary = text(node.get("summary"));
    String language = ItemFields.language(text(node.get("language")));
    String publishedText = text(node.get("date_published"));
    String modifiedText = text(node.get("date_modified"));
    Instant published = ItemFields.date(publishedText);
    Instant modified = ItemFields.date(modifiedText);
    return new FeedItem(
        text(node.get("id")),
        link,
        plainText(text(node.get("title"))),
        ItemFields.authors(authors.stream().filter(a -> a != null).toList()),
        published,
        modified,
        content,
        summary == null ? null : ItemFields.escapeHtml(summary),
        ItemFields.tags(tags.stream().filter(t -> t != null).toList()),
        image(node, base),
        language != null ? language : feedLanguage,
        null,
        null,
        null,
        ItemFields.unreadableDate(published, modified, Arrays.asList(publishedText, modifiedText)));
  }

  private static LeadImage image(JsonNode node, String base) {
    for (String field : List.of("image", "banner_image")) {
      String url = absoluteUrl(base, text(node.get(field)));
      if (url != null) {
        return new LeadImage(url, null, null);
      }
    }
    for (JsonNode attachment : node.path("attachments")) {
      String url = absoluteUrl(base, text(attachment.get("url")));
      if (url != null && ItemFields.isImageType(text(attachment.get("mime_type")))) {
        return new LeadImage(url, plainText(text(attachment.get("title"))), null);
      }
    }
    return null;
  }

  /** A scalar's text (ids may be numbers), trimmed; null for anything else. */
  static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? trimToNull(node.asText()) : null;
  }
}
