package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;

/**
 * Issue "Scale-out and proof": past its limits the site answers a fast 503 with Retry-After, keeps
 * its health check, live streams and cached pages, and serves again as soon as the load is gone.
 * The load is four requests that hold their turn the way a slow upload does: a form POST whose body
 * never comes (the handler waits for it inside the application).
 */
class OverloadTest {
  private static final int WAIT_MS = 5000;

  @Test
  void pastItsLimitsTheSiteTurnsRequestsAwayFastAndRecovers() throws Exception {
    int management;
    try (ServerSocket s = new ServerSocket(0)) {
      management = s.getLocalPort();
    }
    try (TestApp site =
        TestApp.start(
            TestApp.Db.SQLITE,
            false,
            Map.of(
                "PRESSROOM_MANAGEMENT_PORT",
                String.valueOf(management),
                "PRESSROOM_MAX_ACTIVE_REQUESTS",
                "2",
                "PRESSROOM_MAX_QUEUED_REQUESTS",
                "2",
                "PRESSROOM_MAX_QUEUE_WAIT_MS",
                String.valueOf(WAIT_MS)))) {
      String slug = Fixtures.load(site.app()).wire.slug();
      String article = "/articles/" + slug;
      // The fixtures' own changes reach the page cache first, so they cannot drop the page later.
      site.app().applyContentChanges();
      assertThat(site.get(article).statusCode()).isEqualTo(200); // now in the page cache
      HttpClient client = HttpClient.newHttpClient();
      String metrics = "http://127.0.0.1:" + management + "/metrics";

      List<Socket> holders = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          holders.add(postWithoutBody(site.app().port()));
        }
        Eventually.until(
            "two requests in the application and two waiting",
            () -> scrape(client, metrics).contains("http_requests_queued 2.0"));

        long start = System.nanoTime();
        HttpResponse<String> turnedAway = site.newVisitor().get("/search?q=cranes");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(turnedAway.statusCode()).isEqualTo(503);
        assertThat(tookMs).as("answered without waiting in the queue").isLessThan(WAIT_MS / 2);
        assertThat(turnedAway.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(turnedAway.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(turnedAway.body()).hasSizeLessThan(100);

        assertThat(site.newVisitor().get("/healthz").statusCode()).isEqualTo(200);
        assertThat(site.newVisitor().get(article).statusCode())
            .as("a cached page is served in front of the limit")
            .isEqualTo(200);
        assertThat(site.newVisitor().get("/static/site.css").statusCode()).isEqualTo(200);
        assertThat(scrape(client, metrics))
            .as("metrics answer too")
            .contains("http_requests_shed_total{reason=\"queue_full\"} 1.0");
        HttpResponse<java.io.InputStream> live =
            client
                .sendAsync(
                    HttpRequest.newBuilder(URI.create(site.url(article + "/comments/live")))
                        .header("Accept", "text/event-stream")
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        live.body().close();
        assertThat(live.statusCode()).as("the live comment stream opens").isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type"))
            .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));

        Eventually.until(
            "the waiting requests given up on",
            () ->
                scrape(client, metrics)
                    .contains("http_requests_shed_total{reason=\"waited_too_long\"} 2.0"));
        List<String> answers = new ArrayList<>();
        for (Socket s : holders) {
          answers.add(firstLines(s));
        }
        assertThat(answers)
            .as("the two that waited got a 503 with Retry-After; the two inside still wait")
            .filteredOn(a -> a.startsWith("HTTP/1.1 503"))
            .hasSize(2)
            .allSatisfy(a -> assertThat(a).containsIgnoringCase("Retry-After: 1"));
      } finally {
        for (Socket s : holders) {
          s.close();
        }
      }
      Eventually.until(
          "the site serving again once the load is gone",
          () -> site.newVisitor().get("/search?q=cranes").statusCode() == 200);
    }
  }

  /** A form POST whose body never comes: the application waits for it, holding its turn. */
  private static Socket postWithoutBody(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(300);
    s.getOutputStream()
        .write(
            ("POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** The status line and headers that have come back so far, or "" when nothing has. */
  private static String firstLines(Socket s) throws IOException {
    var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder b = new StringBuilder();
    try {
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        b.append(line).append('\n');
      }
    } catch (SocketTimeoutException e) {
      // nothing (more) yet
    }
    return b.toString();
  }

  private static String scrape(HttpClient client, String url) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
