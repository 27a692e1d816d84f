package pressroom.bookmarks;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Account;
import pressroom.accounts.Auth;
import pressroom.articles.Window;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/** The Bookmark button, the reading list page and its JSON API. */
public final class BookmarkPages {
  private final BookmarkDao bookmarks;
  private final Csrf csrf;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Stamp.Clock stamps;

  public BookmarkPages(
      BookmarkDao bookmarks,
      Csrf csrf,
      Templates templates,
      Supplier<Chrome> chrome,
      Stamp.Clock stamps) {
    this.bookmarks = bookmarks;
    this.csrf = csrf;
    this.templates = templates;
    this.chrome = chrome;
    this.stamps = stamps;
  }

  /** Bookmarks on a page of the reading list and in one answer of its API. */
  static final int PAGE_SIZE = 50;

  /**
   * @param older the link to the bookmarks saved before these, or null at the end
   * @param newer the link back to the first page, or null on it
   */
  public record ReadingList(Chrome chrome, Head head, List<Row> rows, String older, String newer) {}

  /**
   * One saved article as the list shows it: when it was published and saved, in the site's zone
   * ({@code published} is null for an article no longer available).
   */
  public record Row(BookmarkDao.Entry entry, Stamp published, Stamp saved) {
    public BookmarkDao.Details details() {
      return entry.details();
    }
  }

  /** One page of a reader's bookmarks and the position of the next, if any. */
  private record Page(List<BookmarkDao.Entry> entries, Window.Position next) {}

  private Page page(String accountId, Context ctx) {
    String raw = ctx.queryParam("before");
    Window.Position before =
        raw == null
            ? BookmarkDao.NEWEST
            : Window.Position.parse(raw)
                .orElseThrow(
                    () ->
                        PageException.badRequest(
                            "“"
                                + raw
                                + "” is not a place in your reading list: follow its Older link."));
    List<BookmarkDao.Entry> rows = bookmarks.list(accountId, before, PAGE_SIZE + 1);
    if (rows.size() <= PAGE_SIZE) {
      return new Page(rows, null);
    }
    BookmarkDao.Entry last = rows.get(PAGE_SIZE - 1);
    return new Page(
        rows.subList(0, PAGE_SIZE),
        new Window.Position(last.savedAt().toEpochMilli(), last.articleId()));
  }

  /** POST from the article page: adds or removes, then back to the article. */
  public void toggle(Context ctx) {
    String slug = ctx.pathParam("slug");
    var account = Auth.account(ctx);
    if (account.isEmpty()) {
      ctx.redirect(
          "/signin?return="
              + URLEncoder.encode("/articles/" + slug, StandardCharsets.UTF_8)
              + "&bookmark="
              + slug,
          HttpStatus.SEE_OTHER);
      return;
    }
    String id = bookmarks.articleId(slug).orElseThrow(PageException::notFound);
    if ("remove".equals(ctx.formParam("action"))) {
      bookmarks.remove(account.get().id(), id);
    } else {
      bookmarks.add(account.get().id(), id);
    }
    ctx.redirect("/articles/" + slug + "#bookmark-share", HttpStatus.SEE_OTHER);
  }

  /** After signing in from an anonymous Bookmark button, the bookmark is made. */
  public void afterSignIn(Account a, String slug) {
    if (slug != null && !slug.isBlank()) {
      bookmarks.articleId(slug).ifPresent(id -> bookmarks.add(a.id(), id));
    }
  }

  public void list(Context ctx) {
    var a = Auth.account(ctx);
    if (a.isEmpty()) {
      ctx.redirect("/signin?return=/reading-list", HttpStatus.SEE_OTHER);
      return;
    }
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    Page p = page(a.get().id(), ctx);
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "bookmarks/list.jte",
                new ReadingList(
                    c,
                    Head.simple("My reading list — " + c.siteName(), "Saved articles"),
                    p.entries().stream()
                        .map(
                            e ->
                                new Row(
                                    e,
                                    e.details() == null
                                        ? null
                                        : stamps.stamp(e.details().publishedAt()),
                                    stamps.stamp(e.savedAt())))
                        .toList(),
                    p.next() == null ? null : "/reading-list?before=" + p.next(),
                    ctx.queryParam("before") == null ? null : "/reading-list")));
  }

  public void removeFromList(Context ctx) {
    bookmarks.remove(Auth.required(ctx).id(), ctx.pathParam("articleId"));
    ctx.redirect("/reading-list", HttpStatus.SEE_OTHER);
  }

  // ---- JSON

  public void apiList(Context ctx) {
    Account a =
        Auth.account(ctx)
            .orElseThrow(() -> new PageException(401, "unauthorized", "Sign in first."));
    Page p = page(a.id(), ctx);
    ctx.header("Cache-Control", "no-store");
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put(
        "bookmarks",
        p.entries().stream()
            .map(
                e -> {
                  Map<String, Object> m = new java.util.LinkedHashMap<>();
                  m.put("articleId", e.articleId());
                  m.put("slug", e.slug()); // null, like the headline, once no reader can open it
                  m.put("headline", e.headline());
                  m.put("available", e.available());
                  m.put("savedAt", e.savedAt().toString());
                  return m;
                })
            .toList());
    out.put("next_cursor", p.next() == null ? null : p.next().toString());
    ctx.json(out);
  }

  public void apiPut(Context ctx) {
    Account a =
        Auth.account(ctx)
            .orElseThrow(() -> new PageException(401, "unauthorized", "Sign in first."));
    if (!bookmarks.add(a.id(), ctx.pathParam("articleId"))) {
      throw new PageException(404, "not_found", "There is no such article.");
    }
    ctx.status(204);
  }

  public void apiDelete(Context ctx) {
    Account a =
        Auth.account(ctx)
            .orElseThrow(() -> new PageException(401, "unauthorized", "Sign in first."));
    bookmarks.remove(a.id(), ctx.pathParam("articleId"));
    ctx.status(204);
  }
}
