package pressroom.articles.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import pressroom.articles.ArticleWrites.StoredArticle;
import pressroom.testing.Eventually;
import pressroom.testing.TestApp;

class PostgresArticleDeskTest extends ArticleDeskContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.POSTGRESQL;
  }

  /**
   * Read committed lets a save read the old time and pass the stale check while another save holds
   * the row; once that one commits, this one must find the row changed instead of overwriting it.
   */
  @Test
  void aSaveThatWaitedForAnotherSaveDoesNotOverwriteIt() throws Exception {
    StoredArticle a = story("Tram line opens");
    Map<String, String> form = form(a.id());
    form.put("headline", "Tram line opens, a week late");
    try (Handle other = site.app().database().jdbi().open()) {
      other.begin();
      other.execute(
          "UPDATE articles SET headline = ?, updated_at = updated_at + 1 WHERE id = ?",
          "Tram line opens on time",
          a.id());
      CompletableFuture<HttpResponse<String>> save =
          CompletableFuture.supplyAsync(() -> editor.post("/staff/articles/" + a.id(), form));
      Eventually.until(
          "the save waits for the row",
          () ->
              site.sqlOne(
                      Integer.class,
                      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                          + " AND wait_event_type = 'Lock'")
                  > 0);
      other.commit();
      assertThat(save.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
    }
    assertThat(site.sqlOne(String.class, "SELECT headline FROM articles WHERE id = ?", a.id()))
        .isEqualTo("Tram line opens on time");
    assertThat(
            site.sqlOne(
                Integer.class,
                "SELECT count(*) FROM article_revisions WHERE article_id = ?",
                a.id()))
        .isZero();
  }
}
