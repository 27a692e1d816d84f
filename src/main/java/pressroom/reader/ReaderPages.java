package pressroom.reader;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import pressroom.accounts.Account;
import pressroom.accounts.Auth;
import pressroom.articles.ArticleReads;
import pressroom.articles.Listings;
import pressroom.articles.Sections;
import pressroom.articles.Window;
import pressroom.reader.Pages.ArticlePage;
import pressroom.web.CachedPages;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.PageCache;
import pressroom.web.PageCache.CachedPage;
import pressroom.web.PageCache.MemberPage;
import pressroom.web.PageException;
import pressroom.web.Stamp;
import pressroom.web.Stencil;
import pressroom.web.SurrogateKeys;
import pressroom.web.Templates;

/**
 * The reader pages: home, section, article, author and tag. Each is rendered once, kept in the
 * {@link PageCache} and served from there until its content changes; a signed-in reader's copy is
 * rendered for them alone.
 */
public final class ReaderPages {
  public static final int PAGE_SIZE = 20;

  private final ArticleReads articles;
  private final Listings listings;
  private final Sections sections;
  private final PageCache cache;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final ArticleThread threads;
  private final pressroom.bookmarks.BookmarkDao bookmarks;
  private final Stamp.Clock stamps;
  private final InstantSource clock;
  private final String baseUrl;
  private final ArticleHead heads;
  private final ListingPages listingPages;
  private final pressroom.articles.Corrections corrections;
  private final ReaderState readerState;
  private final pressroom.accounts.Sessions sessions;

  public ReaderPages(
      ArticleReads articles,
      Listings listings,
      Sections sections,
      PageCache cache,
      Templates templates,
      Supplier<Chrome> chrome,
      Stamp.Clock stamps,
      String baseUrl,
      Csrf csrf,
      pressroom.comments.CommentDao comments,
      pressroom.comments.CommentService commentRules,
      pressroom.bookmarks.BookmarkDao bookmarks,
      InstantSource clock,
      pressroom.articles.Corrections corrections,
      pressroom.articles.Pins pins,
      org.jdbi.v3.core.Jdbi jdbi,
      pressroom.accounts.Sessions sessions) {
    this.readerState = new ReaderState(jdbi);
    this.sessions = sessions;
    this.corrections = corrections;
    this.bookmarks = bookmarks;
    this.csrf = csrf;
    this.threads = new ArticleThread(comments, commentRules);
    this.articles = articles;
    this.listings = listings;
    this.sections = sections;
    this.cache = cache;
    this.templates = templates;
    this.chrome = chrome;
    this.stamps = stamps;
    this.clock = clock;
    this.baseUrl = baseUrl;
    this.heads = new ArticleHead(baseUrl);
    this.listingPages = new ListingPages(listings, pins, templates, stamps, clock, baseUrl);
  }

  public void home(Context ctx) {
    if (signedIn(ctx)) {
      sendFresh(ctx, listingPages.home(personal(ctx), true));
      return;
    }
    CachedPages.send(ctx, cache.get("/", () -> listingPages.home(chrome.get(), false)));
  }

  public void article(Context ctx) {
    String slug = ctx.pathParam("slug");
    ArticleThread.View view = ArticleThread.View.of(ctx);
    if (signedIn(ctx)) {
      boolean gzip = CachedPage.acceptsGzip(ctx.header("Accept-Encoding"));
      byte[] page = fromStencil(ctx, slug, view, gzip);
      if (page != null && gzip) {
        // Gzipped as the stencil was filled in; the framework must not compress it again.
        ctx.disableCompression();
        ctx.header("Content-Encoding", "gzip");
      }
      if (page == null) {
        Instant now = clock.instant();
        Rendered r =
            renderArticle(
                slug,
                personal(ctx),
                ArticleThread.Reading.of(ctx, threads.mutedBy(ctx), now),
                view,
                null,
                now);
        if (r == null) {
          throw gone(slug);
        }
        page = r.html().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      sendFresh(ctx, page);
      return;
    }
    // One copy for every anonymous reader, here and in any shared cache in front.
    CachedPage page =
        cache.get(
            "/articles/" + slug + view.query(),
            () -> {
              Instant now = clock.instant();
              Rendered r = renderArticle(slug, chrome.get(), null, view, null, now);
              return r == null ? null : CachedPage.of(r.articleId(), r.html(), now, r.keys());
            });
    if (page == null) {
      throw gone(slug);
    }
    CachedPages.send(ctx, page);
  }

  /**
   * A signed-in reader's article page from the page every reader in their position sees (same role,
   * standing and bookmark), rendered once and filled in with their token and name: one small query
   * instead of a dozen and a render. Null when their page is their own: they muted someone, they
   * commented on the article, or it carries a one-off notice.
   */
  private byte[] fromStencil(Context ctx, String slug, ArticleThread.View view, boolean gzip) {
    if (ctx.queryParam("comment") != null) {
      return null;
    }
    return fromStencil(
        Auth.account(ctx).orElseThrow(), Auth.viewer(ctx), slug, view, csrf.token(ctx), gzip, true);
  }

  /**
   * The same in front of the framework ({@link pressroom.web.FastPath}): only a reader (staff have
   * rules of their own), only an address and query the article route would read alike, and only
   * from a stencil already cached. Null leaves the request to the framework.
   */
  public byte[] signedInArticle(
      String path,
      org.eclipse.jetty.util.Fields query,
      String session,
      String token,
      boolean gzip) {
    String slug = path.substring("/articles/".length());
    if (slug.isEmpty()
        || !slug.chars().allMatch(ReaderPages::slugChar)
        || !Csrf.wellFormed(token)) {
      return null;
    }
    for (org.eclipse.jetty.util.Fields.Field f : query) {
      if (!(f.getName().equals("comments") || f.getName().equals("cpage"))
          || f.getValues().size() != 1) {
        return null;
      }
    }
    ArticleThread.View view;
    try {
      view = ArticleThread.View.of(query.getValue("comments"), query.getValue("cpage"));
    } catch (PageException e) {
      return null; // the framework answers it with its message
    }
    java.util.Optional<Account> me = sessions.account(session, clock.instant());
    if (me.isEmpty() || me.get().role() != pressroom.web.Access.Role.READER) {
      return null;
    }
    Account a = me.get();
    Chrome.Viewer viewer = new Chrome.Viewer(a.userId(), a.shownName(), a.role(), a.verified());
    return fromStencil(a, viewer, slug, view, token, gzip, false);
  }

  private static boolean slugChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  }

  /**
   * @param render whether to render the stencil when it is not cached (else null)
   */
  private byte[] fromStencil(
      Account me,
      Chrome.Viewer viewer,
      String slug,
      ArticleThread.View view,
      String token,
      boolean gzip,
      boolean render) {
    ReaderState.Of state = readerState.of(me.id(), slug);
    if (state.ownPage()) {
      return null;
    }
    Instant now = clock.instant();
    boolean suspended = me.suspended(now);
    String key =
        "/articles/"
            + slug
            + view.query()
            + " as "
            + viewer.role()
            + (viewer.verified() ? " verified" : "")
            + (suspended ? " suspended" : "")
            + (state.bookmarked() ? " bookmarked" : "");
    java.util.function.Supplier<MemberPage> renderStencil =
        () -> {
          Instant at = clock.instant();
          Chrome standIn =
              chrome
                  .get()
                  .as(
                      new Chrome.Viewer("", Stencil.NAME, viewer.role(), viewer.verified()),
                      Stencil.TOKEN);
          Rendered r =
              renderArticle(
                  slug,
                  standIn,
                  new ArticleThread.Reading(
                      "", viewer.verified(), suspended, java.util.Set.of(), null),
                  view,
                  state.bookmarked(),
                  at);
          return r == null ? null : new MemberPage(r.articleId(), r.keys(), Stencil.cut(r.html()));
        };
    MemberPage page = render ? cache.member(key, renderStencil) : cache.peekMember(key);
    if (page == null) {
      return null;
    }
    return gzip
        ? page.stencil().fillGzipped(token, viewer.name())
        : page.stencil().fill(token, viewer.name());
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
                        new ListingPages.Listing(
                            "Section",
                            s.name(),
                            s.description(),
                            s.slug(),
                            new Listings.Listing.InSection(s.id())))
                .orElse(null),
        () -> sections.currentSlugFor(slug).map(to -> "/sections/" + to));
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
                        new ListingPages.Listing(
                            "Author",
                            a.name(),
                            "Articles by " + a.name() + ", newest first.",
                            "",
                            new Listings.Listing.ByAuthor(a.id())))
                .orElse(null),
        java.util.Optional::empty);
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
                        new ListingPages.Listing(
                            "Tag",
                            t.name(),
                            "Articles tagged “" + t.name() + "”, newest first.",
                            "",
                            new Listings.Listing.WithTag(t.id())))
                .orElse(null),
        java.util.Optional::empty);
  }

  /**
   * @param movedTo where a listing that is not here now lives (a section's new address), asked only
   *     when there is none here
   */
  private void listing(
      Context ctx,
      String path,
      Supplier<ListingPages.Listing> find,
      Supplier<java.util.Optional<String>> movedTo) {
    Window asked =
        Window.of(
            ctx.queryParam("page"), ctx.queryParam("before"), ctx.queryParam("after"), PAGE_SIZE);
    boolean fresh = signedIn(ctx);
    Chrome frame = fresh ? personal(ctx) : chrome.get();
    Supplier<CachedPage> render =
        () -> {
          ListingPages.Listing l = find.get();
          return l == null ? null : listingPages.render(l, path, asked, frame, fresh);
        };
    CachedPage rendered =
        fresh ? render.get() : cache.get(ListingPages.address(path, asked), render);
    if (rendered == null) {
      String to = movedTo.get().orElseThrow(PageException::notFound);
      String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
      ctx.redirect(to + query, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
      return;
    }
    if (fresh) {
      sendFresh(ctx, rendered);
    } else {
      CachedPages.send(ctx, rendered);
    }
  }

  /**
   * An article page rendered, with what its caches need to know.
   *
   * @param keys the surrogate keys of what it shows
   */
  private record Rendered(String articleId, String html, String keys) {}

  /**
   * @param reading whom it is for, or null for the shared anonymous copy
   * @param bookmarked whether the reader bookmarked it, or null to look it up (null for anonymous)
   */
  private Rendered renderArticle(
      String slug,
      Chrome frame,
      ArticleThread.Reading reading,
      ArticleThread.View view,
      Boolean bookmarked,
      Instant now) {
    return articles
        .findPublished(slug, now)
        .map(
            a -> {
              Chrome c = frame.in(a.section().slug());
              ArticleThread.Shown thread = threads.show(a, view, reading, now);
              String viewer = reading == null ? null : reading.accountId();
              var alsoFrom = articles.alsoFrom(a, now);
              var related = articles.related(a, 4, now);
              String html =
                  templates.render(
                      "articles/article.jte",
                      new ArticlePage(
                          c,
                          heads.of(a, c.siteName()),
                          a,
                          stamps.stamp(a.publishedAt()),
                          a.wasUpdated() ? stamps.stamp(a.updatedAt()) : null,
                          alsoFrom,
                          thread.nodes(),
                          thread.count(),
                          thread.state(),
                          thread.notice(),
                          thread.picks(),
                          thread.sort(),
                          thread.pages(),
                          viewer,
                          baseUrl + "/articles/" + a.slug(),
                          reading == null
                              ? null
                              : bookmarked != null ? bookmarked : bookmarks.has(viewer, a.id()),
                          related,
                          corrections.of(a.id()).stream()
                              .map(n -> new Pages.CorrectionNote(stamps.stamp(n.at()), n.note()))
                              .toList(),
                          stamps));
              // The page also shows the headlines of its related stories and of the same story
              // from other partners: a change to one (a withdrawal) must reach this page too.
              SurrogateKeys keys =
                  SurrogateKeys.page()
                      .add(SurrogateKeys.article(a.id()))
                      .add(SurrogateKeys.comments(a.id()));
              alsoFrom.forEach(o -> keys.add(SurrogateKeys.article(o.id())));
              related.forEach(o -> keys.add(SurrogateKeys.article(o.id())));
              return new Rendered(a.id(), html, keys.toString());
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
    sendFresh(ctx, page.body());
  }

  private static void sendFresh(Context ctx, byte[] page) {
    ctx.header("Cache-Control", "private, no-store");
    ctx.contentType("text/html; charset=utf-8").result(page);
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
                          articles
                              .withdrawalReason(slug)
                              .map(
                                  reason ->
                                      "This article has been withdrawn and is no longer"
                                          + " available. The editors’ reason: "
                                          + reason)
                              .orElse(
                                  "This article has been withdrawn by its publisher and is no"
                                      + " longer available."));
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
}
