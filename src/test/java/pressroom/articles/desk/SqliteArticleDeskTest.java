package pressroom.articles.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pressroom.articles.ArticleDesk;
import pressroom.articles.ArticleDesk.Filter;
import pressroom.articles.ArticleDesk.Origin;
import pressroom.articles.ArticleStatus;
import pressroom.articles.Window;
import pressroom.testing.TestApp;

class SqliteArticleDeskTest extends ArticleDeskContract {
  @Override
  public TestApp.Db db() {
    return TestApp.Db.SQLITE;
  }

  /** The desk's pages, a refused form and an article with corrections pass the Nu Html Checker. */
  @Test
  void theDesksPagesAreValidHtml() throws Exception {
    var a = story("Valid page story");
    java.util.Map<String, String> form = form(a.id());
    form.put("body", "<p>The council met on Tuesday.</p>");
    editor.post("/staff/articles/" + a.id(), form);
    editor.post("/staff/articles/" + a.id() + "/corrections", java.util.Map.of("note", "Tuesday."));
    var checker = new pressroom.testing.HtmlChecker();
    for (var r :
        List.of(
            editor.get("/staff/articles"),
            editor.get("/staff/articles?from=never"),
            editor.get("/staff/articles/" + a.id()),
            editor.post("/staff/articles/" + a.id() + "/withdraw", java.util.Map.of("reason", " ")),
            editor.get("/staff/articles/" + a.id() + "/revisions"),
            anonymous("/articles/" + a.slug()))) {
      assertThat(checker.errors(r.body())).as("HTML errors in " + r.uri()).isEmpty();
    }
  }

  /**
   * Each filter of the staff list, alone and together, from the top and from a position: the plan
   * walks an index in list order and stops at the page's end, never sorting or reading the table
   * whole (the archive holds a million articles).
   */
  @Test
  void everyFilterOfTheListReadsAnIndexInOrder() {
    String section = site.sqlOne(String.class, "SELECT id FROM sections WHERE slug = 'world'");
    String source = site.sqlOne(String.class, "SELECT id FROM sources LIMIT 1");
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant until = Instant.parse("2026-02-01T00:00:00Z");
    Window.Position at = new Window.Position(until.toEpochMilli() - 5, "0190");
    List<Filter> filters =
        List.of(
            Filter.ANY,
            new Filter(section, null, null, null, null, null),
            new Filter(null, new Origin.Own(), null, null, null, null),
            new Filter(null, new Origin.Partner(source), null, null, null, null),
            new Filter(null, null, ArticleStatus.WITHDRAWN, null, null, null),
            new Filter(null, null, null, from, until, null),
            new Filter(null, null, null, null, null, "harbour"),
            new Filter(
                section, new Origin.Partner(source), ArticleStatus.PUBLISHED, from, until, "x"));
    for (Filter f : filters) {
      for (Window after : List.of(Window.FIRST, new Window.Before(at), new Window.After(at))) {
        ArticleDesk.Statement st = ArticleDesk.listStatement(f, after, 51);
        List<String> plan =
            site.app()
                .database()
                .jdbi()
                .withHandle(
                    h -> {
                      var q = h.createQuery("EXPLAIN QUERY PLAN " + st.sql());
                      st.binds().forEach(q::bind);
                      return q.map((rs, ctx) -> rs.getString("detail")).list();
                    });
        assertThat(plan).as(f + " after " + after).noneMatch(l -> l.contains("TEMP B-TREE"));
        assertThat(plan)
            .as(f + " after " + after)
            .noneMatch(
                l -> l.matches("SCAN a") || l.startsWith("SCAN s") || l.startsWith("SCAN src"));
        assertThat(plan.getFirst()).as(f + " after " + after).contains("INDEX articles_desk_by_");
        if (f.status() == ArticleStatus.WITHDRAWN) {
          assertThat(plan.getFirst()).contains("articles_desk_by_status");
        }
        if (f.origin() instanceof Origin.Own) {
          assertThat(plan.getFirst()).contains("articles_desk_by_source");
        }
      }
    }
  }
}
