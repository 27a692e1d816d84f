package pressroom.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import pressroom.web.PageCache.CachedPage;

/**
 * Serves cached reader pages straight from Jetty, in front of Javalin's servlet context. On a cache
 * hit the framework's per-request work is most of the cost, so a hit never reaches it: no database,
 * no rendering, no servlet. Misses, other methods and other paths go on to Javalin unchanged.
 */
public final class FastPath extends Handler.Wrapper {
  static final String HTML = "text/html; charset=utf-8";

  // As the servlet writes HTML's type (without the space), so a hit and a miss are alike.
  private static final HttpField CONTENT_TYPE =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
  private static final HttpField CACHE_CONTROL =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CachedPage.CACHE_CONTROL);
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, CachedPage.VARY);
  private static final HttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final HttpField[] SECURITY = SecurityHeaders.ENCODED;

  private final PageCache cache;
  private final String sessionCookiePrefix;

  /**
   * @param sessionCookie requests carrying it belong to a signed-in reader: never served cached
   */
  public FastPath(PageCache cache, String sessionCookie) {
    this.cache = cache;
    this.sessionCookiePrefix = sessionCookie + "=";
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    if (!head && !HttpMethod.GET.is(method)) {
      return super.handle(request, response, callback);
    }
    String path = request.getHttpURI().getPath();
    String query = request.getHttpURI().getQuery();
    CachedPage page = cache.peek(query == null ? path : path + "?" + query);
    HttpFields in = request.getHeaders();
    String cookies = in.get(HttpHeader.COOKIE);
    if (page == null || (cookies != null && cookies.contains(sessionCookiePrefix))) {
      return super.handle(request, response, callback);
    }
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField f : SECURITY) {
      out.add(f);
    }
    for (HttpField f : page.wire().headers()) {
      out.add(f);
    }
    out.add(CACHE_CONTROL);
    out.add(VARY);
    if (page.notModified(in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE))) {
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    boolean gzip = CachedPage.acceptsGzip(in.get(HttpHeader.ACCEPT_ENCODING));
    if (gzip) {
      out.add(GZIP);
    }
    ByteBuffer bytes = page.wire(gzip);
    response.setStatus(200);
    out.add(CONTENT_TYPE);
    out.put(page.wire().lengths()[gzip ? 1 : 0]);
    if (head) {
      response.write(true, BufferUtil.EMPTY_BUFFER, callback);
      return true;
    }
    // The same bytes for every visitor, already outside the heap: nothing is copied or allocated
    // per request but the buffer's view.
    response.write(true, bytes, callback);
    return true;
  }
}
