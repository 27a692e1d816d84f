package pressroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pressroom.testing.Eventually;
import pressroom.testing.TestApp;

/** A stopping node tells the load balancer first, and still serves readers meanwhile. */
class DrainTest {
  @Test
  void whileDrainingHealthSays503ButPagesStillAnswer() throws Exception {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, true)) {
      assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
      Thread drain =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      site.app().drain(Duration.ofSeconds(3));
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      Eventually.until("/healthz says draining", () -> site.get("/healthz").statusCode() == 503);
      assertThat(site.get("/healthz").body()).contains("draining");
      assertThat(site.get("/").statusCode()).isEqualTo(200);
      drain.join();
    }
  }
}
