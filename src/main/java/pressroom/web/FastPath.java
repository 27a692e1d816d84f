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

  private static final HttpField PRIVATE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "private, no-store");

  private final PageCache cache;
  private final String sessionCookie;
  private final String sessionCookiePrefix;
  private final String csrfCookie;
  private final SignedIn signedIn;
  private final java.util.concurrent.atomic.LongAdder signedInAnswers =
      new java.util.concurrent.atomic.LongAdder();

  /** How many signed-in readers' pages were answered here, in front of the framework. */
  public long signedInAnswers() {
    return signedInAnswers.sum();
  }

  /**
   * A signed-in reader's page made here, without the framework, or null to leave the request to it
   * (a page not cached yet, anything unusual).
   */
  public interface SignedIn {
    /**
     * @param path the request's path, still percent-encoded
     * @param query the request's query parameters
     * @param session the session cookie's value
     * @param csrfToken the CSRF cookie's value, or null
     */
    byte[] page(
        String path,
        org.eclipse.jetty.util.Fields query,
        String session,
        String csrfToken,
        boolean gzip);
  }

  /**
   * @param sessionCookie requests carrying it belong to a signed-in reader: never served a shared
   *     copy, only what {@code signedIn} makes for them
   * @param csrfCookie the cookie holding a visitor's CSRF token
   */
  public FastPath(PageCache cache, String sessionCookie, String csrfCookie, SignedIn signedIn) {
    this.cache = cache;
    this.sessionCookie = sessionCookie;
    this.sessionCookiePrefix = sessionCookie + "=";
    this.csrfCookie = csrfCookie;
    this.signedIn = signedIn;
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
    HttpFields in = request.getHeaders();
    if (hasSessionCookie(in)) {
      return signedIn(request, response, callback, path, head)
          || super.handle(request, response, callback);
    }
    CachedPage page = cache.peek(query == null ? path : path + "?" + query);
    if (page == null) {
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

  /** Every Cookie field, not the first: HTTP/2 may send each cookie in a field of its own. */
  private boolean hasSessionCookie(HttpFields in) {
    for (HttpField f : in) {
      if (f.getHeader() == HttpHeader.COOKIE && f.getValue().contains(sessionCookiePrefix)) {
        return true;
      }
    }
    return false;
  }

  /** Answers a signed-in reader's request when {@link SignedIn} makes the page; else false. */
  private boolean signedIn(
      Request request, Response response, Callback callback, String path, boolean head) {
    if (signedIn == null || !path.startsWith("/articles/")) {
      return false;
    }
    String session = null;
    String token = null;
    org.eclipse.jetty.util.Fields query;
    try {
      for (org.eclipse.jetty.http.HttpCookie c : Request.getCookies(request)) {
        if (c.getName().equals(sessionCookie)) {
          if (session != null) {
            return false; // two: which one the framework reads is its business
          }
          session = c.getValue();
        } else if (c.getName().equals(csrfCookie)) {
          if (token != null) {
            return false;
          }
          token = c.getValue();
        }
      }
      query = Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      return false; // malformed cookies or query: the framework answers with its own page
    }
    boolean gzip = CachedPage.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
    byte[] page = session == null ? null : signedIn.page(path, query, session, token, gzip);
    if (page != null) {
      signedInAnswers.increment();
    }
    if (page == null) {
      return false;
    }
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField f : SECURITY) {
      out.add(f);
    }
    out.add(PRIVATE);
    if (gzip) {
      out.add(GZIP);
    }
    out.add(CONTENT_TYPE);
    out.add(HttpHeader.CONTENT_LENGTH, page.length);
    response.setStatus(200);
    response.write(true, head ? BufferUtil.EMPTY_BUFFER : java.nio.ByteBuffer.wrap(page), callback);
    return true;
  }
}
