package pressroom.search;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Stamp;
import pressroom.web.SurrogateKeys;
import pressroom.web.Templates;

/** The search page and API; they say so while the index is still being built. */
public final class SearchPages {
  static final int PAGE_SIZE = 10;

  private final ArticleIndex index;
  // Read first on every search: results of a build that ends meanwhile keep its notice.
  private final Supplier<IndexStatus> indexStatus;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final Stamp.Clock clock;
  // When "past week" and the like begin.
  private final InstantSource now;

  public SearchPages(
      ArticleIndex index,
      Supplier<IndexStatus> indexStatus,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      Stamp.Clock clock,
      InstantSource now) {
    this.index = index;
    this.indexStatus = indexStatus;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.clock = clock;
    this.now = now;
  }

  /** Runs the search the parameters describe. */
  SearchResults run(SearchParams p) {
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

  /**
   * Anonymous results: a minute in a shared cache, then up to a minute more while it asks again.
   */
  static final String SHARED =
      "public, max-age=0, s-maxage=60, stale-while-revalidate=60, stale-if-error=3600";

  public void page(Context ctx) {
    IndexStatus status = indexStatus.get();
    SearchParams.Typed typed = SearchParams.typed(ctx);
    SearchParams p = typed.params();
    SearchResults r = run(p);
    Chrome c =
        chrome.get().as(Auth.viewer(ctx), Auth.account(ctx).isPresent() ? csrf.token(ctx) : null);
    List<SearchPage.Row> rows =
        r.hits().stream()
            .map(h -> new SearchPage.Row(h, clock.stamp(Instant.ofEpochMilli(h.published()))))
            .toList();
    boolean shareable =
        Auth.account(ctx).isEmpty()
            && typed.problems().isEmpty()
            && status.state() == IndexStatus.State.READY;
    if (shareable) {
      // The same answer for every anonymous reader, so a shared cache may keep it briefly (not
      // the page cache here: queries are too many to be worth it). Browsers ask again each time.
      ctx.header("Cache-Control", SHARED);
      ctx.header("Vary", pressroom.web.PageCache.CachedPage.VARY);
      ctx.header(SurrogateKeys.HEADER, SurrogateKeys.page().add(SurrogateKeys.SEARCH).toString());
    } else {
      // Results for one reader, and the notice of an index being built, are kept nowhere.
      ctx.header("Cache-Control", "no-store");
    }
    ctx.status(typed.problems().isEmpty() ? 200 : 400)
        .contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "search/results.jte", SearchPage.of(c, typed, r, rows, PAGE_SIZE, status)));
  }

  public void api(Context ctx) {
    IndexStatus status = indexStatus.get();
    SearchParams p = SearchParams.from(ctx);
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
