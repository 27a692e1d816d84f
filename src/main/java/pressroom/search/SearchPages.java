package pressroom.search;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.accounts.Auth;
import pressroom.articles.ArticleDao;
import pressroom.articles.ArticleSummary;
import pressroom.articles.ContentChanges;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/** The search page and API, and the follower that keeps the index in step with the database. */
public final class SearchPages implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchPages.class);
  static final int PAGE_SIZE = 10;

  private final ArticleIndex index;
  private final ArticleDao dao;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final Stamp.Clock clock;
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "search-refresh");
        t.setDaemon(true);
        return t;
      });

  public SearchPages(ArticleIndex index, ArticleDao dao, Templates templates, Supplier<Chrome> chrome, Csrf csrf, Stamp.Clock clock) {
    this.index = index;
    this.dao = dao;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.clock = clock;
    refresher.scheduleWithFixedDelay(this::refreshIfDirty, 200, 200, TimeUnit.MILLISECONDS);
  }

  /** From the change log: the article is indexed again, or removed when no longer published. */
  public void changed(String articleId) {
    if (articleId.startsWith(ContentChanges.PAGE_ONLY)) {
      return; // comments do not change what is searched
    }
    if (ContentChanges.EVERYTHING.equals(articleId)) {
      rebuild();
      return;
    }
    dao.findPublishedById(articleId, Instant.now()).ifPresentOrElse(index::put, () -> index.remove(articleId));
    dirty.set(true);
  }

  /** Builds the index from the database (first start, or `pressroom reindex`); returns the count. */
  public int rebuild() {
    index.clear();
    int n = 0;
    Instant now = Instant.now();
    for (int offset = 0; ; offset += 500) {
      List<ArticleSummary> page = dao.latest(500, offset, now);
      for (ArticleSummary s : page) {
        dao.findPublished(s.slug(), now).ifPresent(index::put);
        n++;
      }
      if (page.size() < 500) {
        break;
      }
    }
    index.refresh();
    log.info("Search index built: {} articles", n);
    return n;
  }

  private void refreshIfDirty() {
    if (dirty.getAndSet(false)) {
      try {
        index.refresh();
      } catch (RuntimeException e) {
        log.warn("Search index refresh failed: {}", e.toString());
      }
    }
  }

  /** Result page model. */
  public record Page(Chrome chrome, Head head, String query, String sort, ArticleIndex.Results results, List<Row> rows, int page, String previous, String next) {}

  public record Row(ArticleIndex.Hit hit, Stamp published) {}

  public void page(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    if (q.length() > 500) {
      throw PageException.badRequest("The search is longer than 500 characters; shorten it.");
    }
    int page = PageNumbers.parse(ctx.queryParam("page"), 1000);
    boolean newest = "newest".equals(ctx.queryParam("sort"));
    ArticleIndex.Results r = q.isBlank() ? new ArticleIndex.Results(0, List.of()) : index.search(q, newest, page, PAGE_SIZE);
    String base = "/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + (newest ? "&sort=newest" : "");
    Chrome c = chrome.get().as(Auth.viewer(ctx), Auth.account(ctx).isPresent() ? csrf.token(ctx) : null);
    List<Row> rows = r.hits().stream().map(h -> new Row(h, clock.stamp(Instant.ofEpochMilli(h.published())))).toList();
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8").result(templates.render("search/results.jte", new Page(c,
        new Head(q.isBlank() ? "Search — " + c.siteName() : q + " — search — " + c.siteName(), "Search the articles", null, "noindex,follow", List.of(), null),
        q, newest ? "newest" : "relevance", r, rows, page,
        page > 1 ? base + "&page=" + (page - 1) : null,
        (long) page * PAGE_SIZE < r.total() ? base + "&page=" + (page + 1) : null)));
  }

  public void api(Context ctx) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    String section = ctx.queryParam("section");
    String full = section == null ? q : q + " section:" + section;
    int page = PageNumbers.parse(ctx.queryParam("page"), 1000);
    ArticleIndex.Results r = full.isBlank() ? new ArticleIndex.Results(0, List.of()) : index.search(full, "newest".equals(ctx.queryParam("sort")), page, PAGE_SIZE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", q);
    out.put("total", r.total());
    out.put("page", page);
    out.put("items", r.hits().stream().map(h -> Map.of("id", h.id(), "url", "/articles/" + h.slug(), "headline", h.headline(), "snippet", h.snippet())).toList());
    ctx.json(out);
  }

  @Override
  public void close() {
    // No interrupt: an interrupted Lucene write closes the index for good.
    refresher.shutdown();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
