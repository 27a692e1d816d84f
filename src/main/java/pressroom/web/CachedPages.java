package pressroom.web;

import io.javalin.http.Context;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import pressroom.articles.PageCache.CachedPage;

/** Sends a cached page with validators, answering 304 and choosing gzip when the client can. */
public final class CachedPages {
  private CachedPages() {}

  public static void send(Context ctx, CachedPage page) {
    ctx.header("ETag", page.etag());
    ctx.header("Last-Modified", page.lastModified());
    // Readers get fresh copies quickly (withdrawals matter); caches must revalidate.
    ctx.header("Cache-Control", "public, max-age=30, must-revalidate");
    ctx.header("Vary", "Accept-Encoding");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifNoneMatch != null
        ? matches(ifNoneMatch, page.etag())
        : notModifiedSince(ctx.header("If-Modified-Since"), page.lastModified())) {
      ctx.status(304);
      return;
    }
    ctx.contentType("text/html; charset=utf-8");
    // The bytes are compressed once when cached; keep Javalin from compressing them again.
    ctx.disableCompression();
    String accept = ctx.header("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ctx.header("Content-Encoding", "gzip");
      ctx.result(page.gzipped());
    } else {
      ctx.result(page.body());
    }
  }

  private static boolean notModifiedSince(String ifModifiedSince, String lastModified) {
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      var since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      var modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
      return !modified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch.trim().equals("*")) {
      return true;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.trim();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
