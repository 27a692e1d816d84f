package pressroom.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pressroom.config.RequestLimits;

/**
 * Sheds the load the site cannot carry, in front of the servlet: at most so many requests in the
 * application at once, so many more waiting (suspended: no thread) for a bounded time, and the rest
 * answered at once with a tiny 503 and Retry-After — no database, no template. Jetty's QoSHandler
 * counts; this gives the answer and names what is never held back: /healthz (a busy node is not a
 * dead one: draining it would pour its load on the others), /metrics, and the live comment streams
 * (open for as long as a reader stays, each would hold a turn). Cached pages and static files are
 * answered in front of it (see Server).
 */
public final class RequestLimit extends QoSHandler {
  private static final Logger log = LoggerFactory.getLogger(RequestLimit.class);
  private static final ByteBuffer BODY =
      ByteBuffer.wrap("Too busy: try again in a second.\n".getBytes(StandardCharsets.US_ASCII))
          .asReadOnlyBuffer();
  private static final HttpField RETRY_AFTER = new PreEncodedHttpField(HttpHeader.RETRY_AFTER, "1");
  private static final HttpField NO_STORE =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
  private static final HttpField TEXT =
      new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");

  public RequestLimit(RequestLimits limits) {
    setMaxRequestCount(limits.maxActive());
    setMaxSuspendedRequestCount(limits.maxQueued());
    setMaxSuspend(limits.maxWait());
    exclude(RequestLimit::neverLimited);
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    log.info(
        "Requests: {} at once, {} more waiting up to {} ms, then 503",
        getMaxRequestCount(),
        getMaxSuspendedRequestCount(),
        getMaxSuspend().toMillis());
  }

  /**
   * Only GETs of exactly these: anything else on a look-alike path (a deeper path, another method)
   * would be a 404 page rendered outside the limit.
   */
  static boolean neverLimited(Request request) {
    if (!org.eclipse.jetty.http.HttpMethod.GET.is(request.getMethod())) {
      return false;
    }
    String path = Request.getPathInContext(request);
    return path.equals("/healthz") || path.equals("/metrics") || LIVE.matcher(path).matches();
  }

  private static final java.util.regex.Pattern LIVE =
      java.util.regex.Pattern.compile("/articles/[^/]+/comments/live");

  /** Requests turned away (queue full, or waited too long) and those waiting, on /metrics. */
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder(
            "http.requests.shed", this, q -> (double) q.getTotalExceededRequestCount())
        .tag("reason", "queue_full")
        .description("requests answered 503 because the site was too busy")
        .register(registry);
    FunctionCounter.builder(
            "http.requests.shed", this, q -> (double) q.getTotalExpiredRequestCount())
        .tag("reason", "waited_too_long")
        .description("requests answered 503 because the site was too busy")
        .register(registry);
    Gauge.builder("http.requests.queued", this, q -> q.getSuspendedRequestCount())
        .description("requests waiting for a turn")
        .register(registry);
  }

  @Override
  protected void reject(Request request, Response response, Callback callback, int status) {
    tooBusy(response, callback);
  }

  @Override
  protected void failSuspended(
      Request request, Response response, Callback callback, int status, Throwable failure) {
    if (failure instanceof TimeoutException && !response.isCommitted()) {
      tooBusy(response, callback);
    } else {
      super.failSuspended(request, response, callback, status, failure);
    }
  }

  private static void tooBusy(Response response, Callback callback) {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
    HttpFields.Mutable out = response.getHeaders();
    out.add(RETRY_AFTER);
    out.add(NO_STORE);
    out.add(TEXT);
    for (HttpField f : SecurityHeaders.ENCODED) {
      out.add(f);
    }
    out.put(HttpHeader.CONTENT_LENGTH, BODY.remaining());
    response.write(true, BODY.slice(), callback);
  }
}
