package pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pressroom.testing.TestDatabases;

/**
 * A site upgraded with articles already stored: V16 decides each story's listed version from the
 * rows it finds (priority, then the earliest; withdrawn and embargoed versions are not listed),
 * copies it onto author and tag links, and gives the site's own articles a story of their own.
 */
class ListingsMigrationTest {
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void anExistingArchiveGetsItsListedVersionsOnUpgrade(String dialect) throws Exception {
    String url =
        dialect.equals("sqlite")
            ? TestDatabases.sqliteUrl(Files.createTempDirectory("v16"))
            : TestDatabases.newPostgresDatabase();
    migrate(url, dialect, "15");
    Jdbi jdbi = Jdbi.create(url);
    long now = Instant.now().toEpochMilli();
    long hour = Duration.ofHours(1).toMillis();
    jdbi.useHandle(
        h -> {
          h.execute("INSERT INTO sections (id, slug, name) VALUES ('s', 'news', 'News')");
          h.execute(
              "INSERT INTO sources (id, name, priority) VALUES ('low', 'Low', 0), ('high', 'High', 5)");
          h.execute("INSERT INTO authors (id, slug, name) VALUES ('au', 'desk', 'Desk')");
          // story1: low and high versions, high wins; story2: the high version is withdrawn;
          // story3: the high version is under embargo; own: the site's own article, no story.
          article(h, "s1-low", "low", "story1", now - 3 * hour, "published");
          article(h, "s1-high", "high", "story1", now - 2 * hour, "published");
          article(h, "s2-low", "low", "story2", now - 3 * hour, "published");
          article(h, "s2-high", "high", "story2", now - 2 * hour, "withdrawn");
          article(h, "s3-low", "low", "story3", now - 3 * hour, "published");
          article(h, "s3-high", "high", "story3", now + 5 * hour, "published");
          article(h, "own", null, null, now - hour, "published");
          for (String id : List.of("s1-low", "s1-high", "own")) {
            h.execute(
                "INSERT INTO article_authors (article_id, position, author_id) VALUES (?, 0, 'au')",
                id);
          }
        });
    migrate(url, dialect, null);
    Map<String, List<Object>> rows =
        jdbi.withHandle(
            h ->
                h
                    .createQuery("SELECT id, listed, embargo_pending, story_id FROM articles")
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString("id"),
                                List.<Object>of(
                                    rs.getInt("listed"),
                                    rs.getInt("embargo_pending"),
                                    rs.getString("story_id"))))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(rows)
        .containsEntry("s1-low", List.of(0, 0, "story1"))
        .containsEntry("s1-high", List.of(1, 0, "story1"))
        .containsEntry("s2-low", List.of(1, 0, "story2"))
        .containsEntry("s2-high", List.of(0, 0, "story2"))
        .containsEntry("s3-low", List.of(1, 0, "story3"))
        .containsEntry("s3-high", List.of(0, 1, "story3"))
        .containsEntry("own", List.of(1, 0, "own"));
    Map<String, Integer> links =
        jdbi.withHandle(
            h ->
                h
                    .createQuery("SELECT article_id, listed, published_at FROM article_authors")
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString("article_id"),
                                rs.getLong("published_at") > 0 ? rs.getInt("listed") : -1))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(links)
        .containsExactlyInAnyOrderEntriesOf(Map.of("s1-low", 0, "s1-high", 1, "own", 1));
  }

  private static void migrate(String url, String dialect, String target) {
    var config =
        Flyway.configure()
            .dataSource(url, null, null)
            .locations(
                "classpath:" + Dialect.COMMON_MIGRATIONS, "classpath:db/migration/" + dialect);
    if (target != null) {
      config = config.target(target);
    }
    config.load().migrate();
  }

  private static void article(
      org.jdbi.v3.core.Handle h, String id, String source, String story, long at, String status) {
    h.execute(
        "INSERT INTO articles (id, slug, section_id, source_id, headline, body_html, published_at, updated_at, status, story_id)"
            + " VALUES (?, ?, 's', ?, ?, '<p>x</p>', ?, ?, ?, ?)",
        id,
        id,
        source,
        "Headline " + id,
        at,
        at,
        status,
        story);
  }
}
