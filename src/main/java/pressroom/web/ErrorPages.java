package pressroom.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** 400, 404 and 500 answers as pages that look like the rest of the site. */
public final class ErrorPages {
  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
  private static final String RENDERED = "pressroom.error-rendered";

  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final String siteName;
  private final java.util.function.Function<Context, Chrome.Viewer> viewer;
  private final Csrf csrf;

  /**
   * @param viewer who is signed in, so an error page shows the same masthead as every other page (a
   *     signed-in admin sees themselves signed in on a 403 too)
   */
  public ErrorPages(
      Templates templates,
      Supplier<Chrome> chrome,
      String siteName,
      java.util.function.Function<Context, Chrome.Viewer> viewer,
      Csrf csrf) {
    this.templates = templates;
    this.chrome = chrome;
    this.siteName = siteName;
    this.viewer = viewer;
    this.csrf = csrf;
  }

  private static String code(int status, String title) {
    if (title.matches("[a-z_]+")) {
      return title;
    }
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 410 -> "gone";
      case 429 -> "too_many_requests";
      default -> "internal_error";
    };
  }

  public void register(JavalinConfig config) {
    config.routes.exception(
        PageException.class, (e, ctx) -> render(ctx, e.status(), e.title(), e.getMessage()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
          render(
              ctx,
              500,
              "Something went wrong",
              "The page could not be shown because of an error on our side. It has been logged; please try again in a moment.");
        });
    config.routes.error(
        404,
        ctx -> {
          if (ctx.attribute(RENDERED) == null) {
            PageException nf = PageException.notFound();
            render(ctx, 404, nf.title(), nf.getMessage());
          }
        });
    config.routes.error(
        500,
        ctx -> {
          if (ctx.attribute(RENDERED) == null) {
            render(
                ctx,
                500,
                "Something went wrong",
                "The page could not be shown because of an error on our side.");
          }
        });
  }

  private void render(Context ctx, int status, String title, String message) {
    ctx.attribute(RENDERED, Boolean.TRUE);
    if (ctx.path().startsWith("/api/")) {
      // JSON callers get {error, message}, never a page or a stack trace.
      ctx.status(status)
          .header("Cache-Control", "no-store")
          .json(java.util.Map.of("error", code(status, title), "message", message));
      return;
    }
    Chrome c;
    try {
      Chrome.Viewer who =
          viewer.apply(ctx); // the signed-in masthead's sign-out form needs the token
      c = chrome.get().as(who, who == null ? null : csrf.token(ctx));
    } catch (RuntimeException e) {
      // The database may be what failed; the error page must still render.
      c = new Chrome(siteName, List.of(), "");
    }
    String html =
        templates.render(
            "web/error.jte",
            new ErrorPage(
                c, Head.simple(title + " — " + c.siteName(), message), status, title, message));
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType("text/html; charset=utf-8")
        .result(html);
  }
}
