package pressroom.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;
import pressroom.web.Access;
import pressroom.web.SurrogateKeys;

/**
 * When content changes, the shared cache named by PRESSROOM_PURGE_URL is sent a purge naming the
 * surrogate keys of the pages that changed (here a stand-in cache records what it is sent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedCachePurgeTest {
  final List<String> purges = new CopyOnWriteArrayList<>();
  HttpServer cache;
  TestApp site;
  Fixtures f;

  @BeforeAll
  void start() throws Exception {
    cache = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cache.createContext(
        "/",
        exchange -> {
          purges.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst(SharedCachePurge.HEADER));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    cache.start();
    site =
        TestApp.start(
            TestApp.Db.SQLITE,
            false,
            Map.of(
                "PRESSROOM_PURGE_URL", "http://127.0.0.1:" + cache.getAddress().getPort() + "/"));
    f = Fixtures.load(site.app());
  }

  @AfterAll
  void stop() {
    site.close();
    cache.stop(0);
  }

  @Test
  void aNewArticlePurgesItselfTheHomePageAndItsListings() {
    var article = site.insert(Fixtures.story("Purged headline", "<p>Body.</p>", Instant.now()));
    String key = SurrogateKeys.article(article.id());
    Eventually.until(
        "a purge naming the new article",
        () -> purges.stream().anyMatch(p -> p.startsWith("PURGE ") && p.contains(key)));
    String purge = purges.stream().filter(p -> p.contains(key)).findFirst().orElseThrow();
    assertThat(purge.substring("PURGE ".length()).split(" "))
        .contains(key, SurrogateKeys.HOME, SurrogateKeys.SEARCH)
        .anyMatch(k -> k.startsWith("s-"));
  }

  @Test
  void aCommentPurgesItsArticlesPageButNoListing() {
    TestApp.Visitor reader =
        site.signedInNewAccount("purger", "correct horse 9", Access.Role.READER);
    purges.clear();
    var r =
        reader.post(
            "/articles/" + f.wire.slug() + "/comments", Map.of("body", "A comment to purge for."));
    assertThat(r.statusCode()).isEqualTo(303);
    // A new reader's first comments wait for a moderator; approving one publishes it.
    TestApp.Visitor moderator =
        site.signedInNewAccount("purgemod", "correct horse 8", Access.Role.MODERATOR);
    for (String id : site.pendingCommentIds()) {
      assertThat(moderator.post("/staff/moderation/" + id + "/approve", Map.of()).statusCode())
          .isEqualTo(303);
    }
    String key = SurrogateKeys.comments(f.wire.id());
    Eventually.until(
        "a purge naming the article's comments",
        () -> purges.stream().anyMatch(p -> p.contains(key)));
    assertThat(purges).noneMatch(p -> p.contains(SurrogateKeys.HOME));
  }
}
