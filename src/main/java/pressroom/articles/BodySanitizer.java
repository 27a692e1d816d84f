package pressroom.articles;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Reduces article HTML from anywhere to the safe subset the article page shows: paragraphs,
 * headings, lists, quotes, emphasis, http(s) links and figures. Pure: no I/O.
 */
public final class BodySanitizer {
  private static final Safelist SAFE =
      new Safelist()
          .addTags(
              "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "em", "strong", "b", "i",
              "a", "br", "figure", "figcaption", "img", "cite", "q", "sub", "sup", "small")
          .addAttributes("a", "href", "title")
          .addAttributes("img", "src", "alt", "width", "height")
          .addAttributes("blockquote", "cite")
          .addProtocols("a", "href", "http", "https")
          .addProtocols("img", "src", "http", "https")
          .addProtocols("blockquote", "cite", "http", "https")
          .addEnforcedAttribute("a", "rel", "noopener");

  private BodySanitizer() {}

  /**
   * Cleans {@code html}; relative links are made absolute against {@code baseUrl} (the item's own
   * link), or dropped when there is none.
   */
  public static String clean(String html, String baseUrl) {
    String base = baseUrl == null ? "" : baseUrl;
    Document dirty = Jsoup.parseBodyFragment(html, base);
    // Tracking pixels: images that declare themselves one or two pixels wide or high.
    for (Element img : dirty.select("img[width~=^[0-2]$], img[height~=^[0-2]$]")) {
      img.remove();
    }
    Document clean = new Cleaner(SAFE).clean(dirty);
    for (Element img : clean.select("img")) {
      img.attr("loading", "lazy");
      if (!img.hasAttr("alt")) {
        img.attr("alt", "");
      }
    }
    // A link whose address was unsafe and removed is just text.
    clean.select("a:not([href])").unwrap();
    clean.select("p:matchesOwn(^\\s*$):not(:has(*))").remove();
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }
}
