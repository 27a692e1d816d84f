package pressroom.reader;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import pressroom.accounts.Account;
import pressroom.accounts.Auth;
import pressroom.articles.Article;
import pressroom.comments.Comment;
import pressroom.comments.CommentDao;
import pressroom.comments.CommentService;
import pressroom.reader.Pages.Pagination;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;

/**
 * The comment thread under an article page: one page of it in the order asked, without the readers
 * the viewer muted, and what the viewer may do there.
 */
final class ArticleThread {
  static final int ROOTS_PER_PAGE = 20;
  private static final int MAX_PAGE = 10_000;

  private final CommentDao comments;
  private final CommentService commentRules;

  ArticleThread(CommentDao comments, CommentService commentRules) {
    this.comments = comments;
    this.commentRules = commentRules;
  }

  /** Which part of the thread a request asks for: order and page, validated. */
  record View(CommentDao.Sort sort, int page) {
    /** The canonical query for this view ("" for the default), as links and the cache use it. */
    String query() {
      String s = sort.name().toLowerCase(Locale.ROOT);
      if (sort == CommentDao.Sort.OLDEST) {
        return page == 1 ? "" : "?cpage=" + page;
      }
      return "?comments=" + s + (page == 1 ? "" : "&cpage=" + page);
    }

    static View of(Context ctx) {
      return of(ctx.queryParam("comments"), ctx.queryParam("cpage"));
    }

    /**
     * @throws PageException (400) for an order or page that is not one
     */
    static View of(String sort, String cpage) {
      if (sort != null
          && !sort.equals("oldest")
          && !sort.equals("newest")
          && !sort.equals("liked")) {
        throw PageException.badRequest(
            "Comments can be sorted by oldest, newest or liked, not “" + sort + "”.");
      }
      int page = PageNumbers.parse(cpage, MAX_PAGE);
      return new View(CommentDao.Sort.of(sort), page);
    }
  }

  /**
   * Whom a page is rendered for: one signed-in reader, or every reader who sees it as they do (a
   * stencil: no account of its own, nobody muted, no notice). Null stands for the shared anonymous
   * copy.
   *
   * @param accountId whose comments show edit and delete instead of like and report ("" for none)
   * @param muted the readers whose comments are left out
   * @param notice a one-off message (after posting or reporting), or null
   */
  record Reading(
      String accountId, boolean verified, boolean suspended, Set<String> muted, String notice) {
    static Reading of(Context ctx, Set<String> muted, Instant now) {
      Account me = Auth.account(ctx).orElseThrow();
      return new Reading(
          me.id(), me.verified(), me.suspended(now), muted, ArticleThread.notice(ctx));
    }
  }

  /**
   * What the article page shows of its thread.
   *
   * @param state what the viewer may do: open, anonymous, unverified, suspended or closed
   * @param notice a one-off message (after posting or reporting), or null
   */
  record Shown(
      List<Comment.Node> nodes,
      int count,
      CommentArea state,
      String notice,
      List<Comment> picks,
      String sort,
      Pagination pages) {}

  /**
   * @param reading whom it is for, or null for the shared anonymous copy
   */
  Shown show(Article a, View view, Reading reading, Instant now) {
    // One top-level comment more than a page: its presence says there is a next page.
    List<Comment> thread =
        comments.page(a.id(), view.sort(), ROOTS_PER_PAGE + 1, (view.page() - 1) * ROOTS_PER_PAGE);
    List<Comment> rootsHere = thread.stream().filter(x -> x.parentId() == null).toList();
    if (rootsHere.isEmpty() && view.page() > 1) {
      // Not a page of the article again: each would be rendered and cached as a page of its own.
      throw new PageException(
          404,
          "No such page of comments",
          "The comments on this article do not run to page " + view.page() + ".");
    }
    boolean more = rootsHere.size() > ROOTS_PER_PAGE;
    if (more) {
      String extra = rootsHere.get(ROOTS_PER_PAGE).id();
      thread =
          thread.stream().filter(x -> !extra.equals(x.id()) && !extra.equals(x.rootId())).toList();
    }
    if (reading != null && !reading.muted().isEmpty()) {
      // A reader's own page leaves out the readers they muted.
      thread = thread.stream().filter(x -> !reading.muted().contains(x.accountId())).toList();
    }
    String base = "/articles/" + a.slug();
    View prev = new View(view.sort(), view.page() - 1);
    View next = new View(view.sort(), view.page() + 1);
    Pagination pages =
        new Pagination(
            view.page(),
            view.page() > 1 ? base + prev.query() + "#comments" : null,
            more ? base + next.query() + "#comments" : null);
    return new Shown(
        Comment.threads(thread),
        comments.count(a.id()),
        state(a, reading, now),
        reading == null ? null : reading.notice(),
        view.page() == 1 ? comments.featured(a.id()) : List.of(),
        view.sort().name().toLowerCase(Locale.ROOT),
        pages);
  }

  /** The readers muted by the one signed in on {@code ctx}. */
  Set<String> mutedBy(Context ctx) {
    return comments.muted(Auth.account(ctx).orElseThrow().id());
  }

  private CommentArea state(Article a, Reading reading, Instant now) {
    boolean open = comments.policy(a.slug()).map(p -> commentRules.open(p, now)).orElse(false);
    if (!open) {
      return CommentArea.CLOSED;
    }
    if (reading == null) {
      return CommentArea.ANONYMOUS;
    }
    return reading.suspended()
        ? CommentArea.SUSPENDED
        : reading.verified() ? CommentArea.OPEN : CommentArea.UNVERIFIED;
  }

  private static String notice(Context ctx) {
    return switch (String.valueOf(ctx.queryParam("comment"))) {
      case "held" -> "Thank you: your comment waits for a moderator and will appear once approved.";
      case "reported" -> "Thank you: a moderator will look at the comment you reported.";
      default -> null;
    };
  }
}
