package pressroom.ingest.mapping;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import pressroom.articles.ArticleStatus;
import pressroom.articles.BodySanitizer;
import pressroom.articles.Image;
import pressroom.articles.NewArticle;
import pressroom.ingest.formats.FeedItem;
import pressroom.ingest.formats.ItemFields;
import pressroom.ingest.sources.FeedSource;

/**
 * Turns a parsed feed item into an article to store, applying the source's licence (full text or
 * summary only) and cleaning everything. Pure: no I/O, and no clock of its own.
 */
public final class ItemMapper {
  private static final Set<String> RTL =
      Set.of("ar", "fa", "he", "iw", "ur", "ps", "ckb", "dv", "yi", "sd", "ug", "syr");
  private static final int SUMMARY_LENGTH = 300;
  private static final int MAX_TAGS = 12;
  private static final int MAX_BYLINES = 10_000;
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");

  /**
   * Bylines split into names, each distinct byline once: the same few recur all through a feed (its
   * reporters), and splitting one is a dozen regular expressions. Bounded; shared by threads.
   */
  private final Map<List<String>, List<String>> bylines = new ConcurrentHashMap<>();

  private final FeedSource source;
  private final BylineParser bylineParser;

  /**
   * A mapper for the items of {@code source}, whose own name is credit in its bylines as much as
   * the site's {@code agencies} are. Shared by the threads mapping that source's items.
   */
  public ItemMapper(FeedSource source, AgencyNames agencies) {
    this.source = source;
    this.bylineParser = new BylineParser(agencies.plus(source.name()));
  }

  /** A mapped item, or why it was skipped. */
  public sealed interface Mapped {
    record Ok(Candidate candidate) implements Mapped {}

    record Skipped(String reason) implements Mapped {}
  }

  /**
   * @param now when the item is first seen: the date of an item that gives none
   */
  public Mapped map(FeedItem item, String feedLanguage, Instant now) {
    String link = httpUrl(item.link());
    String guid = item.guid() != null && !item.guid().isBlank() ? item.guid().strip() : link;
    if (guid == null) {
      return new Mapped.Skipped("it has neither a guid nor a link");
    }
    String headline = item.title() == null ? "" : ItemFields.collapseSpaces(item.title().strip());
    if (headline.isEmpty()) {
      return new Mapped.Skipped("it has no title (" + shorten(guid, 80) + ")");
    }
    String rawBody =
        source.fullText() && item.contentHtml() != null && !item.contentHtml().isBlank()
            ? item.contentHtml()
            : item.summaryHtml();
    BodySanitizer.Cleaned cleaned =
        BodySanitizer.sanitize(rawBody == null ? "" : asHtml(rawBody), link);
    TextFingerprint text = TextFingerprint.of(cleaned.body());
    if (text.blank()) {
      return new Mapped.Skipped("it has no text (" + shorten(headline, 80) + ")");
    }
    String body = cleaned.html();
    boolean bodyIsSummary = rawBody == item.summaryHtml();
    String summary = bodyIsSummary ? "" : summaryOf(item.summaryHtml(), cleaned);

    Instant published =
        item.published() != null ? item.published() : item.updated() != null ? item.updated() : now;
    if (item.embargoedUntil() != null && item.embargoedUntil().isAfter(published)) {
      published = item.embargoedUntil();
    }
    Instant updated =
        item.updated() != null && item.updated().isAfter(published) ? item.updated() : published;

    String language = language(item.language() != null ? item.language() : feedLanguage);
    List<String> authors = authors(item.authors());
    List<String> tags = tags(item.tags());
    Image image = image(item.image());
    String hash = hash(headline, summary, body, authors, tags, image);
    // Body only: partners rewrite headlines far more than they rewrite the text.
    long simhash = text.simhash();
    NewArticle article =
        new NewArticle(
            source.sectionSlug(),
            source.id(),
            headline,
            summary,
            authors,
            body,
            language,
            RTL.contains(language.split("-")[0]) ? "rtl" : "ltr",
            link,
            published,
            updated,
            tags,
            ArticleStatus.PUBLISHED,
            image,
            new NewArticle.Provenance(guid, hash, item.version(), simhash, null));
    return new Mapped.Ok(new Candidate(article, item.pubStatus(), item.updated()));
  }

  private List<String> authors(List<String> raw) {
    List<String> known = bylines.get(raw);
    if (known != null) {
      return known;
    }
    List<String> split = List.copyOf(bylineParser.splitAll(raw));
    if (bylines.size() >= MAX_BYLINES) {
      bylines.clear();
    }
    bylines.put(List.copyOf(raw), split);
    return split;
  }

  /** Plain text sent where HTML was expected becomes paragraphs. */
  private static String asHtml(String raw) {
    if (raw.contains("<")) {
      return raw;
    }
    StringBuilder sb = new StringBuilder();
    for (String para : raw.split("\\n\\s*\\n")) {
      if (!para.isBlank()) {
        sb.append("<p>").append(org.jsoup.nodes.Entities.escape(para.strip())).append("</p>");
      }
    }
    return sb.toString();
  }

  private static String summaryOf(String summaryHtml, BodySanitizer.Cleaned body) {
    String text = "";
    if (summaryHtml != null && !summaryHtml.isBlank()) {
      boolean markup = summaryHtml.indexOf('<') >= 0 || summaryHtml.indexOf('&') >= 0;
      text =
          markup
              ? Jsoup.parseBodyFragment(summaryHtml).text()
              : ItemFields.collapseSpaces(summaryHtml.strip());
    }
    if (text.isBlank()) {
      text = body.firstParagraph();
    }
    return shorten(text.strip(), SUMMARY_LENGTH);
  }

  public static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
  }

  private static String language(String raw) {
    if (raw == null || raw.isBlank() || !LANGUAGE_TAG.matcher(raw.strip()).matches()) {
      return "en";
    }
    return raw.strip().replace('_', '-').toLowerCase(Locale.ROOT);
  }

  private static List<String> tags(List<String> raw) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String t : raw) {
      String tag = t == null ? "" : ItemFields.collapseSpaces(t.strip());
      if (!tag.isEmpty()
          && tag.length() <= 60
          && seen.add(tag.toLowerCase(Locale.ROOT))
          && out.size() < MAX_TAGS) {
        out.add(tag);
      }
    }
    return out;
  }

  private static Image image(FeedItem.LeadImage raw) {
    if (raw == null || httpUrl(raw.url()) == null) {
      return null;
    }
    return new Image(raw.url(), blankToNull(raw.caption()), blankToNull(raw.credit()));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String httpUrl(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? u : null;
  }

  /** The content hash stored with an article: a change in any part means a new revision. */
  static String hash(
      String headline,
      String summary,
      String body,
      List<String> authors,
      List<String> tags,
      Image image) {
    Digest digest = DIGESTS.get();
    for (String part :
        List.of(
            headline,
            summary,
            body,
            String.join("|", authors),
            String.join("|", tags),
            image == null ? "" : image.toString())) {
      digest.update(part);
    }
    return HexFormat.of().formatHex(digest.md.digest(), 0, 16);
  }

  private static final ThreadLocal<Digest> DIGESTS = ThreadLocal.withInitial(Digest::new);

  /**
   * SHA-256 over each part's UTF-8 bytes and a zero byte, as {@code getBytes(UTF_8)} gives them (a
   * lone surrogate becomes '?'), encoded into buffers kept per thread: the bytes of every body were
   * a tenth of an import's allocation.
   */
  private static final class Digest {
    /** Buffers kept for the next item; a larger part gets buffers of its own, not kept. */
    private static final int KEPT = 64 * 1024;

    final MessageDigest md;
    private final CharsetEncoder utf8 =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final char[] keptChars = new char[KEPT];
    private final ByteBuffer keptBytes = ByteBuffer.allocate(3 * KEPT);

    Digest() {
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void update(String part) {
      int n = part.length();
      char[] chars = n <= KEPT ? keptChars : new char[n];
      ByteBuffer bytes = n <= KEPT ? keptBytes : ByteBuffer.allocate(3 * n);
      part.getChars(0, n, chars, 0);
      bytes.clear();
      utf8.reset();
      CharBuffer in = CharBuffer.wrap(chars, 0, n);
      if (utf8.encode(in, bytes, true).isOverflow() || utf8.flush(bytes).isOverflow()) {
        throw new IllegalStateException("UTF-8 buffer too small"); // 3 bytes a char always fit
      }
      md.update(bytes.array(), 0, bytes.position());
      md.update((byte) 0);
    }
  }
}
