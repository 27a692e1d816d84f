package pressroom.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import pressroom.ingest.fetch.FetchOutcome.Failed;
import pressroom.ingest.fetch.FetchOutcome.Fetched;
import pressroom.ingest.fetch.FetchOutcome.Gone;
import pressroom.ingest.fetch.FetchOutcome.NotModified;
import pressroom.ingest.fetch.FetchOutcome.RetryLater;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;

class FeedFetcherTest {
  private static final String AGENT = "Pressroom/0.1 (+https://news.example.org; feed fetcher)";
  private static final String SECRET = "sk_live_51FakeApiKeyThatMustNeverLeak";
  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>Harbour News</title>
      <item><title>Cranes return to the harbour</title><link>https://wire.example/1</link></item>
      </channel></rss>
      """;
  private static final String RSS_TYPE = "application/rss+xml; charset=utf-8";
  private static final String MONDAY = "Mon, 02 Nov 2026 09:30:00 GMT";

  private FakePublisher partner;
  private FeedFetcher fetcher;

  @BeforeEach
  void start() {
    partner = FakePublisher.start();
    fetcher = new FeedFetcher(true, AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20);
  }

  @AfterEach
  void stop() {
    fetcher.close();
    partner.close();
  }

  private static FetchRequest get(URI url) {
    return new FetchRequest(url, null, null, Map.of());
  }

  private FetchOutcome fetch(String path) {
    return fetcher.fetch(get(partner.url(path)));
  }

  private static String reason(FetchOutcome outcome) {
    assertThat(outcome).isInstanceOf(Failed.class);
    return ((Failed) outcome).reason();
  }

  @Nested
  class Success {
    @Test
    void returnsTheBodyWithItsTypeAndValidators() {
      partner.respond(
          "/rss.xml", Response.ok(RSS, RSS_TYPE).withEtag("\"v1\"").withLastModified(MONDAY));

      FetchOutcome outcome = fetch("/rss.xml");

      assertThat(outcome).isInstanceOf(Fetched.class);
      Fetched fetched = (Fetched) outcome;
      assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
      assertThat(fetched.contentType()).isEqualTo(RSS_TYPE);
      assertThat(fetched.etag()).isEqualTo("\"v1\"");
      assertThat(fetched.lastModified()).isEqualTo(MONDAY);
      assertThat(fetched.finalUrl()).isEqualTo(partner.url("/rss.xml"));
      assertThat(fetched.movedPermanently()).isFalse();
    }

    @Test
    void identifiesItselfAndAsksForFeedsAndGzip() {
      partner.serve("/rss.xml", RSS, RSS_TYPE);

      fetch("/rss.xml");

      Map<String, String> sent = partner.lastHeaders("/rss.xml");
      assertThat(sent.get("User-Agent")).isEqualTo(AGENT);
      assertThat(sent.get("Accept")).contains("application/rss+xml", "application/atom+xml");
      assertThat(sent.get("Accept-Encoding")).isEqualTo("gzip");
      assertThat(sent).doesNotContainKeys("If-None-Match", "If-Modified-Since", "Cookie");
    }

    @Test
    void sendsTheExtraHeadersOfAKeyedApi() {
      partner.serve("/wire.json", "{\"items\":[]}", "application/json");

      fetcher.fetch(
          new FetchRequest(partner.url("/wire.json"), null, null, Map.of("X-Api-Key", SECRET)));

      assertThat(partner.lastHeaders("/wire.json").get("X-Api-Key")).isEqualTo(SECRET);
      assertThat(partner.lastHeaders("/wire.json").get("User-Agent")).isEqualTo(AGENT);
    }

    @Test
    void decodesAGzippedBody() {
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE).gzipped());
      partner.respond("/chunked.xml", Response.ok(RSS, RSS_TYPE).gzipped().withoutContentLength());

      assertThat(new String(((Fetched) fetch("/rss.xml")).body(), StandardCharsets.UTF_8))
          .isEqualTo(RSS);
      assertThat(new String(((Fetched) fetch("/chunked.xml")).body(), StandardCharsets.UTF_8))
          .isEqualTo(RSS);
    }
  }

  @Nested
  class ConditionalGet {
    @Test
    void sendsTheEtagAndGetsNotModified() {
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE).withEtag("\"v1\""));

      FetchOutcome outcome =
          fetcher.fetch(new FetchRequest(partner.url("/rss.xml"), "\"v1\"", null, Map.of()));

      assertThat(outcome).isEqualTo(new NotModified(partner.url("/rss.xml"), false));
      assertThat(partner.lastHeaders("/rss.xml").get("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void sendsLastModifiedAndGetsNotModified() {
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE).withLastModified(MONDAY));

      FetchOutcome outcome =
          fetcher.fetch(new FetchRequest(partner.url("/rss.xml"), null, MONDAY, Map.of()));

      assertThat(outcome).isInstanceOf(NotModified.class);
      assertThat(partner.lastHeaders("/rss.xml").get("If-Modified-Since")).isEqualTo(MONDAY);
    }

    @Test
    void getsTheNewBodyWhenTheEtagChanged() {
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE).withEtag("\"v2\""));

      FetchOutcome outcome =
          fetcher.fetch(new FetchRequest(partner.url("/rss.xml"), "\"v1\"", MONDAY, Map.of()));

      assertThat(outcome).isInstanceOf(Fetched.class);
      assertThat(((Fetched) outcome).etag()).isEqualTo("\"v2\"");
    }
  }

  @Nested
  class StatusCodes {
    @Test
    void tooManyRequestsWithRetryAfterInSeconds() {
      partner.respond("/rss.xml", Response.status(429).withHeader("Retry-After", "120"));

      assertThat(fetch("/rss.xml")).isEqualTo(new RetryLater(429, Duration.ofSeconds(120)));
    }

    @Test
    void tooManyRequestsWithRetryAfterAsADate() {
      String inTwoMinutes =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
      partner.respond("/rss.xml", Response.status(429).withHeader("Retry-After", inTwoMinutes));

      RetryLater later = (RetryLater) fetch("/rss.xml");

      assertThat(later.status()).isEqualTo(429);
      assertThat(later.retryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
    }

    @Test
    void unavailableWithoutRetryAfter() {
      partner.respond("/rss.xml", Response.status(503));

      assertThat(fetch("/rss.xml")).isEqualTo(new RetryLater(503, null));
    }

    @Test
    void goneIsGone() {
      partner.respond("/rss.xml", Response.status(410));

      assertThat(fetch("/rss.xml")).isEqualTo(new Gone());
    }

    @Test
    void serverErrorsAndMissingFeedsFail() {
      partner.respond("/broken.xml", Response.status(500).withBody("stack trace"));

      assertThat(reason(fetch("/broken.xml"))).isEqualTo("HTTP 500 from the server");
      assertThat(reason(fetch("/nowhere.xml"))).startsWith("HTTP 404 from the server");
    }

    @Test
    void retryAfterReadsSecondsAndDatesAndIgnoresNonsense() {
      Instant now = Instant.parse("2026-11-02T09:30:00Z");

      assertThat(FeedFetcher.retryAfter(" 0 ", now)).isEqualTo(Duration.ZERO);
      assertThat(FeedFetcher.retryAfter("3600", now)).isEqualTo(Duration.ofHours(1));
      assertThat(FeedFetcher.retryAfter("Mon, 02 Nov 2026 09:31:30 GMT", now))
          .isEqualTo(Duration.ofSeconds(90));
      assertThat(FeedFetcher.retryAfter("Mon, 02 Nov 2026 09:00:00 GMT", now))
          .isEqualTo(Duration.ZERO);
      assertThat(FeedFetcher.retryAfter("soon", now)).isNull();
      assertThat(FeedFetcher.retryAfter("-5", now)).isNull();
      assertThat(FeedFetcher.retryAfter(null, now)).isNull();
    }
  }

  @Nested
  class Redirects {
    @Test
    void aPermanentRedirectMovesTheFeed() {
      partner.respond("/old.xml", Response.redirect(301, "/rss.xml"));
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE));

      Fetched fetched = (Fetched) fetch("/old.xml");

      assertThat(fetched.movedPermanently()).isTrue();
      assertThat(fetched.finalUrl()).isEqualTo(partner.url("/rss.xml"));
      assertThat(partner.requests("/old.xml")).isEqualTo(1);
      assertThat(partner.requests("/rss.xml")).isEqualTo(1);
    }

    @Test
    void aChainOfPermanentRedirectsMovesTheFeed() {
      partner.respond("/a.xml", Response.redirect(308, partner.url("/b.xml").toString()));
      partner.respond("/b.xml", Response.redirect(301, "rss.xml"));
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE).withEtag("\"v1\""));

      FetchOutcome outcome =
          fetcher.fetch(new FetchRequest(partner.url("/a.xml"), "\"v1\"", null, Map.of()));

      assertThat(outcome).isEqualTo(new NotModified(partner.url("/rss.xml"), true));
    }

    @Test
    void aTemporaryRedirectDoesNot() {
      partner.respond("/today.xml", Response.redirect(302, "/rss.xml"));
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE));

      Fetched fetched = (Fetched) fetch("/today.xml");

      assertThat(fetched.movedPermanently()).isFalse();
      assertThat(fetched.finalUrl()).isEqualTo(partner.url("/rss.xml"));
    }

    @Test
    void oneTemporaryHopInAChainMeansTheFeedDidNotMove() {
      partner.respond("/a.xml", Response.redirect(301, "/b.xml"));
      partner.respond("/b.xml", Response.redirect(307, "/rss.xml"));
      partner.respond("/rss.xml", Response.ok(RSS, RSS_TYPE));

      assertThat(((Fetched) fetch("/a.xml")).movedPermanently()).isFalse();
    }

    @Test
    void aLoopEndsAfterFiveRedirects() {
      partner.respond("/loop.xml", Response.redirect(302, "/loop.xml"));

      assertThat(reason(fetch("/loop.xml"))).isEqualTo("too many redirects (more than 5)");
      assertThat(partner.requests("/loop.xml")).isEqualTo(6);
    }

    @Test
    void aRedirectToAnotherSchemeFails() {
      partner.respond("/rss.xml", Response.redirect(302, "file:///etc/passwd"));

      assertThat(reason(fetch("/rss.xml"))).contains("only http:// and https://");
    }

    @Test
    void apiKeysStayWithTheOriginalServer() {
      try (FakePublisher elsewhere = FakePublisher.start()) {
        elsewhere.serve("/rss.xml", RSS, RSS_TYPE);
        partner.respond("/wire", Response.redirect(302, elsewhere.url("/rss.xml").toString()));

        FetchOutcome outcome =
            fetcher.fetch(
                new FetchRequest(partner.url("/wire"), null, null, Map.of("X-Api-Key", SECRET)));

        assertThat(outcome).isInstanceOf(Fetched.class);
        assertThat(partner.lastHeaders("/wire").get("X-Api-Key")).isEqualTo(SECRET);
        assertThat(elsewhere.lastHeaders("/rss.xml")).doesNotContainKey("X-Api-Key");
      }
    }
  }

  @Nested
  class Limits {
    @Test
    void aBodyOverTheCapFails() {
      String big = "x".repeat(2000);
      partner.respond("/big.xml", Response.ok(big, RSS_TYPE));
      partner.respond("/big-chunked.xml", Response.ok(big, RSS_TYPE).withoutContentLength());

      try (FeedFetcher small =
          new FeedFetcher(true, AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 1024)) {
        assertThat(reason(small.fetch(get(partner.url("/big.xml")))))
            .isEqualTo("the feed is larger than 1 KB");
        assertThat(reason(small.fetch(get(partner.url("/big-chunked.xml")))))
            .isEqualTo("the feed is larger than 1 KB");
      }
    }

    @Test
    void aGzipBombFailsOnItsDecompressedSize() {
      partner.respond("/bomb.xml", Response.ok("\0".repeat(200_000), RSS_TYPE).gzipped());

      try (FeedFetcher small =
          new FeedFetcher(true, AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 10 * 1024)) {
        assertThat(reason(small.fetch(get(partner.url("/bomb.xml")))))
            .isEqualTo("the feed is larger than 10 KB once decompressed");
      }
    }

    @Test
    void aSlowServerTimesOut() {
      partner.respond("/slow.xml", Response.ok(RSS, RSS_TYPE).delayed(Duration.ofSeconds(3)));

      try (FeedFetcher impatient =
          new FeedFetcher(true, AGENT, Duration.ofSeconds(2), Duration.ofMillis(300), 1 << 20)) {
        long start = System.nanoTime();
        String reason = reason(impatient.fetch(get(partner.url("/slow.xml"))));

        assertThat(reason).isEqualTo("timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      }
    }

    @Test
    void aClosedPortRefusesTheConnection() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }

      String reason = reason(fetcher.fetch(get(URI.create("http://127.0.0.1:" + port + "/"))));

      assertThat(reason).isEqualTo("connection refused by 127.0.0.1:" + port);
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
      assertThat(reason(fetcher.fetch(get(URI.create("file:///etc/passwd")))))
          .isEqualTo("only http:// and https:// feed addresses can be fetched, not file:");
      assertThat(reason(fetcher.fetch(get(URI.create("ftp://news.example/feed.xml")))))
          .isEqualTo("only http:// and https:// feed addresses can be fetched, not ftp:");
      assertThat(reason(fetcher.fetch(get(URI.create("feed.xml")))))
          .isEqualTo("the feed address must start with http:// or https://");
      assertThat(reason(fetcher.fetch(get(URI.create("http:///feed.xml")))))
          .isEqualTo("the feed address has no valid host name");
    }
  }

  @Nested
  class InternalAddresses {
    private final FeedFetcher guarded =
        new FeedFetcher(false, AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20);

    @AfterEach
    void closeGuarded() {
      guarded.close();
    }

    private String refusedWithoutContact(String url) {
      String reason = reason(guarded.fetch(get(URI.create(url))));
      assertThat(partner.totalRequests()).isZero();
      return reason;
    }

    @Test
    void loopbackByNumberIsRefusedBeforeAnyRequest() {
      partner.serve("/rss.xml", RSS, RSS_TYPE);

      assertThat(refusedWithoutContact("http://127.0.0.1:" + partner.port() + "/rss.xml"))
          .isEqualTo(
              "refused: 127.0.0.1 is a loopback address;"
                  + " set PRESSROOM_INGEST_ALLOW_PRIVATE=true to allow it");
      assertThat(refusedWithoutContact("http://[::1]:" + partner.port() + "/rss.xml"))
          .startsWith("refused: ::1 is a loopback address");
    }

    @Test
    void loopbackByNameIsRefused() {
      assertThat(refusedWithoutContact("http://localhost:" + partner.port() + "/rss.xml"))
          .startsWith("refused: localhost resolves to a loopback address (");
    }

    @Test
    void loopbackInDisguiseIsRefused() {
      // Java reads a bare number as a whole IPv4 address: 2130706433 is 127.0.0.1.
      assertThat(refusedWithoutContact("http://2130706433:" + partner.port() + "/"))
          .startsWith("refused: 2130706433 is a loopback address (127.0.0.1)");
      assertThat(refusedWithoutContact("http://[::ffff:127.0.0.1]:" + partner.port() + "/"))
          .startsWith("refused: ::ffff:127.0.0.1 is a loopback address (127.0.0.1)");
      assertThat(refusedWithoutContact("http://0.0.0.0:" + partner.port() + "/"))
          .startsWith("refused: 0.0.0.0 is an unspecified address;");
      assertThat(refusedWithoutContact("http://[::]:" + partner.port() + "/"))
          .startsWith("refused: :: is an unspecified address;");
    }

    @Test
    void metadataServicesAreRefusedEvenWhenPrivateAddressesAreAllowed() {
      assertThat(reason(fetcher.fetch(get(URI.create("http://169.254.169.254/latest/meta-data/")))))
          .isEqualTo(
              "refused: 169.254.169.254 is a cloud metadata address;"
                  + " feeds are never fetched from it");
    }

    @Test
    void aRedirectFromAnAllowedServerToAnInternalOneIsRefused() throws IOException {
      // The partner plays a public server: only its exact address is exempted from the rules.
      AddressPolicy policy = new AddressPolicy(false).treating(InetAddress.getByName("127.0.0.1"));
      partner.serve("/rss.xml", RSS, RSS_TYPE);
      partner.respond("/metadata", Response.redirect(302, "http://169.254.169.254/latest/"));
      partner.respond(
          "/loopback", Response.redirect(301, "http://[::1]:" + partner.port() + "/rss.xml"));

      try (FeedFetcher exempting =
          new FeedFetcher(policy, AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20)) {
        assertThat(exempting.fetch(get(partner.url("/rss.xml")))).isInstanceOf(Fetched.class);
        assertThat(reason(exempting.fetch(get(partner.url("/metadata")))))
            .startsWith("refused: 169.254.169.254 is a cloud metadata address");
        assertThat(reason(exempting.fetch(get(partner.url("/loopback")))))
            .startsWith("refused: ::1 is a loopback address");
      }
      assertThat(partner.requests("/metadata")).isEqualTo(1);
      assertThat(partner.requests("/loopback")).isEqualTo(1);
      assertThat(partner.requests("/rss.xml")).isEqualTo(1);
    }
  }

  @Test
  void aClosedFetcherFailsPolitely() {
    fetcher.close();

    assertThat(reason(fetch("/rss.xml"))).isEqualTo("the feed fetcher has been shut down");
  }

  @Test
  void theApiKeyNeverAppearsInAnyFailure() {
    partner.respond("/broken", Response.status(500));
    partner.respond("/loop", Response.redirect(302, "/loop"));
    partner.respond("/slow", Response.ok(RSS, RSS_TYPE).delayed(Duration.ofSeconds(3)));
    Map<String, String> keyed = Map.of("X-Api-Key", SECRET, "Authorization", "Bearer " + SECRET);
    List<FetchOutcome> outcomes = new ArrayList<>();

    try (FeedFetcher impatient =
            new FeedFetcher(true, AGENT, Duration.ofSeconds(2), Duration.ofMillis(300), 1 << 20);
        FeedFetcher guarded =
            new FeedFetcher(false, AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20)) {
      for (String path : List.of("/broken", "/loop", "/slow")) {
        FetchRequest request = new FetchRequest(partner.url(path), null, null, keyed);
        outcomes.add(impatient.fetch(request));
        assertThat(request.toString()).doesNotContain(SECRET);
      }
      outcomes.add(guarded.fetch(new FetchRequest(partner.url("/broken"), null, null, keyed)));
      outcomes.add(
          fetcher.fetch(
              new FetchRequest(URI.create("ftp://wire.example/feed"), null, null, keyed)));
      outcomes.add(
          fetcher.fetch(
              new FetchRequest(
                  partner.url("/broken"), null, null, Map.of("X-Api-Key", SECRET + "\r\nX: y"))));
    }

    assertThat(outcomes).hasSize(6).allSatisfy(o -> assertThat(o).isInstanceOf(Failed.class));
    assertThat(outcomes)
        .allSatisfy(
            o -> {
              assertThat(o.toString()).doesNotContain(SECRET);
              assertThat(((Failed) o).reason()).doesNotContain(SECRET);
            });
  }
}
