package pressroom.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import pressroom.web.PageCache.CachedPage;

/**
 * Serves cached reader pages straight from Jetty, in front of Javalin's servlet. On a cache hit the
 * framework's per-request work is most of the cost, so a hit never reaches it: no database, no
 * rendering, no servlet. Misses, other methods and other paths go on to Javalin unchanged.
 */
public final class FastPath extends Handler.Wrapper {
  static final String HTML = "text/html; charset=utf-8";

  private static final HttpField CONTENT_TYPE =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, HTML);
  private static final HttpField CACHE_CONTROL =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CachedPage.CACHE_CONTROL);
  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  private static final HttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final HttpField[] SECURITY = SecurityHeaders.ENCODED;

  private static final HttpField CACHE_CONTROL_PERSONAL =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, CachedPage.CACHE_CONTROL_PERSONAL);

  private final PageCache cache;
  private final Csrf csrf;
  private final String sessionCookie;
  private final String cookieAttributes;

  /**
   * @param sessionCookie requests carrying it belong to a signed-in reader: never served cached
   */
  public FastPath(PageCache cache, Csrf csrf, String sessionCookie, boolean secure) {
    this.cache = cache;
    this.csrf = csrf;
    this.sessionCookie = sessionCookie;
    this.cookieAttributes = "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
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
    if (page == null || (cookies != null && cookies.contains(sessionCookie + "="))) {
      return super.handle(request, response, callback);
    }
    HttpFields.Mutable out = response.getHeaders();
    String token = null;
    boolean issued = false;
    if (page.personal()) {
      token = cookieValue(cookies, csrf.cookieName());
      if (!Csrf.wellFormed(token)) {
        token = Csrf.newToken();
        issued = true;
        out.add(HttpHeader.SET_COOKIE, csrf.cookieName() + "=" + token + cookieAttributes);
      }
    }
    for (HttpField f : SECURITY) {
      out.add(f);
    }
    String etag = page.etag(token);
    out.add(HttpHeader.ETAG, etag);
    out.add(HttpHeader.LAST_MODIFIED, page.lastModified());
    out.add(page.personal() ? CACHE_CONTROL_PERSONAL : CACHE_CONTROL);
    out.add(VARY);
    if (page.notModified(
        etag, in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE), !issued)) {
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    boolean gzip = CachedPage.acceptsGzip(in.get(HttpHeader.ACCEPT_ENCODING));
    if (gzip) {
      out.add(GZIP);
    }
    byte[] t = token == null ? NO_TOKEN : token.getBytes(StandardCharsets.US_ASCII);
    int size = page.size(gzip, t.length);
    response.setStatus(200);
    out.add(CONTENT_TYPE);
    out.put(HttpHeader.CONTENT_LENGTH, size);
    if (head) {
      response.write(true, BufferUtil.EMPTY_BUFFER, callback);
      return true;
    }
    // The page goes into a pooled direct buffer: no garbage per request, and no second copy on
    // the way to the socket (a heap buffer would be copied into a direct one there).
    RetainableByteBuffer buffer = request.getComponents().getByteBufferPool().acquire(size, true);
    ByteBuffer bytes = buffer.getByteBuffer();
    int start = BufferUtil.flipToFill(bytes);
    page.writeTo(bytes, gzip, t);
    BufferUtil.flipToFlush(bytes, start);
    response.write(
        true,
        bytes,
        new Callback() {
          @Override
          public void succeeded() {
            buffer.release();
            callback.succeeded();
          }

          @Override
          public void failed(Throwable x) {
            buffer.release();
            callback.failed(x);
          }

          @Override
          public InvocationType getInvocationType() {
            return callback.getInvocationType();
          }
        });
    return true;
  }

  private static final byte[] NO_TOKEN = new byte[0];

  /** One cookie's value from a Cookie header, without parsing the others. */
  static String cookieValue(String header, String name) {
    if (header == null) {
      return null;
    }
    int from = 0;
    while (true) {
      int at = header.indexOf(name, from);
      if (at < 0) {
        return null;
      }
      int eq = at + name.length();
      boolean starts = at == 0 || header.charAt(at - 1) == ' ' || header.charAt(at - 1) == ';';
      if (starts && eq < header.length() && header.charAt(eq) == '=') {
        int end = header.indexOf(';', eq);
        return header.substring(eq + 1, end < 0 ? header.length() : end).strip();
      }
      from = at + 1;
    }
  }
}
