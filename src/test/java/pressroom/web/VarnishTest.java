package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;

/**
 * The site behind Varnish 7 with the VCL we ship (deploy/varnish/pressroom.vcl): a repeated
 * anonymous request is a hit, a new comment purges the page through PRESSROOM_PURGE_URL, and a
 * signed-in reader passes through to a page of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VarnishTest {
  static final String VARNISHD = "/usr/sbin/varnishd";
  static final Path VCL = Path.of("deploy/varnish/pressroom.vcl");

  Path tmp;
  TestApp site;
  Fixtures f;
  Process varnish;
  int port;
  int purgePort;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  void start() throws Exception {
    if (!new File(VARNISHD).canExecute()) {
      String message = "Varnish is not installed: apt-get install varnish varnish-modules";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    tmp = Files.createTempDirectory("pressroom-varnish");
    try (ServerSocket s = new ServerSocket(0);
        ServerSocket p = new ServerSocket(0)) {
      port = s.getLocalPort();
      purgePort = p.getLocalPort();
    }
    site =
        TestApp.start(
            TestApp.Db.SQLITE,
            false,
            Map.of("PRESSROOM_PURGE_URL", "http://127.0.0.1:" + purgePort + "/"));
    f = Fixtures.load(site.app());
    int sitePort = URI.create(site.url("/")).getPort();
    // The site stands in for HAProxy: its port, and its own health check for the probe.
    String vcl =
        Files.readString(VCL)
            .replace(".port = \"8000\";", ".port = \"" + sitePort + "\";")
            .replace(".url = \"/lb-health\";", ".url = \"/healthz\";");
    assertThat(vcl).contains(".port = \"" + sitePort + "\";");
    Path file = tmp.resolve("pressroom.vcl");
    Files.writeString(file, vcl);
    varnish =
        new ProcessBuilder(
                VARNISHD,
                "-F",
                "-j",
                "none",
                "-a",
                "127.0.0.1:" + port,
                "-a",
                "purge=127.0.0.1:" + purgePort,
                "-f",
                file.toString(),
                "-n",
                tmp.resolve("varnish").toString(),
                "-s",
                "malloc,64m")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("varnish.log").toFile())
            .start();
    Eventually.until(
        "Varnish answers and sees the site healthy",
        () -> {
          try {
            return get("/healthz", null).statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  @AfterAll
  void stop() throws Exception {
    if (varnish != null) {
      varnish.destroy();
      varnish.waitFor();
    }
    if (site != null) {
      site.close();
    }
  }

  HttpResponse<String> get(String path, String cookie) throws IOException {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (cookie != null) {
      r.header("Cookie", cookie);
    }
    try {
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Test
  void aRepeatedAnonymousArticleRequestIsACacheHitEvenWithACookieOfOurs() throws Exception {
    String path = "/articles/" + f.own.slug();
    HttpResponse<String> first = get(path, null);
    assertThat(first.statusCode()).isEqualTo(200);
    // A visitor who has been to the sign-in page holds a CSRF cookie: still the shared copy.
    HttpResponse<String> second = get(path, "pressroom-csrf=" + "x".repeat(43));
    assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.headers().firstValue("Surrogate-Key")).isEmpty();
  }

  @Test
  void aNewCommentPurgesTheCachedPage() throws Exception {
    String path = "/articles/" + f.wire.slug();
    get(path, null);
    assertThat(get(path, null).headers().firstValue("X-Cache")).hasValue("HIT");
    TestApp.Visitor reader =
        site.signedInNewAccount("varnish.reader", "correct horse 7", Access.Role.READER);
    String text = "Seen through the cache " + System.nanoTime();
    assertThat(reader.post(path + "/comments", Map.of("body", text)).statusCode()).isEqualTo(303);
    TestApp.Visitor moderator =
        site.signedInNewAccount("varnish.mod", "correct horse 6", Access.Role.MODERATOR);
    for (String id : site.pendingCommentIds()) {
      moderator.post("/staff/moderation/" + id + "/approve", Map.of());
    }
    long published = System.nanoTime();
    // Without the purge the copy would be kept for its s-maxage of two minutes.
    Eventually.until(
        "the comment is on the page the cache serves",
        () -> {
          try {
            return get(path, null).body().contains(text);
          } catch (IOException e) {
            return false;
          }
        });
    long ms = (System.nanoTime() - published) / 1_000_000;
    System.out.println("VarnishTest: comment visible through Varnish after " + ms + " ms");
    assertThat(ms).isLessThan(5_000);
  }

  @Test
  void aSignedInReaderPassesThroughToTheirOwnPage() throws Exception {
    String path = "/articles/" + f.wire.slug();
    get(path, null);
    TestApp.Visitor reader =
        site.signedInNewAccount("varnish.own", "correct horse 5", Access.Role.READER);
    String session =
        reader.cookies().stream()
            .filter(c -> c.getName().equals("pressroom-session"))
            .findFirst()
            .orElseThrow()
            .toString();
    HttpResponse<String> page = get(path, session);
    assertThat(page.headers().firstValue("X-Cache")).hasValue("MISS");
    assertThat(page.body()).contains("textarea").doesNotContain("id=\"sign-in\"");
  }

  @Test
  void readersCannotPurgeOnlyTheNodesCanOnTheirOwnListener() throws Exception {
    String path = "/articles/" + f.arabic.slug();
    get(path, null);
    assertThat(get(path, null).headers().firstValue("X-Cache")).hasValue("HIT");
    HttpRequest purge =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .method("PURGE", HttpRequest.BodyPublishers.noBody())
            .header("xkey-purge", SurrogateKeys.ALL)
            .build();
    // From 127.0.0.1, as every reader is behind a TLS terminator on the same machine.
    assertThat(http.send(purge, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(get(path, null).headers().firstValue("X-Cache")).hasValue("HIT");
  }
}
