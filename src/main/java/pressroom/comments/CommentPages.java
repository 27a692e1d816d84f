package pressroom.comments;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import pressroom.accounts.Account;
import pressroom.accounts.Auth;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Templates;

/**
 * The readers' comment pages: posting, replying, editing, deleting, liking, reporting and muting,
 * the live stream of new comments, and stopping reply e-mails.
 */
public final class CommentPages {
  private static final Set<String> REASONS = Set.of("spam", "abusive", "off-topic", "illegal");

  private final CommentService service;
  private final CommentDao comments;
  private final ReplyNotifier notifier;
  private final LiveComments live;
  private final Csrf csrf;
  private final Templates templates;
  private final Supplier<Chrome> chrome;

  public CommentPages(
      CommentService service,
      CommentDao comments,
      ReplyNotifier notifier,
      LiveComments live,
      Csrf csrf,
      Templates templates,
      Supplier<Chrome> chrome) {
    this.live = live;
    this.service = service;
    this.comments = comments;
    this.notifier = notifier;
    this.csrf = csrf;
    this.templates = templates;
    this.chrome = chrome;
  }

  /** The comment form on its own page: for replies, and when a comment needs another go. */
  public record Form(
      Chrome chrome, Head head, String slug, Comment parent, String text, String error) {}

  /** The edit form: the author's own comment, within the edit window. */
  public record Edit(
      Chrome chrome, Head head, String slug, Comment comment, String text, String error) {}

  public void post(Context ctx) {
    String slug = ctx.pathParam("slug");
    Account author = signedIn(ctx, "/articles/" + slug + "#comments");
    if (author == null) {
      return;
    }
    CommentDao.Policy article = comments.policy(slug).orElseThrow(PageException::notFound);
    String parentId = ctx.formParam("parent");
    String text = ctx.formParam("body");
    switch (service.post(author, article, parentId, text, ctx.formParam("website"))) {
      case CommentService.Posted.Published p ->
          ctx.redirect("/articles/" + slug + "#c-" + p.id(), HttpStatus.SEE_OTHER);
      case CommentService.Posted.Held h ->
          ctx.redirect("/articles/" + slug + "?comment=held#comments", HttpStatus.SEE_OTHER);
      case CommentService.Posted.Dropped d ->
          ctx.redirect("/articles/" + slug + "?comment=held#comments", HttpStatus.SEE_OTHER);
      case CommentService.Posted.Refused r ->
          form(ctx, 400, slug, quotable(parentId, article), text, r.message());
      case CommentService.Posted.NotAllowed n ->
          throw new PageException(403, "You cannot comment here", n.message());
      case CommentService.Posted.TooMany t -> {
        ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
        form(
            ctx,
            429,
            slug,
            quotable(parentId, article),
            text,
            "You are commenting very fast; wait "
                + Math.max(1, t.retryAfter().toSeconds())
                + " seconds and submit again.");
      }
    }
  }

  /**
   * The comment a refused reply answered, to quote above the form again: only a published one on
   * the same article. Any id can be posted, so a deleted, held or rejected comment, or one from
   * another article, must not be quoted back.
   */
  private Comment quotable(String parentId, CommentDao.Policy article) {
    if (parentId == null) {
      return null;
    }
    return comments
        .find(parentId)
        .filter(
            c -> c.status() == CommentStatus.PUBLISHED && c.articleId().equals(article.articleId()))
        .orElse(null);
  }

  public void replyForm(Context ctx) {
    Comment parent =
        comments
            .find(ctx.pathParam("id"))
            .filter(c -> c.status() == CommentStatus.PUBLISHED)
            .orElseThrow(PageException::notFound);
    String slug = comments.articleSlug(parent.id()).orElseThrow(PageException::notFound);
    if (signedIn(ctx, "/comments/" + parent.id() + "/reply") == null) {
      return;
    }
    form(ctx, 200, slug, parent, "", null);
  }

  public void report(Context ctx) {
    Account reader = Auth.required(ctx);
    String reason = ctx.formParam("reason");
    if (reason == null || !REASONS.contains(reason)) {
      throw PageException.badRequest(
          "Choose why you report the comment: spam, abusive, off-topic or illegal content.");
    }
    String id = ctx.pathParam("id");
    String slug = comments.articleSlug(id).orElseThrow(PageException::notFound);
    switch (service.report(reader, id, reason)) {
      case CommentService.Action.Done d ->
          ctx.redirect("/articles/" + slug + "?comment=reported#comments", HttpStatus.SEE_OTHER);
      case CommentService.Action.NotAllowed n ->
          throw new PageException(403, "You cannot report this comment", n.message());
      case CommentService.Action.Refused r -> throw PageException.badRequest(r.message());
    }
  }

  public void editForm(Context ctx) {
    Account a = signedIn(ctx, "/comments/" + ctx.pathParam("id") + "/edit");
    if (a == null) {
      return;
    }
    Comment c =
        comments
            .find(ctx.pathParam("id"))
            .filter(x -> x.accountId().equals(a.id()) && !x.deleted())
            .orElseThrow(PageException::notFound);
    edit(ctx, 200, c, null, null);
  }

  public void edit(Context ctx) {
    Account a = Auth.required(ctx);
    String id = ctx.pathParam("id");
    String text = ctx.formParam("body");
    switch (service.edit(a, id, text)) {
      case CommentService.Action.Done d ->
          ctx.redirect(
              "/articles/" + comments.articleSlug(id).orElse("") + "#c-" + id,
              HttpStatus.SEE_OTHER);
      case CommentService.Action.Refused r ->
          edit(ctx, 400, comments.find(id).orElseThrow(PageException::notFound), text, r.message());
      case CommentService.Action.NotAllowed n ->
          throw new PageException(403, "You cannot edit this comment", n.message());
    }
  }

  public void delete(Context ctx) {
    Account a = Auth.required(ctx);
    String id = ctx.pathParam("id");
    switch (service.delete(a, id)) {
      case CommentService.Action.Done d ->
          ctx.redirect(
              "/articles/" + comments.articleSlug(id).orElse("") + "#c-" + id,
              HttpStatus.SEE_OTHER);
      case CommentService.Action.NotAllowed n ->
          throw new PageException(403, "You cannot delete this comment", n.message());
      case CommentService.Action.Refused r -> throw PageException.badRequest(r.message());
    }
  }

  public void like(Context ctx) {
    Account a = Auth.required(ctx);
    String id = ctx.pathParam("id");
    switch (service.like(a, id)) {
      case CommentService.Action.Done d ->
          ctx.redirect(
              "/articles/" + comments.articleSlug(id).orElse("") + "#c-" + id,
              HttpStatus.SEE_OTHER);
      case CommentService.Action.NotAllowed n ->
          throw new PageException(403, "You cannot like this comment", n.message());
      case CommentService.Action.Refused r -> throw PageException.badRequest(r.message());
    }
  }

  private void edit(Context ctx, int status, Comment c, String text, String error) {
    Chrome ch = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    String slug = comments.articleSlug(c.id()).orElse("");
    String current = text != null ? text : comments.body(c.id()).orElse("");
    render(
        ctx,
        status,
        "comments/edit.jte",
        new Edit(
            ch,
            Head.simple("Edit your comment — " + ch.siteName(), "Edit"),
            slug,
            c,
            current,
            error));
  }

  /** Hides the comment's author from the signed-in reader (for them only). */
  public void mute(Context ctx) {
    Account a = Auth.required(ctx);
    Comment c = comments.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    service.mute(a, c);
    ctx.redirect(
        "/articles/" + comments.articleSlug(c.id()).orElse("") + "#comments", HttpStatus.SEE_OTHER);
  }

  /** The page a mail's "stop" link opens: one button, so link scanners change nothing. */
  public record Unsubscribe(Chrome chrome, Head head, String key, boolean done) {}

  public void unsubscribeForm(Context ctx) {
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    render(
        ctx,
        200,
        "comments/unsubscribe.jte",
        new Unsubscribe(
            c,
            Head.simple("Reply e-mails — " + c.siteName(), "Stop reply e-mails"),
            ctx.queryParam("key"),
            false));
  }

  public void unsubscribe(Context ctx) {
    if (!notifier.unsubscribe(ctx.formParam("key"))) {
      throw PageException.badRequest(
          "This unsubscribe link is not valid; change the setting in your profile instead.");
    }
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    render(
        ctx,
        200,
        "comments/unsubscribe.jte",
        new Unsubscribe(c, Head.simple("Reply e-mails — " + c.siteName(), "Stopped"), null, true));
  }

  /** The event stream of new comments for readers on an article page. */
  public void live(io.javalin.http.sse.SseClient client) {
    String slug = client.ctx().pathParam("slug");
    var article = comments.policy(slug);
    if (article.isEmpty()) {
      client.close();
      return;
    }
    client.ctx().header("Cache-Control", "no-store");
    live.watch(article.get().articleId(), client);
  }

  private Account signedIn(Context ctx, String returnTo) {
    var a = Auth.account(ctx);
    if (a.isEmpty()) {
      ctx.redirect(
          "/signin?return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      return null;
    }
    return a.get();
  }

  private void form(
      Context ctx, int status, String slug, Comment parent, String text, String error) {
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    String title = parent == null ? "Your comment" : "Reply to " + parent.authorName();
    render(
        ctx,
        status,
        "comments/form.jte",
        new Form(
            c,
            Head.simple(title + " — " + c.siteName(), title),
            slug,
            parent,
            text == null ? "" : text,
            error));
  }

  private void render(Context ctx, int status, String template, Object model) {
    render(ctx, templates, status, template, model);
  }

  /** Renders a staff or reader page that must not be cached (it carries a form token). */
  static void render(Context ctx, Templates templates, int status, String template, Object model) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(templates.render(template, model));
  }
}
