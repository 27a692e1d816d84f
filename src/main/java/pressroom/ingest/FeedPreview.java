package pressroom.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pressroom.articles.Bylines;
import pressroom.ingest.fetch.FeedFetcher;
import pressroom.ingest.fetch.FetchOutcome;
import pressroom.ingest.fetch.FetchRequest;
import pressroom.ingest.formats.FeedException;
import pressroom.ingest.formats.FeedItem;
import pressroom.ingest.formats.FeedParser;
import pressroom.ingest.formats.ParsedFeed;
import pressroom.ingest.mapping.AgencyNames;
import pressroom.ingest.mapping.Candidate;
import pressroom.ingest.mapping.ItemMapper;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.NewSource;

/**
 * "Test this feed": fetches a feed the way a poll does — the same {@link FeedFetcher}, so the same
 * size, time and address limits — then parses and maps its items for the source being set up, and
 * stores nothing. The editor sees the first items as they would be published, the items that would
 * be left out and why, or what stopped the fetch or the parse.
 */
public final class FeedPreview {
  /** Items shown as they would be published; the rest are counted. */
  static final int SHOWN = 10;

  /** Skipped items named; the rest are counted. */
  static final int SKIPS_NAMED = 30;

  private final FeedFetcher fetcher;
  private final AgencyNames agencies;
  private final InstantSource clock;

  /**
   * @param agencies the names bylines credit rather than being written by, as a poll has them
   * @param clock what "too old" and "embargoed" are measured from, and the date of undated items
   */
  public FeedPreview(FeedFetcher fetcher, AgencyNames agencies, InstantSource clock) {
    this.fetcher = fetcher;
    this.agencies = agencies;
    this.clock = clock;
  }

  /**
   * One item as it would be published.
   *
   * @param bylines the authors the byline names, as the article page would list them
   * @param sentByline the byline as the feed sent it, when it says more than the names (credits)
   * @param published the date it would carry
   * @param original the partner's own page for it, or null
   * @param imageCredit the lead image's credit, or null
   * @param note what else the editor should know about it (an unreadable date, an embargo), or null
   */
  public record Item(
      String headline,
      List<String> bylines,
      String sentByline,
      Instant published,
      String original,
      String imageCredit,
      String note) {}

  /**
   * What the test found.
   *
   * @param problem what stopped the fetch or the parse, in plain words; null when the feed was read
   * @param title the feed's own title, or null
   * @param format the format it was read as ("rss", "atom", …)
   * @param publishable how many items would be published
   * @param items the first of them
   * @param skipped the items that would be left out, each with the reason
   * @param moreSkipped how many more were left out than {@code skipped} names
   */
  public record Result(
      String problem,
      String title,
      String format,
      int publishable,
      List<Item> items,
      List<String> skipped,
      int moreSkipped) {
    public Result {
      items = List.copyOf(items);
      skipped = List.copyOf(skipped);
    }

    static Result failed(String problem) {
      return new Result(problem, null, null, 0, List.of(), List.of(), 0);
    }

    public boolean ok() {
      return problem == null;
    }

    /** The format as people write it: "RSS", "Atom", "JSON Feed", "ninjs". */
    public String formatName() {
      return switch (String.valueOf(format)) {
        case "rss" -> "RSS";
        case "atom" -> "Atom";
        case "jsonfeed" -> "JSON Feed";
        default -> String.valueOf(format);
      };
    }
  }

  /** Fetches and reads {@code in}'s feed without storing anything. */
  public Result preview(NewSource in) {
    URI url;
    try {
      url = URI.create(in.feedUrl().strip());
    } catch (IllegalArgumentException e) {
      return Result.failed("'" + in.feedUrl() + "' is not a valid web address");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Result.failed("only http(s) feeds can be tested here");
    }
    FetchOutcome outcome = fetcher.fetch(new FetchRequest(url, null, null, in.requestHeaders()));
    return switch (outcome) {
      case FetchOutcome.Fetched f -> read(in, f);
      case FetchOutcome.NotModified n ->
          Result.failed(
              "the server answered 304 (not modified) to a request that asked for the"
                  + " whole feed");
      case FetchOutcome.RetryLater r ->
          Result.failed(
              "HTTP "
                  + r.status()
                  + ": the partner asked us to come back later"
                  + (r.retryAfter() == null
                      ? ""
                      : " (after " + r.retryAfter().toSeconds() + " s)"));
      case FetchOutcome.Gone g ->
          Result.failed("HTTP 410: the partner says this feed is gone for good");
      case FetchOutcome.Failed f -> Result.failed(f.reason());
    };
  }

  private Result read(NewSource in, FetchOutcome.Fetched fetched) {
    ParsedFeed feed;
    try {
      feed =
          FeedParser.parse(
              fetched.body(), fetched.contentType(), in.format(), fetched.finalUrl().toString());
    } catch (FeedException e) {
      return Result.failed("this is not a feed Pressroom can read: " + e.getMessage());
    }
    Instant now = clock.instant();
    ItemMapper mapper = new ItemMapper(asSource(in), agencies);
    List<String> skipped = new ArrayList<>(feed.skipped());
    List<Numbered> mapped = new ArrayList<>();
    int n = 0;
    for (FeedItem item : feed.items()) {
      n++;
      switch (mapper.map(item, feed.language(), now)) {
        case ItemMapper.Mapped.Ok ok -> mapped.add(new Numbered(n, item, ok.candidate()));
        case ItemMapper.Mapped.Skipped s -> skipped.add(label(item) + ": " + s.reason());
      }
    }
    // The parser names items by their place in the document; the items it kept are named by title.
    // A feed that repeats a guid: the last occurrence is the one stored (as a poll does).
    Map<String, Integer> lastOfGuid = new HashMap<>();
    mapped.forEach(m -> lastOfGuid.put(m.candidate().guid(), m.number()));
    Instant expiresBefore =
        in.expireAfterDays() > 0 ? now.minus(Duration.ofDays(in.expireAfterDays())) : null;
    List<Item> items = new ArrayList<>();
    int publishable = 0;
    for (Numbered m : mapped) {
      String why = skipReason(m, lastOfGuid, expiresBefore, in.expireAfterDays());
      if (why != null) {
        skipped.add(label(m.item()) + ": " + why);
        continue;
      }
      publishable++;
      if (items.size() < SHOWN) {
        items.add(item(m, now));
      }
    }
    int more = Math.max(0, skipped.size() - SKIPS_NAMED);
    return new Result(
        null,
        feed.title(),
        feed.format().cliName(),
        publishable,
        items,
        skipped.subList(0, Math.min(SKIPS_NAMED, skipped.size())),
        more);
  }

  private record Numbered(int number, FeedItem item, Candidate candidate) {}

  /** Why a mapped item would not be published, or null when it would. */
  private static String skipReason(
      Numbered m, Map<String, Integer> lastOfGuid, Instant expiresBefore, int days) {
    int last = lastOfGuid.get(m.candidate().guid());
    if (last != m.number()) {
      return "a duplicate: a later item has the same guid, and that one is kept";
    }
    if (m.candidate().pubStatus() != FeedItem.PubStatus.USABLE) {
      return "the partner marked it "
          + m.candidate().pubStatus().name().toLowerCase(Locale.ROOT)
          + ", so it is not shown";
    }
    Instant published = m.candidate().article().publishedAt();
    if (expiresBefore != null && !published.isAfter(expiresBefore)) {
      return "too old: the licence allows "
          + days
          + (days == 1 ? " day" : " days")
          + " after publication, so it would be removed at once";
    }
    return null;
  }

  private static Item item(Numbered m, Instant now) {
    var article = m.candidate().article();
    FeedItem item = m.item();
    // The byline as sent, when it says more than the names read from it (a credit, an agency).
    String sent = String.join("; ", item.authors()).strip();
    String names = Bylines.text(article.authorNames());
    boolean saysMore =
        !sent.isBlank()
            && !sent.equals(names)
            && !sent.equals(String.join(", ", article.authorNames()))
            && !sent.equalsIgnoreCase("By " + names);
    String note = null;
    if (item.unreadableDate() != null) {
      note =
          "its date (\""
              + ItemMapper.shorten(item.unreadableDate(), 60)
              + "\") could not be read, so it is dated when first seen";
    } else if (item.published() == null && item.updated() == null) {
      note = "it has no date, so it is dated when first seen";
    } else if (article.publishedAt().isAfter(now)) {
      note = "embargoed: it appears at the time shown";
    }
    return new Item(
        article.headline(),
        article.authorNames(),
        saysMore ? sent : null,
        article.publishedAt(),
        article.originalUrl(),
        article.image() == null ? null : article.image().credit(),
        note);
  }

  /** An item as a skip reason names it: by its title, else as "an item" (the reason says more). */
  private static String label(FeedItem item) {
    return item.title() == null || item.title().isBlank()
        ? "An item"
        : "“" + ItemMapper.shorten(item.title().strip(), 80) + "”";
  }

  /** The source being set up, as the mapper needs it; nothing of it is stored. */
  private static FeedSource asSource(NewSource in) {
    return new FeedSource(
        "preview",
        in.name(),
        in.homeUrl(),
        in.feedUrl(),
        in.format(),
        in.sectionSlug(),
        in.attribution(),
        in.priority(),
        in.interval(),
        in.requestHeaders(),
        in.seoPolicy(),
        in.fullText(),
        in.expireAfterDays(),
        FeedSource.State.ACTIVE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        null);
  }
}
