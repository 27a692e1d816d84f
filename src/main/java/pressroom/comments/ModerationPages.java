package pressroom.comments;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Supplier;
import pressroom.accounts.Account;
import pressroom.accounts.Auth;
import pressroom.accounts.Suspensions;
import pressroom.articles.CommentSettings;
import pressroom.audit.AuditLog;
import pressroom.web.Access;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Templates;

/**
 * The moderators' pages: the queue of held and reported comments, decisions on them, suspending
 * their authors, and opening or closing comments on articles and sections.
 */
public final class ModerationPages {
  private final CommentService service;
  private final CommentDao comments;
  private final AuthorComments authors;
  private final CommentSettings settings;
  private final Csrf csrf;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final AuditLog audit;

  public ModerationPages(
      CommentService service,
      CommentDao comments,
      AuthorComments authors,
      CommentSettings settings,
      Csrf csrf,
      Templates templates,
      Supplier<Chrome> chrome,
      AuditLog audit) {
    this.audit = audit;
    this.service = service;
    this.comments = comments;
    this.authors = authors;
    this.settings = settings;
    this.csrf = csrf;
    this.templates = templates;
    this.chrome = chrome;
  }

  /**
   * @param done what the moderator's last action did, said back to them (null after none)
   */
  public record Queue(Chrome chrome, Head head, List<Item> items, String done) {}

  /**
   * The notice after an action, from the redirect's {@code done} parameter. Only these fixed
   * sentences are shown: the parameter is never echoed.
   */
  static String done(String param) {
    if (param == null) {
      return null;
    }
    return switch (param) {
      case "approved" -> "Approved.";
      case "rejected" -> "Rejected.";
      case "featured" -> "Approved and featured.";
      case "unfeatured" -> "No longer featured.";
      case "suspended" -> "The author's standing was changed.";
      default -> {
        var m = java.util.regex.Pattern.compile("(approved|rejected)-(\\d{1,3})").matcher(param);
        yield m.matches() ? m.group(2) + " comments " + m.group(1) + "." : null;
      }
    };
  }

  /**
   * A held or reported comment with what a moderator decides on: the article it is on, the comment
   * it answers (null for a top-level one), its audit log and its author's record.
   */
  public record Item(
      Comment comment,
      CommentDao.OnArticle article,
      Comment parent,
      List<String> history,
      String authorRecord) {}

  public void queue(Context ctx) {
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    List<Comment> waiting = comments.queue(200);
    var onArticles = comments.articlesOf(waiting.stream().map(Comment::id).toList());
    var parents =
        comments.findAll(
            waiting.stream().map(Comment::parentId).filter(java.util.Objects::nonNull).toList());
    List<Item> items =
        waiting.stream()
            .map(
                x ->
                    new Item(
                        x,
                        onArticles.getOrDefault(x.id(), new CommentDao.OnArticle("", "")),
                        x.parentId() == null ? null : parents.get(x.parentId()),
                        comments.history(x.id()),
                        authors.record(x.accountId())))
            .toList();
    CommentPages.render(
        ctx,
        templates,
        200,
        "comments/queue.jte",
        new Queue(
            c,
            Head.simple("Moderation — " + c.siteName(), "Comments waiting"),
            items,
            done(ctx.queryParam("done"))));
  }

  public void approve(Context ctx) {
    if (!service.approve(Auth.required(ctx), ctx.pathParam("id"))) {
      throw PageException.notFound();
    }
    ctx.redirect("/staff/moderation?done=approved", HttpStatus.SEE_OTHER);
  }

  public void reject(Context ctx) {
    String reason = ctx.formParam("reason");
    if (!service.reject(
        Auth.required(ctx),
        ctx.pathParam("id"),
        reason == null || reason.isBlank() ? "no reason given" : reason.strip())) {
      throw PageException.notFound();
    }
    ctx.redirect("/staff/moderation?done=rejected", HttpStatus.SEE_OTHER);
  }

  public void feature(Context ctx) {
    Account moderator = Auth.required(ctx);
    boolean on = !"off".equals(ctx.formParam("feature"));
    if (on) {
      comments
          .find(ctx.pathParam("id"))
          .filter(c -> c.status() == CommentStatus.PENDING)
          .ifPresent(c -> service.approve(moderator, c.id()));
    }
    if (!service.feature(moderator, ctx.pathParam("id"), on)) {
      throw PageException.notFound();
    }
    ctx.redirect(
        "/staff/moderation?done=" + (on ? "featured" : "unfeatured"), HttpStatus.SEE_OTHER);
  }

  /** Moderators close or reopen one article's comments. */
  public void articleComments(Context ctx) {
    CommentDao.Policy p =
        comments.policy(ctx.pathParam("slug")).orElseThrow(PageException::notFound);
    boolean open = "open".equals(ctx.formParam("comments"));
    settings.setArticleOpen(p.articleId(), open);
    if (open != p.open()) {
      audit.record(
          Auth.viewer(ctx),
          "article.comments",
          "Article " + p.slug(),
          p.open() ? "comments open" : "comments closed",
          open ? "comments open" : "comments closed");
    }
    ctx.redirect("/articles/" + p.slug() + "#comments", HttpStatus.SEE_OTHER);
  }

  /** Moderators close or reopen a section's comments and choose pre- or post-moderation. */
  public void sectionComments(Context ctx) {
    String slug = ctx.pathParam("slug");
    var before = settings.section(slug);
    if (!settings.setSection(
        slug,
        "open".equals(ctx.formParam("comments")),
        "pre".equals(ctx.formParam("moderation")))) {
      throw PageException.notFound();
    }
    // The same entry as the sections page's policy form writes.
    var after = settings.section(slug);
    if (before.isPresent() && after.isPresent() && before.get().policy() != after.get().policy()) {
      audit.record(
          Auth.viewer(ctx),
          "section.comments",
          "Section ‘" + after.get().name() + "’",
          before.get().policy().label(),
          after.get().policy().label());
    }
    ctx.redirect("/staff/moderation?notice=saved", HttpStatus.SEE_OTHER);
  }

  /** One form for many held comments: approve or reject them all. */
  public void bulk(Context ctx) {
    Account m = Auth.required(ctx);
    String action = ctx.formParam("action");
    List<String> ids = ctx.formParams("id");
    if (ids.isEmpty() || !("approve".equals(action) || "reject".equals(action))) {
      throw PageException.badRequest("Tick at least one comment and choose approve or reject.");
    }
    int done = 0;
    for (String id : new java.util.LinkedHashSet<>(ids)) {
      boolean changed =
          "approve".equals(action)
              ? service.approve(m, id)
              : service.reject(m, id, "rejected in bulk");
      done += changed ? 1 : 0;
    }
    // The comments that changed, not the ticks sent: another moderator may have been first.
    ctx.redirect(
        "/staff/moderation?done="
            + ("approve".equals(action) ? "approved-" : "rejected-")
            + Math.min(done, 999),
        HttpStatus.SEE_OTHER);
  }

  /** Suspends a comment's author for some days (0 lifts it), or bans them ("ban"). */
  public void suspendAuthor(Context ctx) {
    Account m = Auth.required(ctx);
    Comment c = comments.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    if (service.suspend(
            m,
            Access.role(ctx).orElse(Access.Role.READER),
            c,
            ctx.formParam("days"),
            ctx.formParam("reason"))
        instanceof Suspensions.Outcome.Refused r) {
      throw r.asPage();
    }
    ctx.redirect("/staff/moderation?done=suspended", HttpStatus.SEE_OTHER);
  }
}
