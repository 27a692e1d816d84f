package pressroom.ingest.formats;

import static pressroom.ingest.formats.ItemFields.absoluteUrl;
import static pressroom.ingest.formats.ItemFields.plainText;
import static pressroom.ingest.formats.ItemFields.trimToNull;
import static pressroom.ingest.formats.JsonFeedItems.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import pressroom.ingest.formats.FeedItem.LeadImage;
import pressroom.ingest.formats.FeedItem.PubStatus;

/**
 * Maps IPTC ninjs (one item, a JSON array of items, or an object holding an "items", "results" or
 * "data" array) to {@link FeedItem}s, in all three naming generations: 1.x (body_html,
 * versioncreated, associations as a map), 2.x (headlines, bodies, lowercase names) and 3.x
 * (camelCase: pubStatus, versionCreated, contentType). Pure.
 */
final class NinjsItems {
  private static final List<String> LIST_FIELDS = List.of("items", "results", "data");
  private static final Set<String> ITEM_FIELDS =
      Set.of(
          "uri",
          "guid",
          "headline",
          "headlines",
          "body_html",
          "body_text",
          "bodies",
          "byline",
          "versioncreated",
          "versionCreated",
          "pubstatus",
          "pubStatus",
          "firstcreated",
          "firstCreated",
          "associations",
          "renditions",
          "description_text",
          "descriptions");
  private static final Set<String> PICTURE_TYPES = Set.of("picture", "image", "graphic");

  private NinjsItems() {}

  /** True when the document is a ninjs item or a list of them. */
  static boolean looksLike(JsonNode root) {
    return !itemNodes(root).isEmpty() && isItem(itemNodes(root).get(0));
  }

  private static boolean isItem(JsonNode node) {
    if (!node.isObject()) {
      return false;
    }
    for (String field : ITEM_FIELDS) {
      if (node.has(field)) {
        return true;
      }
    }
    return node.has("type") && node.has("version");
  }

  /** The item objects of a single item, an array, or a wrapper with a list field. */
  private static List<JsonNode> itemNodes(JsonNode root) {
    List<JsonNode> nodes = new ArrayList<>();
    JsonNode list = root.isArray() ? root : null;
    if (root.isObject() && !isItem(root)) {
      for (String field : LIST_FIELDS) {
        if (root.path(field).isArray()) {
          list = root.get(field);
          break;
        }
      }
    }
    if (list != null) {
      list.forEach(nodes::add);
    } else if (root.isObject()) {
      nodes.add(root);
    }
    return nodes;
  }

  static FeedParser.Read read(JsonNode root, String baseUrl) {
    List<Supplier<FeedItem>> items = new ArrayList<>();
    for (JsonNode node : itemNodes(root)) {
      items.add(() -> item(node, baseUrl));
    }
    return new FeedParser.Read(FeedFormat.NINJS, null, null, items, List.of());
  }

  private static FeedItem item(JsonNode node, String base) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("it is not a JSON object");
    }
    List<String> authors = new ArrayList<>();
    authors.add(text(node.get("by")));
    authors.add(text(node.get("byline")));
    for (JsonNode author : node.path("authors")) {
      authors.add(author.isObject() ? text(author.get("name")) : text(author));
    }
    List<String> tags = new ArrayList<>();
    for (String field : List.of("subject", "subjects", "keywords", "people")) {
      for (JsonNode tag : node.path(field)) {
        tags.add(tag.isObject() ? text(tag.get("name")) : text(tag));
      }
    }
    String firstCreatedText = field(node, "firstcreated", "firstCreated");
    String versionCreatedText = field(node, "versioncreated", "versionCreated");
    Instant firstCreated = ItemFields.date(firstCreatedText);
    Instant versionCreated = ItemFields.date(versionCreatedText);
    Instant published = firstCreated != null ? firstCreated : versionCreated;
    return new FeedItem(
        field(node, "uri", "guid"),
        link(node, base),
        plainText(headline(node)),
        ItemFields.authors(authors.stream().filter(a -> a != null).toList()),
        published,
        versionCreated,
        body(node),
        description(node),
        ItemFields.tags(tags.stream().filter(t -> t != null).toList()),
        picture(node.get("associations"), base),
        ItemFields.language(text(node.get("language"))),
        version(node.get("version")),
        pubStatus(field(node, "pubstatus", "pubStatus")),
        ItemFields.date(field(node, "embargoed", "embargoedUntil", "embargoeduntil")),
        ItemFields.unreadableDate(
            published, versionCreated, Arrays.asList(firstCreatedText, versionCreatedText)));
  }

  /** The first of the named scalar fields that is present. */
  private static String field(JsonNode node, String... names) {
    for (String name : names) {
      String value = text(node.get(name));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String headline(JsonNode node) {
    String headline = text(node.get("headline"));
    return headline != null ? headline : byRole(node.get("headlines"), "main", false);
  }

  /**
   * The value of the entry with {@code role} in an array of {value, role, contenttype}, else the
   * first; with {@code wantHtml}, only entries typed as HTML count.
   */
  private static String byRole(JsonNode array, String role, boolean wantHtml) {
    String first = null;
    if (array == null || !array.isArray()) {
      return null;
    }
    for (JsonNode entry : array) {
      String value = entry.isObject() ? text(entry.get("value")) : text(entry);
      if (value == null || (wantHtml != isHtml(entry))) {
        continue;
      }
      if (role.equalsIgnoreCase(String.valueOf(text(entry.get("role"))))) {
        return value;
      }
      first = first != null ? first : value;
    }
    return first;
  }

  private static boolean isHtml(JsonNode entry) {
    String type = entry.isObject() ? field(entry, "contenttype", "contentType") : null;
    return type != null && type.toLowerCase(Locale.ROOT).contains("html");
  }

  private static String body(JsonNode node) {
    return htmlOrText(node, "body_html", "bodies", "main", "body_text", ItemFields::textToHtml);
  }

  private static String description(JsonNode node) {
    return htmlOrText(
        node,
        "description_html",
        "descriptions",
        "summary",
        "description_text",
        plain -> plain == null ? null : ItemFields.escapeHtml(plain));
  }

  /**
   * ninjs 1.x's {@code htmlField}, else the HTML of ninjs 2's {@code role} entry in {@code list};
   * else the plain text of the same two places, made HTML by {@code plainAsHtml} (given null when
   * there is none).
   */
  private static String htmlOrText(
      JsonNode node,
      String htmlField,
      String list,
      String role,
      String textField,
      UnaryOperator<String> plainAsHtml) {
    String html = trimToNull(text(node.get(htmlField)));
    if (html == null) {
      html = byRole(node.get(list), role, true);
    }
    if (html != null) {
      return html;
    }
    String plain = text(node.get(textField));
    if (plain == null) {
      plain = byRole(node.get(list), role, false);
    }
    return plainAsHtml.apply(plain);
  }

  /** A web link when the item gives one ("links" with an alternate/canonical href). */
  private static String link(JsonNode node, String base) {
    for (JsonNode link : node.path("links")) {
      String rel = String.valueOf(text(link.get("rel"))).toLowerCase(Locale.ROOT);
      if (rel.contains("canonical") || rel.contains("alternate") || rel.equals("null")) {
        String url = absoluteUrl(base, text(link.get("href")));
        if (url != null) {
          return url;
        }
      }
    }
    return null;
  }

  private static Long version(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    String text = text(node);
    try {
      return text == null ? null : Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null; // "1.2" or "draft": not a version number we can order by
    }
  }

  private static PubStatus pubStatus(String raw) {
    if (raw == null) {
      return PubStatus.USABLE;
    }
    String status = raw.substring(raw.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT);
    return switch (status) {
      case "withheld" -> PubStatus.WITHHELD;
      case "canceled", "cancelled" -> PubStatus.CANCELED;
      default -> PubStatus.USABLE;
    };
  }

  /** The first associated picture: a map (1.x) or an array (2.x, 3.x) of ninjs objects. */
  private static LeadImage picture(JsonNode associations, String base) {
    if (associations == null) {
      return null;
    }
    for (JsonNode association : members(associations)) {
      String type = String.valueOf(text(association.get("type"))).toLowerCase(Locale.ROOT);
      if (!association.isObject() || !PICTURE_TYPES.contains(type)) {
        continue;
      }
      String url = absoluteUrl(base, largestRendition(association.get("renditions")));
      if (url == null) {
        url = absoluteUrl(base, text(association.get("uri")));
      }
      if (url != null) {
        String caption = text(association.get("description_text"));
        if (caption == null) {
          caption = byRole(association.get("descriptions"), "caption", false);
        }
        if (caption == null) {
          caption = headline(association);
        }
        String credit =
            field(association, "by", "byline", "copyrightnotice", "copyrightNotice", "creditline");
        return new LeadImage(url, plainText(caption), plainText(credit));
      }
    }
    return null;
  }

  /** The values of a map (ninjs 1.x) or the items of an array (2.x, 3.x); empty otherwise. */
  private static List<JsonNode> members(JsonNode mapOrArray) {
    List<JsonNode> members = new ArrayList<>();
    if (mapOrArray.isArray()) {
      mapOrArray.forEach(members::add);
    } else if (mapOrArray.isObject()) {
      for (Map.Entry<String, JsonNode> e : mapOrArray.properties()) {
        members.add(e.getValue());
      }
    }
    return members;
  }

  /** The href of the widest rendition (a map in 1.x, an array of named objects since 2.0). */
  private static String largestRendition(JsonNode renditions) {
    if (renditions == null) {
      return null;
    }
    String best = null;
    double bestWidth = -1;
    for (JsonNode rendition : members(renditions)) {
      String href = text(rendition.get("href"));
      String type = field(rendition, "mimetype", "contenttype", "contentType");
      if (href == null || (type != null && !ItemFields.isImageType(type))) {
        continue;
      }
      double width = rendition.path("width").asDouble(0);
      if (width > bestWidth) {
        best = href;
        bestWidth = width;
      }
    }
    return best;
  }
}
