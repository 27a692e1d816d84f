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
import org.eclipse.jetty.util.Callback;
import pressroom.articles.PageCache;
import pressroom.articles.PageCache.CachedPage;

/**
 * Serves cached reader pages straight from Jetty, in front of Javalin's servlet. On a cache hit
 * the framework's per-request work is most of the cost, so a hit never reaches it: no database,
 * no rendering, no servlet. Misses, other methods and other paths go on to Javalin unchanged.
 */
public final class FastPath extends Handler.Wrapper {
  static final String HTML = "text/html; charset=utf-8";

  private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, HTML);
  private static final HttpField CACHE_CONTROL =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CachedPage.CACHE_CONTROL);
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final HttpField[] SECURITY =
      SecurityHeaders.HEADERS.entrySet().stream()
          .map(e -> (HttpField) new PreEncodedHttpField(e.getKey(), e.getValue()))
          .toArray(HttpField[]::new);

  private final PageCache cache;

  public FastPath(PageCache cache) {
    this.cache = cache;
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
    if (page == null) {
      return super.handle(request, response, callback);
    }
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField f : SECURITY) {
      out.add(f);
    }
    out.add(HttpHeader.ETAG, page.etag());
    out.add(HttpHeader.LAST_MODIFIED, page.lastModified());
    out.add(CACHE_CONTROL);
    out.add(VARY);
    HttpFields in = request.getHeaders();
    if (page.notModified(in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE))) {
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    byte[] body;
    if (CachedPage.acceptsGzip(in.get(HttpHeader.ACCEPT_ENCODING))) {
      out.add(GZIP);
      body = page.gzipped();
    } else {
      body = page.body();
    }
    response.setStatus(200);
    out.add(CONTENT_TYPE);
    out.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    return true;
  }
}
