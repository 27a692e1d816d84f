package pressroom.comments;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns what a reader typed into safe HTML: paragraphs, emphasis and quotes through CommonMark
 * (raw HTML escaped, not passed), links made clickable with rel="nofollow ugc noopener". Pure.
 */
public final class CommentText {
  public static final int MAX_LENGTH = 5_000;

  private static final Parser PARSER =
      Parser.builder().enabledBlockTypes(Set.of(BlockQuote.class)).build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br>").build();
  private static final Safelist SAFE =
      new Safelist()
          .addTags("p", "em", "strong", "blockquote", "br", "a")
          .addAttributes("a", "href")
          .addProtocols("a", "href", "http", "https")
          .addEnforcedAttribute("a", "rel", "nofollow ugc noopener");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

  private CommentText() {}

  public static String toHtml(String text) {
    String html = RENDERER.render(PARSER.parse(text));
    Document doc = Jsoup.parseBodyFragment(html);
    linkify(doc.body());
    Document clean = new Cleaner(SAFE).clean(doc);
    for (Element a : clean.getElementsByTag("a")) {
      if (!a.hasAttr("href")) {
        a.unwrap();
      }
    }
    clean.outputSettings().prettyPrint(false);
    return clean.body().html();
  }

  /** How many links the text holds (markdown links and bare addresses). */
  public static int links(String text) {
    Matcher m = URL.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A comparable form, to spot the same comment posted twice. */
  public static String normalized(String text) {
    return NOT_WORD.matcher(text.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
  }

  /** A short digest of {@link #normalized}: equal for texts that count as the same comment. */
  public static String key(String text) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(normalized(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(d, 16));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void linkify(Element root) {
    for (TextNode t : root.textNodes()) {
      if (t.parent() instanceof Element p && p.tagName().equals("a")) {
        continue;
      }
      String text = t.getWholeText();
      Matcher m = URL.matcher(text);
      if (!m.find()) {
        continue;
      }
      int last = 0;
      m.reset();
      while (m.find()) {
        t.before(new TextNode(text.substring(last, m.start())));
        t.before(new Element("a").attr("href", m.group()).text(m.group()));
        last = m.end();
      }
      t.before(new TextNode(text.substring(last)));
      t.remove();
    }
    for (Element child : root.children()) {
      if (!child.tagName().equals("a")) {
        linkify(child);
      }
    }
  }
}
