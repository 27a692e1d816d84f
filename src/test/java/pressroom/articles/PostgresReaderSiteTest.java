package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.testing.TestApp;

class PostgresReaderSiteTest extends ReaderSiteContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }

  @Test
  void aChangeMadeOnOneNodeDropsTheCachedPageOnAnother() throws Exception {
    try (TestApp other =
        TestApp.startOn(
            site.dbUrl(), java.nio.file.Files.createTempDirectory("node2"), false, Map.of())) {
      String path = "/articles/" + f.noindex.slug();
      assertThat(other.get(path).statusCode()).isEqualTo(200);
      assertThat(other.get(path).statusCode()).isEqualTo(200); // now served from its cache
      site.app().articles().setStatus(f.noindex.id(), ArticleStatus.WITHDRAWN);
      pressroom.testing.Eventually.until(
          "other node dropped its copy", () -> other.get(path).statusCode() == 410);
      site.app().articles().setStatus(f.noindex.id(), ArticleStatus.PUBLISHED);
    }
  }
}
