package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.testing.Eventually;
import pressroom.testing.TestApp;

class PostgresSectionsAndOwnArticlesTest extends SectionsAndOwnArticlesContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }

  @Test
  void anotherNodeShowsTheNewNavigationAndTheNewArticleWithoutAStaleCopy() throws Exception {
    try (TestApp other =
        TestApp.startOn(
            site.dbUrl(), java.nio.file.Files.createTempDirectory("node2"), false, Map.of())) {
      String id = create("Markets", "markets");
      Eventually.until(
          "the other node shows the new section",
          () -> navigation(other.get("/").body()).contains("Markets"));
      int place = navigation(other.get("/").body()).indexOf("Markets");
      other.get("/sections/markets"); // cached there now
      editor.post(
          "/staff/sections/" + id + "/edit",
          Map.of("name", "Money", "slug", "markets", "description", ""));
      editor.post("/staff/sections/" + id + "/move", Map.of("direction", "up"));
      editor.post(
          "/staff/articles/new",
          Map.of(
              "headline", "Harbour fish market reopens",
              "body", "Stalls opened at dawn.",
              "section", "markets",
              "action", "publish"));
      Eventually.until(
          "the other node drops its copies",
          () -> {
            String page = other.get("/sections/markets").body();
            return navigation(page).contains("Money")
                && !navigation(page).contains("Markets")
                && page.contains("Harbour fish market reopens");
          });
      assertThat(navigation(other.get("/").body()).indexOf("Money")).isEqualTo(place - 1);
    }
  }
}
