package pressroom.web;

import io.javalin.http.Context;
import pressroom.web.PageCache.CachedPage;

/**
 * Sends a cached page through Javalin (the path taken right after a page is rendered; later hits
 * take {@link FastPath}). Answers 304 when the client's copy is current and gzip when it can.
 */
public final class CachedPages {
  private CachedPages() {}

  public static void send(Context ctx, CachedPage page, Csrf csrf) {
    boolean hadToken = Csrf.wellFormed(ctx.cookie(csrf.cookieName()));
    String token = page.personal() ? csrf.token(ctx) : null;
    String etag = page.etag(token);
    ctx.header("ETag", etag);
    ctx.header("Last-Modified", page.lastModified());
    ctx.header("Cache-Control", page.cacheControl());
    ctx.header("Vary", "Accept-Encoding");
    if (page.notModified(
        etag,
        ctx.header("If-None-Match"),
        ctx.header("If-Modified-Since"),
        !page.personal() || hadToken)) {
      ctx.status(304);
      return;
    }
    ctx.contentType(FastPath.HTML);
    // The bytes were compressed once when cached; keep Javalin from compressing them again.
    ctx.disableCompression();
    if (CachedPage.acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(page.gzipped(token));
    } else {
      ctx.result(page.body(token));
    }
  }
}
