package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.testing.TestApp;

/** Issue 12.15: with a management port, /metrics is served there and nowhere else. */
class ManagementPortTest {
  @Test
  void metricsAreOnTheManagementPortOnly() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (TestApp site =
        TestApp.start(
            TestApp.Db.SQLITE, false, Map.of("PRESSROOM_MANAGEMENT_PORT", String.valueOf(port)))) {
      assertThat(site.get("/metrics").statusCode()).isEqualTo(404);
      HttpResponse<String> scraped =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.body()).contains("jvm_memory_used_bytes");
      assertThat(site.get("/healthz").statusCode())
          .as("load balancers still check the main port")
          .isEqualTo(200);
    }
  }
}
