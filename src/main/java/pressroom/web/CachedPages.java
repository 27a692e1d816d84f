package pressroom.web;

import io.javalin.http.Context;
import pressroom.web.PageCache.CachedPage;

/**
 * Sends a cached page through Javalin (the path taken right after a page is rendered; later hits
 * take {@link FastPath}) with the same headers. Answers 304 when the client's copy is current and
 * gzip when it can.
 */
public final class CachedPages {
  private CachedPages() {}

  public static void send(Context ctx, CachedPage page) {
    ctx.header("ETag", page.etag());
    ctx.header("Last-Modified", page.lastModified());
    ctx.header("Cache-Control", CachedPage.CACHE_CONTROL);
    ctx.header("Vary", CachedPage.VARY);
    ctx.header(SurrogateKeys.HEADER, page.keys());
    if (page.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(FastPath.HTML);
    // The bytes were compressed once when cached; keep Javalin from compressing them again.
    ctx.disableCompression();
    if (CachedPage.acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(page.gzipped());
    } else {
      ctx.result(page.body());
    }
  }
}
