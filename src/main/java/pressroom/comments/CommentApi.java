package pressroom.comments;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pressroom.accounts.Account;
import pressroom.accounts.Auth;
import pressroom.web.JsonBodies;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;

/** The comments JSON API; the same rules as the pages. */
public final class CommentApi {
  private static final int PAGE_SIZE = 20;

  private final CommentService service;
  private final CommentDao comments;

  public CommentApi(CommentService service, CommentDao comments) {
    this.service = service;
    this.comments = comments;
  }

  public void list(Context ctx) {
    CommentDao.Policy article =
        comments.policyById(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    int page = PageNumbers.parse(ctx.queryParam("page"), 10_000);
    List<Comment> thread =
        comments.page(
            article.articleId(),
            CommentDao.Sort.of(ctx.queryParam("sort")),
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("articleId", article.articleId());
    out.put("count", comments.count(article.articleId()));
    out.put("page", page);
    out.put("comments", thread.stream().map(CommentApi::json).toList());
    ctx.json(out);
  }

  public void post(Context ctx) {
    Account a =
        Auth.account(ctx)
            .orElseThrow(() -> new PageException(401, "unauthorized", "Sign in to comment."));
    CommentDao.Policy article =
        comments.policyById(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    JsonNode in = JsonBodies.object(ctx);
    switch (service.post(
        a, article, JsonBodies.text(in, "parentId"), JsonBodies.text(in, "body"), null)) {
      case CommentService.Posted.Published p ->
          ctx.status(201).json(Map.of("id", p.id(), "status", CommentStatus.PUBLISHED.stored()));
      case CommentService.Posted.Held h ->
          ctx.status(201).json(Map.of("id", h.id(), "status", CommentStatus.PENDING.stored()));
      case CommentService.Posted.Dropped d ->
          ctx.status(201).json(Map.of("status", CommentStatus.PENDING.stored()));
      case CommentService.Posted.Refused r ->
          ctx.status(400)
              .json(
                  Map.of(
                      "error",
                      "invalid",
                      "message",
                      r.message(),
                      "errors",
                      Map.of("body", r.message())));
      case CommentService.Posted.NotAllowed n ->
          throw new PageException(403, "forbidden", n.message());
      case CommentService.Posted.TooMany t -> {
        ctx.header("Retry-After", Long.toString(Math.max(1, t.retryAfter().toSeconds())));
        ctx.status(429)
            .json(
                Map.of(
                    "error",
                    "too_many_requests",
                    "message",
                    "You are commenting very fast; wait a moment."));
      }
    }
  }

  public void edit(Context ctx) {
    answer(
        ctx,
        service.edit(
            signedIn(ctx), ctx.pathParam("id"), JsonBodies.text(JsonBodies.object(ctx), "body")),
        200);
  }

  public void delete(Context ctx) {
    answer(ctx, service.delete(signedIn(ctx), ctx.pathParam("id")), 204);
  }

  public void like(Context ctx) {
    answer(ctx, service.like(signedIn(ctx), ctx.pathParam("id")), 200);
  }

  public void report(Context ctx) {
    Account a = signedIn(ctx);
    String reason = JsonBodies.text(JsonBodies.object(ctx), "reason");
    if (reason == null || !List.of("spam", "abusive", "off-topic", "illegal").contains(reason)) {
      throw PageException.badRequest("reason must be spam, abusive, off-topic or illegal");
    }
    comments.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    if (service.report(a, ctx.pathParam("id"), reason)
        instanceof CommentService.Action.NotAllowed n) {
      throw new PageException(403, "forbidden", n.message());
    }
    ctx.status(202).json(Map.of("message", "Thank you; a moderator will look."));
  }

  public void queue(Context ctx) {
    ctx.json(Map.of("comments", comments.queue(200).stream().map(CommentApi::json).toList()));
  }

  public void moderate(Context ctx) {
    Account m = signedIn(ctx);
    String id = ctx.pathParam("id");
    comments.find(id).orElseThrow(PageException::notFound);
    String reason = ctx.body().isBlank() ? null : JsonBodies.text(JsonBodies.object(ctx), "reason");
    boolean ok =
        switch (ctx.pathParam("action")) {
          case "approve" -> service.approve(m, id);
          case "reject" -> service.reject(m, id, reason == null ? "no reason given" : reason);
          case "feature" -> {
            comments
                .find(id)
                .filter(c -> c.status() == CommentStatus.PENDING)
                .ifPresent(c -> service.approve(m, id));
            yield service.feature(m, id, true);
          }
          default -> throw PageException.notFound();
        };
    ctx.json(Map.of("id", id, "done", ok));
  }

  private static void answer(Context ctx, CommentService.Action a, int okStatus) {
    switch (a) {
      case CommentService.Action.Done d -> {
        if (okStatus == 204) {
          ctx.status(204);
        } else {
          ctx.status(okStatus).json(Map.of("done", true));
        }
      }
      case CommentService.Action.Refused r ->
          ctx.status(400).json(Map.of("error", "invalid", "message", r.message()));
      case CommentService.Action.NotAllowed n ->
          throw new PageException(403, "forbidden", n.message());
    }
  }

  private static Map<String, Object> json(Comment c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("parentId", c.parentId());
    m.put("depth", c.depth());
    m.put("author", c.authorName());
    m.put("replyTo", c.replyToName());
    m.put("bodyHtml", c.deleted() ? null : c.bodyHtml());
    m.put("status", c.status().stored());
    m.put("createdAt", c.createdAt().toString());
    m.put("edited", c.edited());
    m.put("likes", c.likes());
    m.put("featured", c.featured());
    return m;
  }

  private static Account signedIn(Context ctx) {
    return Auth.account(ctx)
        .orElseThrow(() -> new PageException(401, "unauthorized", "Sign in first."));
  }
}
