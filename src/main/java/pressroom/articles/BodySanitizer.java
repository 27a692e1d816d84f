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
              "p",
              "h2",
              "h3",
              "h4",
              "ul",
              "ol",
              "li",
              "blockquote",
              "em",
              "strong",
              "b",
              "i",
              "a",
              "br",
              "figure",
              "figcaption",
              "img",
              "cite",
              "q",
              "sub",
              "sup",
              "small")
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
    return sanitize(html, baseUrl).html();
  }

  /** The cleaned HTML and the cleaned tree it was written from, for what else a caller reads. */
  public record Cleaned(String html, Element body) {
    /** The text of the first paragraph that has any, or "". */
    public String firstParagraph() {
      for (Element p : body.getElementsByTag("p")) {
        String text = p.text();
        if (!text.isEmpty()) {
          return text;
        }
      }
      return "";
    }
  }

  public static Cleaned sanitize(String html, String baseUrl) {
    Document dirty = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
    // Tracking pixels: images that declare themselves one or two pixels wide or high.
    for (Element img : dirty.getElementsByTag("img")) {
      if (tiny(img.attr("width")) || tiny(img.attr("height"))) {
        img.remove();
      }
    }
    Document clean = new Cleaner(SAFE).clean(dirty);
    for (Element img : clean.getElementsByTag("img")) {
      img.attr("loading", "lazy");
      if (!img.hasAttr("alt")) {
        img.attr("alt", "");
      }
    }
    for (Element a : clean.getElementsByTag("a")) {
      if (!a.hasAttr("href")) {
        a.unwrap(); // a link whose address was unsafe and removed is just text
      }
    }
    for (Element p : clean.getElementsByTag("p")) {
      if (!p.hasText() && p.childrenSize() == 0) { // hasText first: it stops at the first word
        p.remove();
      }
    }
    clean.outputSettings().prettyPrint(false);
    return new Cleaned(clean.body().html(), clean.body());
  }

  private static boolean tiny(String size) {
    return size.length() == 1 && size.charAt(0) >= '0' && size.charAt(0) <= '2';
  }
}
