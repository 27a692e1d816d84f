package pressroom.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import pressroom.ingest.fetch.FetchOutcome.Failed;
import pressroom.ingest.fetch.FetchOutcome.Fetched;
import pressroom.ingest.fetch.FetchOutcome.Gone;
import pressroom.ingest.fetch.FetchOutcome.NotModified;
import pressroom.ingest.fetch.FetchOutcome.RetryLater;

/**
 * Fetches a feed over HTTP: one conditional GET, redirects followed by hand, the body size-capped
 * and un-gzipped. Does not parse the feed or touch the database.
 *
 * <p>This class holds the HTTP exchange and the client's life; {@link Redirects} decides where a
 * fetch may go, {@link CappedBody} how much of a body is read, and {@link FetchFailure} words the
 * failures. Only addresses the {@link AddressPolicy} allows are ever connected to; the check runs
 * on the resolved addresses the connector uses (see {@link CheckedResolver}). Thread-safe: the
 * whole app shares one instance, and closing it stops the HTTP client.
 */
public final class FeedFetcher implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);
  static final long MAX_BYTES = 20L * 1024 * 1024;
  static final int MAX_REDIRECTS = 5;

  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml,"
          + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

  private final AddressPolicy policy;
  private final String userAgent;
  private HttpClient client; // guarded by this
  private boolean closed; // guarded by this
  private final Duration connectTimeout;
  private final Duration totalTimeout;
  private final long maxBytes;
  private final InstantSource clock;

  /**
   * @param allowPrivateAddresses also fetch from loopback, private and other internal addresses
   *     (never from cloud metadata services)
   * @param userAgent sent with every request, e.g. "Pressroom/0.1 (+https://news.example; feed
   *     fetcher)"
   * @param clock what a Retry-After date is counted from
   */
  public FeedFetcher(boolean allowPrivateAddresses, String userAgent, InstantSource clock) {
    this(
        new AddressPolicy(allowPrivateAddresses),
        userAgent,
        CONNECT_TIMEOUT,
        TOTAL_TIMEOUT,
        MAX_BYTES,
        clock);
  }

  /**
   * A fetcher with its own size cap (pictures: bigger than any picture we keep is refused early).
   */
  public FeedFetcher(
      boolean allowPrivateAddresses, String userAgent, long maxBytes, InstantSource clock) {
    this(
        new AddressPolicy(allowPrivateAddresses),
        userAgent,
        CONNECT_TIMEOUT,
        TOTAL_TIMEOUT,
        maxBytes,
        clock);
  }

  FeedFetcher(
      boolean allowPrivateAddresses,
      String userAgent,
      Duration connectTimeout,
      Duration totalTimeout,
      long maxBytes) {
    this(
        new AddressPolicy(allowPrivateAddresses),
        userAgent,
        connectTimeout,
        totalTimeout,
        maxBytes,
        InstantSource.system());
  }

  FeedFetcher(
      AddressPolicy policy,
      String userAgent,
      Duration connectTimeout,
      Duration totalTimeout,
      long maxBytes) {
    this(policy, userAgent, connectTimeout, totalTimeout, maxBytes, InstantSource.system());
  }

  private FeedFetcher(
      AddressPolicy policy,
      String userAgent,
      Duration connectTimeout,
      Duration totalTimeout,
      long maxBytes,
      InstantSource clock) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(userAgent, "userAgent");
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    this.totalTimeout = positive(totalTimeout, "totalTimeout");
    if (maxBytes <= 0 || maxBytes >= Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxBytes must be between 1 and 2 GB, not " + maxBytes);
    }
    this.maxBytes = maxBytes;

    this.policy = policy;
    this.userAgent = userAgent;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The HTTP client, started on the first fetch: starting it (TLS, thread pool, JMX) costs a
   * noticeable part of the site's start, and many sites fetch nothing in their first seconds. Null
   * once closed.
   */
  private synchronized HttpClient client() {
    if (client == null && !closed) {
      client = startClient();
    }
    return client;
  }

  private HttpClient startClient() {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("feed-fetcher");
    threads.setDaemon(true);
    ScheduledExecutorScheduler scheduler =
        new ScheduledExecutorScheduler("feed-fetcher-scheduler", true);
    HttpClient client = new HttpClient();
    client.setExecutor(threads);
    client.setScheduler(scheduler);
    client.setSocketAddressResolver(
        new CheckedResolver(
            new SocketAddressResolver.Async(threads, scheduler, connectTimeout.toMillis()),
            policy));
    client.setConnectTimeout(connectTimeout.toMillis());
    client.setAddressResolutionTimeout(connectTimeout.toMillis());
    client.setIdleTimeout(totalTimeout.toMillis());
    client.setFollowRedirects(false); // by hand, so every hop is counted and checked
    client.setHttpCookieStore(new HttpCookieStore.Empty()); // one partner's cookies are no other's
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
    client.setDestinationIdleTimeout(Duration.ofMinutes(5).toMillis());
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the feed fetcher's HTTP client", e);
    }
    // Jetty would gunzip by itself; we do it so the size cap also covers the decompressed bytes.
    client.getContentDecoderFactories().clear();
    return client;
  }

  /**
   * Fetches {@code request.url()}. Expected failures (network, HTTP status, size, refused address)
   * come back as {@link Failed} with a reason in plain words; the extra headers never appear in it.
   */
  public FetchOutcome fetch(FetchRequest request) {
    Objects.requireNonNull(request, "request");
    HttpClient client = client();
    if (client == null || !client.isRunning()) {
      return new Failed("the feed fetcher has been shut down");
    }
    try {
      return follow(client, request);
    } catch (FetchFailure failure) {
      return new Failed(FetchFailure.redact(failure.getMessage(), request));
    }
  }

  private FetchOutcome follow(HttpClient client, FetchRequest request) throws FetchFailure {
    URI url = request.url();
    Redirects.checkUrl(url);
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    boolean permanent = true;
    for (int redirects = 0; ; redirects++) {
      Exchange exchange = exchange(client, request, url, deadline);
      int status = exchange.status();
      if (Redirects.isRedirect(status)) {
        if (redirects == MAX_REDIRECTS) {
          throw new FetchFailure("too many redirects (more than " + MAX_REDIRECTS + ")");
        }
        url = Redirects.target(url, exchange.headers().get(HttpHeader.LOCATION));
        permanent &= status == 301 || status == 308;
        continue;
      }
      boolean moved = redirects > 0 && permanent;
      HttpFields headers = exchange.headers();
      if (status >= 200 && status < 300) {
        return new Fetched(
            exchange.body(),
            headers.get(HttpHeader.CONTENT_TYPE),
            headers.get(HttpHeader.ETAG),
            headers.get(HttpHeader.LAST_MODIFIED),
            url,
            moved);
      }
      return switch (status) {
        case 304 -> new NotModified(url, moved);
        case 410 -> new Gone();
        case 429, 503 ->
            new RetryLater(
                status, retryAfter(headers.get(HttpHeader.RETRY_AFTER), clock.instant()));
        default -> new Failed("HTTP " + status + " from the server" + FetchFailure.hint(status));
      };
    }
  }

  private record Exchange(int status, HttpFields headers, byte[] body) {}

  /** One GET; reads the body only for a 2xx. */
  private Exchange exchange(HttpClient client, FetchRequest request, URI url, long deadline)
      throws FetchFailure {
    long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (remainingMillis <= 0) {
      throw FetchFailure.timedOut(totalTimeout);
    }
    boolean sameOrigin = Redirects.sameOrigin(request.url(), url);
    Request get;
    try {
      get =
          client
              .newRequest(url)
              .method(HttpMethod.GET)
              .followRedirects(false)
              .timeout(remainingMillis, TimeUnit.MILLISECONDS)
              .headers(
                  fields -> {
                    fields.put(HttpHeader.ACCEPT, ACCEPT);
                    fields.put(HttpHeader.ACCEPT_ENCODING, "gzip");
                    if (request.etag() != null) {
                      fields.put(HttpHeader.IF_NONE_MATCH, request.etag());
                    }
                    if (request.lastModified() != null) {
                      fields.put(HttpHeader.IF_MODIFIED_SINCE, request.lastModified());
                    }
                    // Keys for a partner's API go to that partner only, never along a redirect.
                    if (sameOrigin) {
                      request.headers().forEach(fields::put);
                    }
                  });
    } catch (IllegalArgumentException e) {
      throw new FetchFailure("the request could not be built: check the feed address and headers");
    }
    InputStreamResponseListener listener = new InputStreamResponseListener();
    get.send(listener);
    Response response;
    try {
      response = listener.get(remainingMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new FetchFailure(
          FetchFailure.describe(e.getCause(), url, connectTimeout, totalTimeout));
    } catch (TimeoutException e) {
      get.abort(e);
      throw FetchFailure.timedOut(totalTimeout);
    } catch (InterruptedException e) {
      get.abort(e);
      Thread.currentThread().interrupt();
      throw new FetchFailure("the fetch was interrupted");
    }
    try (InputStream in = listener.getInputStream()) {
      int status = response.getStatus();
      HttpFields headers = response.getHeaders();
      byte[] body = status >= 200 && status < 300 ? CappedBody.read(in, headers, maxBytes) : null;
      return new Exchange(status, headers, body);
    } catch (IOException e) {
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
        Thread.currentThread().interrupt();
        throw new FetchFailure("the fetch was interrupted");
      }
      throw new FetchFailure(FetchFailure.describe(e, url, connectTimeout, totalTimeout));
    }
  }

  /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    if (text.matches("[0-9]{1,12}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
    return duration;
  }

  /** Stops the HTTP client; fetches still running fail. */
  @Override
  public void close() {
    HttpClient started;
    synchronized (this) {
      closed = true;
      started = client;
      client = null;
    }
    if (started == null) {
      return;
    }
    try {
      started.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the feed fetcher's HTTP client", e);
    }
  }
}
