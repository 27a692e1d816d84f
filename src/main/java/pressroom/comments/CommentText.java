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
 * Turns what a reader typed into safe HTML: paragraphs, emphasis and quotes through CommonMark (raw
 * HTML escaped, not passed), links made clickable with rel="nofollow ugc noopener". Pure.
 */
public final class CommentText {
  public static final int MAX_LENGTH = 5_000;

  /** The limit as readers read it: "5,000". */
  public static final String LIMIT_LABEL =
      String.format(java.util.Locale.ENGLISH, "%,d", MAX_LENGTH);

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
  private static final String PLAIN_PUNCTUATION = " .,;:'?()/%";
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");

  private CommentText() {}

  public static String toHtml(String text) {
    if (plain(text)) {
      // Most comments are one line of words and ordinary punctuation: nothing for Markdown, links
      // or the cleaner to do, and the full path would give exactly this (CommentTextTest checks).
      return "<p>" + text + "</p>\n";
    }
    return rendered(text);
  }

  /**
   * One line of letters, digits, single spaces and punctuation that means nothing to Markdown or
   * HTML.
   */
  static boolean plain(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ' || text.contains("://")) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean ok =
          c < 128
              ? c >= 'a' && c <= 'z'
                  || c >= 'A' && c <= 'Z'
                  || c >= '0' && c <= '9'
                  || PLAIN_PUNCTUATION.indexOf(c) >= 0
              : Character.isLetter(c) && !Character.isSurrogate(c);
      if (!ok || c == ' ' && text.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  static String rendered(String text) {
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
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(normalized(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(java.util.Arrays.copyOf(d, 16));
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
