package pressroom.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.articles.Article;
import pressroom.articles.ArticleReads;
import pressroom.articles.ArticleSummary;
import pressroom.articles.Listings;
import pressroom.articles.Sections;
import pressroom.articles.Tag;
import pressroom.articles.Window;
import pressroom.reader.Pages.ArticlePage;
import pressroom.reader.Pages.HomePage;
import pressroom.reader.Pages.Item;
import pressroom.reader.Pages.ListingPage;
import pressroom.reader.Pages.Pagination;
import pressroom.reader.Pages.SectionBlock;
import pressroom.web.CachedPages;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.Head.MetaTag;
import pressroom.web.PageCache;
import pressroom.web.PageCache.CachedPage;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The reader pages: home, section, article, author and tag. Each is rendered once, kept in the
 * {@link PageCache} and served from there until its content changes.
 */
public final class ReaderPages {
  public static final int PAGE_SIZE = 20;
  private static final int MAX_PAGE = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArticleReads articles;
  private final Listings listings;
  private final Sections sections;
  private final PageCache cache;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final pressroom.comments.CommentDao comments;
  private final pressroom.comments.CommentService commentRules;
  private final pressroom.bookmarks.BookmarkDao bookmarks;
  private final Stamp.Clock clock;
  private final String baseUrl;

  public ReaderPages(
      ArticleReads articles,
      Listings listings,
      Sections sections,
      PageCache cache,
      Templates templates,
      Supplier<Chrome> chrome,
      Stamp.Clock clock,
      String baseUrl,
      Csrf csrf,
      pressroom.comments.CommentDao comments,
      pressroom.comments.CommentService commentRules,
      pressroom.bookmarks.BookmarkDao bookmarks) {
    this.bookmarks = bookmarks;
    this.csrf = csrf;
    this.comments = comments;
    this.commentRules = commentRules;
    this.articles = articles;
    this.listings = listings;
    this.sections = sections;
    this.cache = cache;
    this.templates = templates;
    this.chrome = chrome;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  public void home(Context ctx) {
    if (signedIn(ctx)) {
      sendFresh(ctx, renderHome(personal(ctx), true));
      return;
    }
    CachedPages.send(ctx, cache.get("/", () -> renderHome(chrome.get(), false)), csrf);
  }

  static final int COMMENT_ROOTS_PER_PAGE = 20;

  /** Which part of the thread a request asks for: order and page, validated. */
  record ThreadView(pressroom.comments.CommentDao.Sort sort, int page) {
    /** The canonical query for this view ("" for the default), as links and the cache use it. */
    String query() {
      String s = sort.name().toLowerCase(java.util.Locale.ROOT);
      if (sort == pressroom.comments.CommentDao.Sort.OLDEST) {
        return page == 1 ? "" : "?cpage=" + page;
      }
      return "?comments=" + s + (page == 1 ? "" : "&cpage=" + page);
    }
  }

  private static ThreadView threadView(Context ctx) {
    String sort = ctx.queryParam("comments");
    if (sort != null && !sort.equals("oldest") && !sort.equals("newest") && !sort.equals("liked")) {
      throw PageException.badRequest(
          "Comments can be sorted by oldest, newest or liked, not “" + sort + "”.");
    }
    int page = PageNumbers.parse(ctx.queryParam("cpage"), MAX_PAGE);
    return new ThreadView(pressroom.comments.CommentDao.Sort.of(sort), page);
  }

  public void article(Context ctx) {
    String slug = ctx.pathParam("slug");
    ThreadView view = threadView(ctx);
    if (signedIn(ctx)) {
      CachedPage fresh = renderArticle(slug, personal(ctx), ctx, view);
      if (fresh == null) {
        throw gone(slug);
      }
      sendFresh(ctx, fresh);
      return;
    }
    // Anonymous copies are shared; the sign-in box's CSRF token is put in as each is served.
    CachedPage page =
        cache.get(
            "/articles/" + slug + view.query(),
            () -> renderArticle(slug, chrome.get().as(null, Csrf.MARKER), null, view));
    if (page == null) {
      throw gone(slug);
    }
    CachedPages.send(ctx, page, csrf);
  }

  public void section(Context ctx) {
    String slug = ctx.pathParam("slug");
    listing(
        ctx,
        "/sections/" + slug,
        () ->
            sections
                .sectionBySlug(slug)
                .map(
                    s ->
                        new Listing(
                            "Section",
                            s.name(),
                            s.description(),
                            s.slug(),
                            new Listings.Listing.InSection(s.id())))
                .orElse(null));
  }

  public void author(Context ctx) {
    String slug = ctx.pathParam("slug");
    listing(
        ctx,
        "/authors/" + slug,
        () ->
            listings
                .authorBySlug(slug)
                .map(
                    a ->
                        new Listing(
                            "Author",
                            a.name(),
                            "Articles by " + a.name() + ", newest first.",
                            "",
                            new Listings.Listing.ByAuthor(a.id())))
                .orElse(null));
  }

  public void tag(Context ctx) {
    String slug = ctx.pathParam("slug");
    listing(
        ctx,
        "/tags/" + slug,
        () ->
            listings
                .tagBySlug(slug)
                .map(
                    t ->
                        new Listing(
                            "Tag",
                            t.name(),
                            "Articles tagged “" + t.name() + "”, newest first.",
                            "",
                            new Listings.Listing.WithTag(t.id())))
                .orElse(null));
  }

  /** What a listing page shows, and the listing it reads. */
  private record Listing(
      String kind,
      String heading,
      String description,
      String sectionSlug,
      Listings.Listing query) {}

  /** A listing's address for a window: its cache key, canonical URL and pagination link. */
  private static String address(String path, Window w) {
    return switch (w) {
      case Window.Numbered n ->
          n.offset() == 0 ? path : path + "?page=" + (n.offset() / PAGE_SIZE + 1);
      case Window.Before b -> path + "?before=" + b.position();
      case Window.After a -> path + "?after=" + a.position();
    };
  }

  private void listing(Context ctx, String path, Supplier<Listing> find) {
    Window asked =
        Window.of(
            ctx.queryParam("page"), ctx.queryParam("before"), ctx.queryParam("after"), PAGE_SIZE);
    String key = address(path, asked);
    boolean fresh = signedIn(ctx);
    Chrome frame = fresh ? personal(ctx) : chrome.get();
    Supplier<CachedPage> render =
        () -> {
          Listing l = find.get();
          if (l == null) {
            return null;
          }
          Instant now = Instant.now();
          Window window = asked;
          List<ArticleSummary> rows = listings.listing(l.query(), window, PAGE_SIZE + 1, now);
          boolean more = rows.size() > PAGE_SIZE;
          if (window instanceof Window.After && !more) {
            // Fewer than a page is newer: that is the first page.
            window = Window.FIRST;
            rows = listings.listing(l.query(), window, PAGE_SIZE + 1, now);
            more = rows.size() > PAGE_SIZE;
          }
          if (rows.isEmpty() && !window.equals(Window.FIRST)) {
            return null;
          }
          List<ArticleSummary> shown =
              !more
                  ? rows
                  : window instanceof Window.After
                      ? rows.subList(1, rows.size())
                      : rows.subList(0, PAGE_SIZE);
          String previous;
          String next;
          int number;
          switch (window) {
            case Window.Numbered n -> {
              number = n.offset() / PAGE_SIZE + 1;
              previous =
                  number == 1 ? null : address(path, new Window.Numbered(n.offset() - PAGE_SIZE));
              next =
                  !more
                      ? null
                      : number < Window.MAX_NUMBERED_PAGE
                          ? address(path, new Window.Numbered(n.offset() + PAGE_SIZE))
                          : address(path, new Window.Before(Window.Position.of(shown.getLast())));
            }
            case Window.Before b -> {
              number = 0;
              previous = address(path, new Window.After(Window.Position.of(shown.getFirst())));
              next =
                  more
                      ? address(path, new Window.Before(Window.Position.of(shown.getLast())))
                      : null;
            }
            case Window.After a -> {
              number = 0;
              previous = address(path, new Window.After(Window.Position.of(shown.getFirst())));
              next = address(path, new Window.Before(Window.Position.of(shown.getLast())));
            }
          }
          Pagination pagination = new Pagination(number, previous, next);
          String title =
              l.heading()
                  + (number > 1 ? " (page " + number + ")" : number == 0 ? " (older articles)" : "")
                  + " — "
                  + frame.siteName();
          Head head =
              Head.simple(title, l.description())
                  .withCanonical(baseUrl + address(path, window))
                  .withFeeds(path, l.heading());
          String html =
              templates.render(
                  "articles/listing.jte",
                  new ListingPage(
                      frame.in(l.sectionSlug()),
                      head,
                      l.kind(),
                      l.heading(),
                      l.description(),
                      items(shown),
                      pagination,
                      number > 0 || shown.isEmpty() ? null : span(shown)));
          return fresh ? CachedPage.forOneVisitor(null, html, now) : CachedPage.of(null, html, now);
        };
    CachedPage rendered = fresh ? render.get() : cache.get(key, render);
    if (rendered == null) {
      throw PageException.notFound();
    }
    if (fresh) {
      sendFresh(ctx, rendered);
    } else {
      CachedPages.send(ctx, rendered, csrf);
    }
  }

  /**
   * The days a page of articles (newest first) covers, oldest first: "30 October 2026 – 1 November
   * 2026".
   */
  private String span(List<ArticleSummary> shown) {
    String newest = clock.day(shown.getFirst().publishedAt());
    String oldest = clock.day(shown.getLast().publishedAt());
    return newest.equals(oldest) ? newest : oldest + " – " + newest;
  }

  /**
   * @param fresh for one signed-in reader (sent once), not the shared anonymous copy
   */
  private CachedPage renderHome(Chrome c, boolean fresh) {
    Instant now = Instant.now();
    List<Item> latest = items(listings.latest(10, now));
    List<SectionBlock> blocks = new ArrayList<>();
    // The four newest of each section the frame already holds: one read of its own index each.
    for (Chrome.NavSection s : c.sections()) {
      List<ArticleSummary> rows =
          listings.listing(new Listings.Listing.InSection(s.id()), Window.FIRST, 4, now);
      if (!rows.isEmpty()) {
        blocks.add(new SectionBlock(s, items(rows)));
      }
    }
    Head head =
        Head.simple(c.siteName(), "The latest news from " + c.siteName() + " and its partners.")
            .withCanonical(baseUrl + "/");
    String html = templates.render("articles/home.jte", new HomePage(c, head, latest, blocks));
    return fresh ? CachedPage.forOneVisitor(null, html, now) : CachedPage.of(null, html, now);
  }

  /**
   * @param ctx the signed-in reader's request, or null for the shared anonymous copy
   */
  private CachedPage renderArticle(String slug, Chrome frame, Context ctx, ThreadView view) {
    return articles
        .findPublished(slug, Instant.now())
        .map(
            a -> {
              Chrome c = frame.in(a.section().slug());
              // One top-level comment more than a page: its presence says there is a next page.
              List<pressroom.comments.Comment> thread =
                  comments.page(
                      a.id(),
                      view.sort(),
                      COMMENT_ROOTS_PER_PAGE + 1,
                      (view.page() - 1) * COMMENT_ROOTS_PER_PAGE);
              List<pressroom.comments.Comment> rootsHere =
                  thread.stream().filter(x -> x.parentId() == null).toList();
              boolean more = rootsHere.size() > COMMENT_ROOTS_PER_PAGE;
              if (more) {
                String extra = rootsHere.get(COMMENT_ROOTS_PER_PAGE).id();
                thread =
                    thread.stream()
                        .filter(x -> !extra.equals(x.id()) && !extra.equals(x.rootId()))
                        .toList();
              }
              if (ctx != null) {
                // A reader's own page leaves out the readers they muted.
                java.util.Set<String> muted = comments.muted(Auth.account(ctx).orElseThrow().id());
                if (!muted.isEmpty()) {
                  thread = thread.stream().filter(x -> !muted.contains(x.accountId())).toList();
                }
              }
              String base = "/articles/" + slug;
              ThreadView prev = new ThreadView(view.sort(), view.page() - 1);
              ThreadView next = new ThreadView(view.sort(), view.page() + 1);
              Pagination commentPages =
                  new Pagination(
                      view.page(),
                      view.page() > 1 ? base + prev.query() + "#comments" : null,
                      more ? base + next.query() + "#comments" : null);
              boolean open =
                  comments.policy(slug).map(p -> commentRules.open(p, Instant.now())).orElse(false);
              String state;
              if (!open) {
                state = "closed";
              } else if (ctx == null) {
                state = "anonymous";
              } else {
                pressroom.accounts.Account me = Auth.account(ctx).orElseThrow();
                state =
                    me.suspended(Instant.now())
                        ? "suspended"
                        : me.verified() ? "open" : "unverified";
              }
              String notice =
                  ctx == null
                      ? null
                      : switch (String.valueOf(ctx.queryParam("comment"))) {
                        case "held" ->
                            "Thank you: your comment waits for a moderator and will appear once approved.";
                        case "reported" ->
                            "Thank you: a moderator will look at the comment you reported.";
                        default -> null;
                      };
              String html =
                  templates.render(
                      "articles/article.jte",
                      new ArticlePage(
                          c,
                          head(a, c.siteName()),
                          a,
                          clock.stamp(a.publishedAt()),
                          a.wasUpdated() ? clock.stamp(a.updatedAt()) : null,
                          articles.alsoFrom(a, Instant.now()),
                          pressroom.comments.Comment.threads(thread),
                          comments.count(a.id()),
                          state,
                          notice,
                          view.page() == 1 ? comments.featured(a.id()) : List.of(),
                          view.sort().name().toLowerCase(java.util.Locale.ROOT),
                          commentPages,
                          ctx == null
                              ? null
                              : Auth.account(ctx).map(pressroom.accounts.Account::id).orElse(null),
                          baseUrl + "/articles/" + a.slug(),
                          ctx == null
                              ? null
                              : bookmarks.has(Auth.account(ctx).orElseThrow().id(), a.id()),
                          articles.related(a, 4, Instant.now())));
              return ctx == null
                  ? CachedPage.of(a.id(), html, Instant.now())
                  : CachedPage.forOneVisitor(a.id(), html, Instant.now());
            })
        .orElse(null);
  }

  private static boolean signedIn(Context ctx) {
    return Auth.account(ctx).isPresent();
  }

  /** The frame for a signed-in reader: their name, their token. */
  private Chrome personal(Context ctx) {
    return chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
  }

  /** A page made for one signed-in reader: never cached anywhere. */
  private static void sendFresh(Context ctx, CachedPage page) {
    ctx.header("Cache-Control", "private, no-store");
    ctx.contentType("text/html; charset=utf-8").result(page.body(null));
  }

  /** 410 for what was withdrawn or expired (a notice, not a bare error), else 404. */
  private PageException gone(String slug) {
    return articles
        .statusOf(slug)
        .map(
            status ->
                switch (status) {
                  case WITHDRAWN ->
                      new PageException(
                          410,
                          "Article withdrawn",
                          "This article has been withdrawn by its publisher and is no longer"
                              + " available.");
                  case EXPIRED ->
                      new PageException(
                          410,
                          "No longer available",
                          "This article is no longer available under our licence with its"
                              + " publisher.");
                  default -> PageException.notFound();
                })
        .orElseGet(PageException::notFound);
  }

  /** Title, canonical and robots per the partner's licence, Open Graph and JSON-LD. */
  Head head(Article a, String siteName) {
    String self = baseUrl + "/articles/" + a.slug();
    String canonical = self;
    String robots = null;
    switch (a.seoPolicy()) {
      case CANONICAL -> canonical = a.originalUrl() != null ? a.originalUrl() : self;
      case NOINDEX -> robots = "noindex,follow";
      case OWN -> {}
    }
    String description = a.summary().isBlank() ? a.headline() : a.summary();
    List<MetaTag> meta = new ArrayList<>();
    meta.add(MetaTag.property("og:type", "article"));
    meta.add(MetaTag.property("og:title", a.headline()));
    meta.add(MetaTag.property("og:description", description));
    meta.add(MetaTag.property("og:url", self));
    meta.add(MetaTag.property("og:site_name", siteName));
    meta.add(MetaTag.property("article:published_time", a.publishedAt().toString()));
    meta.add(MetaTag.property("article:modified_time", a.updatedAt().toString()));
    meta.add(MetaTag.property("article:section", a.section().name()));
    for (Tag t : a.tags()) {
      meta.add(MetaTag.property("article:tag", t.name()));
    }
    meta.add(
        MetaTag.property(
            "og:image", a.image() != null ? a.image().url() : baseUrl + "/static/og-default.png"));
    if (a.image() == null) {
      meta.add(MetaTag.property("og:image:width", "1200"));
      meta.add(MetaTag.property("og:image:height", "630"));
    }
    meta.add(MetaTag.name("twitter:card", "summary_large_image"));
    meta.add(MetaTag.name("twitter:title", a.headline()));
    meta.add(MetaTag.name("twitter:description", description));
    return new Head(
        a.headline() + " — " + siteName,
        description,
        canonical,
        robots,
        meta,
        jsonLd(a, self, siteName));
  }

  private String jsonLd(Article a, String self, String siteName) {
    Map<String, Object> ld = new LinkedHashMap<>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "NewsArticle");
    ld.put("headline", a.headline());
    ld.put("description", a.summary());
    ld.put("url", self);
    ld.put("mainEntityOfPage", self);
    ld.put("inLanguage", a.language());
    ld.put("articleSection", a.section().name());
    ld.put("datePublished", a.publishedAt().toString());
    ld.put("dateModified", a.updatedAt().toString());
    ld.put(
        "author",
        a.authors().stream()
            .map(
                au -> {
                  Map<String, Object> p = new LinkedHashMap<>();
                  p.put("@type", "Person");
                  p.put("name", au.name());
                  p.put("url", baseUrl + "/authors/" + au.slug());
                  return p;
                })
            .toList());
    ld.put("publisher", Map.of("@type", "Organization", "name", siteName, "url", baseUrl + "/"));
    if (a.source() != null) {
      Map<String, Object> org = new LinkedHashMap<>();
      org.put("@type", "Organization");
      org.put("name", a.source().name());
      if (a.source().homeUrl() != null) {
        org.put("url", a.source().homeUrl());
      }
      ld.put("sourceOrganization", org);
    }
    if (a.originalUrl() != null) {
      ld.put("isBasedOn", a.originalUrl());
    }
    if (!a.tags().isEmpty()) {
      ld.put("keywords", a.tags().stream().map(Tag::name).toList());
    }
    try {
      // Inside <script>, "</" would end the block: escape every angle bracket and ampersand.
      return JSON.writeValueAsString(ld)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Item> items(List<ArticleSummary> rows) {
    return rows.stream().map(r -> new Item(r, clock.stamp(r.publishedAt()))).toList();
  }
}
