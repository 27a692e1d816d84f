package pressroom.web;

import java.util.List;

/**
 * The document head of a page: title, description, canonical link, robots and social tags.
 *
 * @param canonicalUrl absolute URL, or null for none
 * @param robots content of the robots meta tag, or null for none
 * @param jsonLd a schema.org JSON-LD object already made safe to embed, or null
 * @param feeds the feeds to announce
 */
public record Head(
    String title,
    String description,
    String canonicalUrl,
    String robots,
    List<MetaTag> meta,
    String jsonLd,
    Feeds feeds) {

  public Head {
    meta = List.copyOf(meta);
  }

  public Head(
      String title,
      String description,
      String canonicalUrl,
      String robots,
      List<MetaTag> meta,
      String jsonLd) {
    this(title, description, canonicalUrl, robots, meta, jsonLd, new Feeds("", "Latest"));
  }

  public static Head simple(String title, String description) {
    return new Head(title, description, null, null, List.of(), null);
  }

  public Head withCanonical(String url) {
    return new Head(title, description, url, robots, meta, jsonLd, feeds);
  }

  public Head withFeeds(String base, String name) {
    return new Head(title, description, canonicalUrl, robots, meta, jsonLd, new Feeds(base, name));
  }

  /**
   * The feeds a page announces (autodiscovery): {@code base}/rss.xml, /atom.xml and /feed.json.
   *
   * @param base "" for the whole site, else e.g. "/sections/world"
   */
  public record Feeds(String base, String name) {}

  /** A {@code <meta>} tag; {@code attribute} is "property" (Open Graph) or "name". */
  public record MetaTag(String attribute, String key, String content) {
    public static MetaTag property(String key, String content) {
      return new MetaTag("property", key, content);
    }

    public static MetaTag name(String key, String content) {
      return new MetaTag("name", key, content);
    }
  }
}
