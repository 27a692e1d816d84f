package pressroom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A partner's web server for tests: serves canned responses from 127.0.0.1 on a random port and
 * remembers what it was asked.
 *
 * <pre>{@code
 * try (FakePublisher partner = FakePublisher.start()) {
 *   partner.serve("/rss.xml", fixtureXml, "application/rss+xml");
 *   partner.respond("/old", FakePublisher.Response.redirect(301, "/rss.xml"));
 *   ... fetch partner.url("/rss.xml") ...
 *   assertThat(partner.requests("/rss.xml")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>A response with an {@linkplain Response#withEtag ETag} or {@linkplain
 * Response#withLastModified Last-Modified} answers a matching conditional GET with 304, as a real
 * server would. Paths nobody registered get 404 (and are still counted).
 */
public final class FakePublisher implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Response> responses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> lastHeaders = new ConcurrentHashMap<>();

  private FakePublisher(HttpServer server) {
    this.server = server;
  }

  /** A running publisher on 127.0.0.1 and a free port. */
  public static FakePublisher start() {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FakePublisher publisher = new FakePublisher(server);
    server.setExecutor(publisher.threads);
    server.createContext("/", publisher::handle);
    server.start();
    return publisher;
  }

  /** Serves {@code body} with status 200 at {@code path}. */
  public FakePublisher serve(String path, String body, String contentType) {
    return respond(path, Response.ok(body, contentType));
  }

  /** Serves a file (a fixture feed, say) with status 200 at {@code path}. */
  public FakePublisher serve(String path, Path file, String contentType) {
    try {
      return respond(path, Response.ok(Files.readAllBytes(file), contentType));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers every request for {@code path} (query ignored) with {@code response}. */
  public FakePublisher respond(String path, Response response) {
    responses.put(checkPath(path), Objects.requireNonNull(response, "response"));
    return this;
  }

  /** The absolute URL of {@code path} on this publisher. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + checkPath(path));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** How many requests for {@code path} arrived so far. */
  public int requests(String path) {
    AtomicInteger count = counts.get(checkPath(path));
    return count == null ? 0 : count.get();
  }

  /** How many requests arrived so far, for any path. */
  public int totalRequests() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /**
   * The headers of the latest request for {@code path} (first value of each), names looked up
   * case-insensitively; empty when none came.
   */
  public Map<String, String> lastHeaders(String path) {
    return lastHeaders.getOrDefault(checkPath(path), Map.of());
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private static String checkPath(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/', got: " + path);
    }
    return path;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
      lastHeaders.put(path, headers);
      exchange.getRequestBody().readAllBytes();

      Response response = responses.getOrDefault(path, Response.status(404));
      if (!response.delay().isZero()) {
        try {
          Thread.sleep(response.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (response.notModifiedFor(headers)) {
        response = Response.status(304).withHeaders(response.validators());
      }
      send(exchange, response);
    }
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    byte[] body = response.body();
    if (response.gzip()) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body);
      }
      body = zipped.toByteArray();
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
    }
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    boolean noBody = response.status() == 304 || response.status() == 204;
    // Content-Length 0 asks HttpServer for chunked encoding, -1 for no body at all.
    long length = noBody ? -1 : response.chunked() ? 0 : body.length == 0 ? -1 : body.length;
    exchange.sendResponseHeaders(response.status(), length);
    if (!noBody && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /**
   * A canned response. Immutable; the {@code with...} methods return changed copies.
   *
   * @param headers response headers, in order (Content-Encoding is set by {@code gzip})
   * @param gzip compress the body and say so in Content-Encoding
   * @param delay wait this long before answering
   * @param chunked send without Content-Length
   */
  public record Response(
      int status,
      Map<String, String> headers,
      byte[] body,
      boolean gzip,
      Duration delay,
      boolean chunked) {
    public Response {
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      body = body.clone();
      Objects.requireNonNull(delay, "delay");
    }

    public static Response status(int status) {
      return new Response(status, Map.of(), new byte[0], false, Duration.ZERO, false);
    }

    public static Response ok(String body, String contentType) {
      return ok(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    public static Response ok(byte[] body, String contentType) {
      return status(200).withHeader("Content-Type", contentType).withBody(body);
    }

    /** A redirect; {@code location} may be relative. */
    public static Response redirect(int status, String location) {
      return status(status).withHeader("Location", location);
    }

    public Response withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Response(status, more, body, gzip, delay, chunked);
    }

    Response withHeaders(Map<String, String> more) {
      Response response = this;
      for (Map.Entry<String, String> header : more.entrySet()) {
        response = response.withHeader(header.getKey(), header.getValue());
      }
      return response;
    }

    /** An ETag; a request with a matching If-None-Match then gets 304. */
    public Response withEtag(String etag) {
      return withHeader("ETag", etag);
    }

    /** A Last-Modified; a request with the same If-Modified-Since (and no ETag) then gets 304. */
    public Response withLastModified(String httpDate) {
      return withHeader("Last-Modified", httpDate);
    }

    public Response withBody(byte[] newBody) {
      return new Response(status, headers, newBody, gzip, delay, chunked);
    }

    public Response withBody(String newBody) {
      return withBody(newBody.getBytes(StandardCharsets.UTF_8));
    }

    public Response gzipped() {
      return new Response(status, headers, body, true, delay, chunked);
    }

    public Response delayed(Duration wait) {
      return new Response(status, headers, body, gzip, wait, chunked);
    }

    public Response withoutContentLength() {
      return new Response(status, headers, body, gzip, delay, true);
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    private Map<String, String> validators() {
      Map<String, String> found = new LinkedHashMap<>();
      for (String name : List.of("ETag", "Last-Modified")) {
        if (headers.containsKey(name)) {
          found.put(name, headers.get(name));
        }
      }
      return found;
    }

    private boolean notModifiedFor(Map<String, String> request) {
      if (status != 200) {
        return false;
      }
      String etag = headers.get("ETag");
      String ifNoneMatch = request.get("If-None-Match");
      if (ifNoneMatch != null) {
        return etag != null && ifNoneMatch.equals(etag);
      }
      String lastModified = headers.get("Last-Modified");
      String ifModifiedSince = request.get("If-Modified-Since");
      return lastModified != null && lastModified.equals(ifModifiedSince);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Response that
          && status == that.status
          && headers.equals(that.headers)
          && Arrays.equals(body, that.body)
          && gzip == that.gzip
          && delay.equals(that.delay)
          && chunked == that.chunked;
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, headers, Arrays.hashCode(body), gzip, delay, chunked);
    }

    @Override
    public String toString() {
      return "Response["
          + status
          + ", "
          + headers
          + ", "
          + body.length
          + " bytes"
          + (gzip ? ", gzip" : "")
          + (delay.isZero() ? "" : ", after " + delay)
          + "]";
    }
  }
}
