package pressroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import pressroom.testing.Eventually;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;

/** `pressroom reindex` beside a running site, which holds the index: the site rebuilds its own. */
class ReindexCommandTest {
  @Test
  void aRunningSiteIsAskedToRebuildAndKeepsServingMeanwhile() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      Fixtures f = Fixtures.load(site.app());
      site.app().reindex();
      assertThat(titles(site, "dockers")).hasSize(1);
      // Withdrawn behind the site's back: no change-log row, so only a rebuild notices.
      Jdbi.create(site.dbUrl())
          .useHandle(
              h ->
                  h.createUpdate("UPDATE articles SET status = 'withdrawn' WHERE id = :id")
                      .bind("id", f.wire.id())
                      .execute());

      StringWriter out = new StringWriter();
      int code =
          PressroomCommand.run(
              new String[] {"reindex"},
              Map.of("PRESSROOM_DATA", site.dataDir().toString(), "PRESSROOM_DB_URL", site.dbUrl()),
              new PrintWriter(out, true),
              new PrintWriter(new StringWriter(), true));

      assertThat(code).isZero();
      assertThat(out.toString())
          .contains(
              "The site is running and holds the search index: every running node now rebuilds its own index");
      Eventually.until(
          "the running site rebuilt its index", () -> titles(site, "dockers").isEmpty());
      assertThat(titles(site, "microgrid")).hasSize(1);
    }
  }

  static java.util.List<String> titles(TestApp site, String q) {
    return Jsoup.parse(site.get("/search?q=" + q).body()).select(".item-title").eachText();
  }
}
