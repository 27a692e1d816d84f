package pressroom.search;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/** The search page and API; they say so while the index is still being built. */
public final class SearchPages {
  static final int PAGE_SIZE = 10;

  private final ArticleIndex index;
  private final Indexer indexer;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final Stamp.Clock clock;
  // When "past week" and the like begin.
  private final InstantSource now;

  public SearchPages(
      ArticleIndex index,
      Indexer indexer,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      Stamp.Clock clock,
      InstantSource now) {
    this.index = index;
    this.indexer = indexer;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.clock = clock;
    this.now = now;
  }

  /**
   * A search as its URL states it: the words, the filters beside them (section, source, author
   * slugs; a time span or a from/to date range in the site's time zone), order and page.
   */
  public record Params(
      String q,
      String section,
      String source,
      String author,
      DateSpan within,
      LocalDate from,
      LocalDate to,
      boolean newest,
      int page) {
    public boolean empty() {
      return q.isBlank()
          && section == null
          && source == null
          && author == null
          && within == null
          && from == null
          && to == null;
    }

    /**
     * This search with one parameter changed (null removes it), back on its first page unless the
     * change is the page.
     */
    String with(String key, String value) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("q", q.isBlank() ? null : q);
      p.put("section", section);
      p.put("source", source);
      p.put("author", author);
      p.put("within", within == null ? null : within.key());
      p.put("from", from == null ? null : from.toString());
      p.put("to", to == null ? null : to.toString());
      p.put("sort", newest ? "newest" : null);
      if (key.equals("dates")) { // one date filter at a time: a span replaces a range
        p.put("from", null);
        p.put("to", null);
        p.put("within", value);
      } else {
        p.put(key, value); // "page" goes last, and only when asked for
      }
      StringBuilder url = new StringBuilder("/search");
      char sep = '?';
      for (var e : p.entrySet()) {
        if (e.getValue() != null) {
          url.append(sep)
              .append(e.getKey())
              .append('=')
              .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
          sep = '&';
        }
      }
      return url.toString();
    }
  }

  /**
   * Reads and checks a search from the query string; a value that cannot be right is a 400 naming
   * it.
   */
  Params params(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    if (q.length() > QueryText.MAX_LENGTH) {
      throw PageException.badRequest(
          "The search is longer than " + QueryText.MAX_LENGTH + " characters; shorten it.");
    }
    String within = blankToNull(ctx.queryParam("within"));
    DateSpan span = null;
    if (within != null) {
      span =
          Arrays.stream(DateSpan.values())
              .filter(v -> v.key().equals(within))
              .findFirst()
              .orElseThrow(
                  () ->
                      PageException.badRequest(
                          "The time span “" + within + "” is not one of: day, week, month, year."));
    }
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw PageException.badRequest(
          "The date range starts (" + from + ") after it ends (" + to + "); swap the dates.");
    }
    String sort = ctx.queryParam("sort");
    if (sort != null && !sort.isBlank() && !sort.equals("newest") && !sort.equals("relevance")) {
      throw PageException.badRequest("The order “" + sort + "” is not one of: relevance, newest.");
    }
    return new Params(
        q,
        slug(ctx, "section"),
        slug(ctx, "source"),
        slug(ctx, "author"),
        span,
        from,
        to,
        "newest".equals(sort),
        PageNumbers.parse(ctx.queryParam("page"), 1000));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String slug(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v != null && v.length() > 200) {
      throw PageException.badRequest("The " + name + " filter is longer than 200 characters.");
    }
    return v;
  }

  private static LocalDate date(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw PageException.badRequest(
          "The “" + name + "” date “" + v + "” is not a date like 2026-11-25.");
    }
  }

  /** Runs the search the parameters describe. */
  SearchResults run(Params p) {
    if (p.empty()) {
      return SearchResults.NONE;
    }
    ZoneId zone = clock.zone();
    Long from = p.from() == null ? null : p.from().atStartOfDay(zone).toInstant().toEpochMilli();
    if (p.within() != null) {
      long spanStart = now.millis() - p.within().length.toMillis();
      from = from == null ? spanStart : Math.max(from, spanStart);
    }
    Long to =
        p.to() == null
            ? null
            : p.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
    return index.search(
        new SearchRequest(
            p.q(), p.section(), p.source(), p.author(), from, to, p.newest(), p.page(), PAGE_SIZE));
  }

  /** Result page model. */
  public record Page(
      Chrome chrome,
      Head head,
      Params params,
      String sort,
      SearchResults results,
      List<Row> rows,
      List<Facet> facets,
      List<Choice> active,
      String previous,
      String next,
      IndexStatus index) {
    /** What readers are told while the index is incomplete; null once it is not. */
    public String notice() {
      return SearchPages.notice(index);
    }

    public String query() {
      return params.q();
    }

    /**
     * What readers are told when their search had more words than one uses; null when it had not.
     */
    public String shortened() {
      return results.shortened()
          ? "Only the first " + SearchQuery.MAX_TERMS + " words of this search were used."
          : null;
    }

    public int page() {
      return params.page();
    }

    /** A filter count as shown: grouped digits, "about" when it was estimated from a sample. */
    public String count(long n) {
      return (results.estimated() ? "about " : "") + String.format(Locale.ROOT, "%,d", n);
    }

    public String total() {
      return (results.estimated() ? "about " : "")
          + String.format(Locale.ROOT, "%,d", results.total())
          + (results.total() == 1 ? " article" : " articles");
    }
  }

  /**
   * "Search is catching up: 120,000 of about 1,000,000 articles indexed so far; …", or null when
   * the index is complete.
   */
  static String notice(IndexStatus s) {
    if (!s.incomplete()) {
      return null;
    }
    String done =
        String.format(Locale.ROOT, "%,d", s.indexed())
            + (s.expected() > 0 ? String.format(Locale.ROOT, " of about %,d", s.expected()) : "")
            + ((s.expected() > 0 ? s.expected() : s.indexed()) == 1 ? " article" : " articles");
    return s.state() == IndexStatus.State.BUILDING
        ? "Search is catching up: " + done + " indexed so far; results may be incomplete."
        : "Search is being rebuilt: "
            + done
            + " read again so far; results may be out of date until it finishes.";
  }

  public record Row(SearchResults.Hit hit, Stamp published) {}

  /** One group of filters beside the results (Section, Source, Author, Date) with their counts. */
  public record Facet(String title, List<Choice> choices) {}

  /** A filter a reader can click: adds it, or when {@code selected}, takes it away. */
  public record Choice(String label, long count, String href, boolean selected) {}

  public void page(Context ctx) {
    IndexStatus status =
        indexer.status(); // read first: results of a build that ends meanwhile keep its notice
    Params p = params(ctx);
    SearchResults r = run(p);
    Chrome c =
        chrome.get().as(Auth.viewer(ctx), Auth.account(ctx).isPresent() ? csrf.token(ctx) : null);
    List<Row> rows =
        r.hits().stream()
            .map(h -> new Row(h, clock.stamp(Instant.ofEpochMilli(h.published()))))
            .toList();
    List<Facet> facets = new ArrayList<>();
    facets.add(new Facet("Section", choices(p, "section", p.section(), r.sections())));
    facets.add(new Facet("Source", choices(p, "source", p.source(), r.sources())));
    facets.add(new Facet("Author", choices(p, "author", p.author(), r.authors())));
    facets.add(
        new Facet(
            "Date",
            r.dates().stream()
                .filter(d -> d.count() > 0)
                .map(
                    d ->
                        new Choice(
                            d.label(),
                            d.count(),
                            p.with(
                                "dates",
                                d.key().equals(p.within() == null ? null : p.within().key())
                                    ? null
                                    : d.key()),
                            p.within() != null && d.key().equals(p.within().key())))
                .toList()));
    facets.removeIf(f -> f.choices().isEmpty());
    List<Choice> active = new ArrayList<>();
    if (p.from() != null || p.to() != null) {
      String range =
          (p.from() == null ? "" : "from " + p.from())
              + (p.from() != null && p.to() != null ? " " : "")
              + (p.to() == null ? "" : "to " + p.to());
      active.add(
          new Choice(
              "Published " + range,
              0,
              p.with("dates", p.within() == null ? null : p.within().key()),
              true));
    }
    // Never cached (here or by the page cache): results, and the building notice, change as the
    // index does.
    ctx.header("Cache-Control", "no-store");
    String q = p.q();
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "search/results.jte",
                new Page(
                    c,
                    new Head(
                        p.empty()
                            ? "Search — " + c.siteName()
                            : (q.isBlank() ? "Filtered" : q) + " — search — " + c.siteName(),
                        "Search the articles",
                        null,
                        "noindex,follow",
                        List.of(),
                        null),
                    p,
                    p.newest() ? "newest" : "relevance",
                    r,
                    rows,
                    facets,
                    active,
                    p.page() > 1 ? p.with("page", String.valueOf(p.page() - 1)) : null,
                    (long) p.page() * PAGE_SIZE < r.total()
                        ? p.with("page", String.valueOf(p.page() + 1))
                        : null,
                    status)));
  }

  /**
   * The counted values of one filter; the chosen one (which a narrowed search counts alone) links
   * back out.
   */
  private static List<Choice> choices(
      Params p, String param, String chosen, List<SearchResults.Count> counts) {
    List<Choice> out = new ArrayList<>();
    for (SearchResults.Count c : counts) {
      boolean selected = c.key().equals(chosen);
      out.add(new Choice(c.label(), c.count(), p.with(param, selected ? null : c.key()), selected));
    }
    if (chosen != null && out.stream().noneMatch(Choice::selected)) {
      out.addFirst(
          new Choice(chosen, 0, p.with(param, null), true)); // chosen, but nothing matches it
    }
    return out;
  }

  public void api(Context ctx) {
    IndexStatus status = indexer.status();
    Params p = params(ctx);
    SearchResults r = run(p);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", p.q());
    out.put("total", r.total());
    out.put("page", p.page());
    out.put(
        "items",
        r.hits().stream()
            .map(
                h -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("id", h.id());
                  item.put("url", "/articles/" + h.slug());
                  item.put("headline", h.headline());
                  item.put("snippet", h.snippet());
                  item.put("section", h.sectionName());
                  item.put("source", h.sourceName());
                  item.put("byline", h.authors());
                  item.put("published", Instant.ofEpochMilli(h.published()).toString());
                  return item;
                })
            .toList());
    Map<String, Object> facets = new LinkedHashMap<>();
    facets.put("section", r.sections());
    facets.put("source", r.sources());
    facets.put("author", r.authors());
    facets.put("within", r.dates());
    out.put("facets", facets);
    out.put("facetsEstimated", r.estimated());
    out.put("rankedAmongNewest", r.rankedAmongNewest());
    out.put("shortened", r.shortened());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("state", status.state().key());
    if (status.incomplete()) {
      state.put("indexed", status.indexed());
      if (status.expected() > 0) {
        state.put("expected", status.expected());
      }
    }
    out.put("index", state);
    ctx.json(out);
  }
}
