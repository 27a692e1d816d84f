package pressroom.ingest.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a feed's bytes into items: RSS 0.91–2.0 and RSS 1.0 (RDF) and Atom through Rome, JSON Feed
 * and IPTC ninjs through Jackson. Pure: no I/O besides the given bytes, no state. Hostile input
 * (DOCTYPEs, entity bombs, XXE, huge or deeply nested documents) fails fast with a {@link
 * FeedException}; one broken item never loses the rest — it is skipped with the reason.
 */
public final class FeedParser {
  /** Bodies over this size are refused; the fetcher caps downloads at the same size. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  /** JSON nesting deeper than this is refused (real feeds nest fewer than ten levels). */
  static final int MAX_JSON_DEPTH = 200;

  /** One JSON string longer than this (in characters) is refused. */
  static final int MAX_JSON_STRING = 5_000_000;

  private static final ObjectMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_JSON_DEPTH)
                          .maxStringLength(MAX_JSON_STRING)
                          .maxDocumentLength(MAX_BYTES)
                          .build())
                  .build())
          .build();

  /**
   * What a format reader found, before items are mapped one by one.
   *
   * @param items one supplier per item in feed order; each maps its item or throws
   * @param notes problems with the feed as a whole that did not stop reading it
   */
  record Read(
      FeedFormat format,
      String title,
      String language,
      List<Supplier<FeedItem>> items,
      List<String> notes) {}

  private FeedParser() {}

  /**
   * Parses a feed.
   *
   * @param body the feed's bytes as fetched (decompressed)
   * @param contentType the HTTP Content-Type, for its charset; may be null
   * @param format the format to read, or AUTO (or null) to detect it from the bytes
   * @param baseUrl the feed's URL, used to make item links and image URLs absolute; may be null
   * @return the items in feed order and the reasons for any skipped
   * @throws FeedException when nothing can be read; the message says why in plain words
   */
  public static ParsedFeed parse(byte[] body, String contentType, FeedFormat format, String baseUrl)
      throws FeedException {
    FeedFormat wanted = format == null ? FeedFormat.AUTO : format;
    if (body == null) {
      throw new FeedException("the feed is empty");
    }
    if (body.length > MAX_BYTES) {
      throw new FeedException(
          String.format(
              Locale.ROOT,
              "the feed is %.1f MB, over the %d MB limit",
              body.length / (1024.0 * 1024.0),
              MAX_BYTES / (1024 * 1024)));
    }
    if (isBlank(body)) {
      throw new FeedException("the feed is empty");
    }
    try {
      Read read =
          looksLikeJson(body)
              ? readJson(body, contentType, wanted, baseUrl)
              : readXml(body, contentType, wanted, baseUrl);
      return assemble(read);
    } catch (FeedException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new FeedException("the feed could not be read: " + e, e);
    }
  }

  private static Read readXml(byte[] body, String contentType, FeedFormat format, String baseUrl)
      throws FeedException {
    if (format == FeedFormat.JSONFEED || format == FeedFormat.NINJS) {
      throw new FeedException("expected " + label(format) + " but the document is XML");
    }
    Read read = RomeItems.read(body, contentType, baseUrl);
    if (format != FeedFormat.AUTO && format != read.format()) {
      throw new FeedException(
          "expected " + label(format) + " but the document is " + label(read.format()));
    }
    return read;
  }

  private static Read readJson(byte[] body, String contentType, FeedFormat format, String baseUrl)
      throws FeedException {
    if (format == FeedFormat.RSS || format == FeedFormat.ATOM) {
      throw new FeedException("expected " + label(format) + " but the document is JSON");
    }
    JsonNode root = parseJson(FeedDecoding.decode(body, contentType));
    boolean jsonFeed = JsonFeedItems.looksLike(root);
    boolean ninjs = !jsonFeed && NinjsItems.looksLike(root);
    if (format == FeedFormat.JSONFEED && ninjs) {
      throw new FeedException("expected JSON Feed but the document is ninjs");
    }
    if (format == FeedFormat.NINJS && jsonFeed) {
      throw new FeedException("expected ninjs but the document is a JSON Feed");
    }
    if (format == FeedFormat.JSONFEED || (format == FeedFormat.AUTO && jsonFeed)) {
      return JsonFeedItems.read(root, baseUrl);
    }
    if (format == FeedFormat.NINJS || ninjs) {
      return NinjsItems.read(root, baseUrl);
    }
    throw new FeedException(
        "the JSON document is neither a JSON Feed (no \"version\": \""
            + JsonFeedItems.VERSION_PREFIX
            + "…\") nor ninjs (no uri, headline or body fields)");
  }

  private static JsonNode parseJson(String text) throws FeedException {
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !(root.isObject() || root.isArray())) {
        throw new FeedException("the JSON document holds no object or list");
      }
      return root;
    } catch (StreamConstraintsException e) {
      String message = e.getOriginalMessage();
      if (message.contains("nesting depth")) {
        throw new FeedException(
            "the JSON nests more than " + MAX_JSON_DEPTH + " levels deep, which is refused", e);
      }
      if (message.contains("String value length")) {
        throw new FeedException(
            "the JSON holds a text longer than "
                + MAX_JSON_STRING
                + " characters, which is refused",
            e);
      }
      throw new FeedException("the JSON is too large to read: " + message, e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new FeedException(
          "the feed is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Maps each item on its own, skipping broken ones and ones with nothing to identify them, and
   * sorts out repeated guids: a repeat with the same link is the same item listed twice (kept
   * once); a guid shared by different links identifies nothing, so it is dropped from them.
   */
  private static ParsedFeed assemble(Read read) {
    List<String> skipped = new ArrayList<>(read.notes());
    List<FeedItem> items = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < read.items().size(); i++) {
      int position = i + 1;
      FeedItem item;
      try {
        item = read.items().get(i).get();
      } catch (RuntimeException | StackOverflowError e) {
        skipped.add("item " + position + ": could not be read (" + reason(e) + ")");
        continue;
      }
      if (item.title() == null && item.link() == null && item.guid() == null) {
        skipped.add("item " + position + ": no title, link or guid");
        continue;
      }
      items.add(item);
      positions.add(position);
    }
    Map<String, List<Integer>> byGuid = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).guid() != null) {
        byGuid.computeIfAbsent(items.get(i).guid(), g -> new ArrayList<>()).add(i);
      }
    }
    boolean[] drop = new boolean[items.size()];
    for (List<Integer> same : byGuid.values()) {
      if (same.size() < 2) {
        continue;
      }
      Map<String, Integer> firstByLink = new HashMap<>();
      for (int index : same) {
        Integer first = firstByLink.putIfAbsent(String.valueOf(items.get(index).link()), index);
        if (first != null) {
          drop[index] = true;
          skipped.add(
              "item "
                  + positions.get(index)
                  + ": repeats item "
                  + positions.get(first)
                  + " (same guid \""
                  + items.get(index).guid()
                  + "\" and link)");
        }
      }
      if (firstByLink.size() > 1) {
        for (int index : same) {
          items.set(index, withoutGuid(items.get(index)));
        }
      }
    }
    List<FeedItem> kept = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!drop[i]) {
        kept.add(items.get(i));
      }
    }
    return new ParsedFeed(read.format(), read.title(), read.language(), kept, skipped);
  }

  private static FeedItem withoutGuid(FeedItem i) {
    return new FeedItem(
        null,
        i.link(),
        i.title(),
        i.authors(),
        i.published(),
        i.updated(),
        i.contentHtml(),
        i.summaryHtml(),
        i.tags(),
        i.image(),
        i.language(),
        i.version(),
        i.pubStatus(),
        i.embargoedUntil(),
        i.unreadableDate());
  }

  private static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "it nests too deeply";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String label(FeedFormat format) {
    return switch (format) {
      case RSS -> "RSS";
      case ATOM -> "Atom";
      case JSONFEED -> "JSON Feed";
      case NINJS -> "ninjs";
      case AUTO -> "any feed";
    };
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** JSON starts with '{' or '[' after whitespace and any byte order mark (UTF-8 or UTF-16). */
  private static boolean looksLikeJson(byte[] body) {
    for (byte b : body) {
      int c = b & 0xFF;
      if (c == '{' || c == '[') {
        return true;
      }
      boolean skippable =
          c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0 || c == 0xEF || c == 0xBB
              || c == 0xBF || c == 0xFE || c == 0xFF;
      if (!skippable) {
        return false;
      }
    }
    return false;
  }
}
