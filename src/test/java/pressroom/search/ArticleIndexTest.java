package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.articles.Article;
import pressroom.articles.ArticleStatus;
import pressroom.articles.Author;
import pressroom.articles.Section;
import pressroom.articles.SeoPolicy;
import pressroom.articles.Source;
import pressroom.articles.Tag;

/** The index on its own: what survives a restart, and what an upgrade throws away. */
class ArticleIndexTest {
  @TempDir Path folder;

  static Article article(String id, String headline) {
    return new Article(
        id,
        "slug-" + id,
        new Section("s", "world", "World", ""),
        new Source("src", "Test Wire", null, "", SeoPolicy.CANONICAL),
        headline,
        "A summary.",
        List.of(new Author("a", "jane-roe", "Jane Roe")),
        "<p>Body text.</p>",
        "en",
        "ltr",
        null,
        Instant.now(),
        Instant.now(),
        List.of(new Tag("t", "ports", "Ports")),
        ArticleStatus.PUBLISHED,
        null,
        null,
        null);
  }

  @Test
  void anIndexKeepsItsArticlesAcrossARestart() {
    try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
      index.put(article("1", "Harbour cranes return"));
      index.refresh();
    }
    try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.search("cranes", false, 1, 10).total()).isEqualTo(1);
    }
  }

  @Test
  void inALargeIndexCountsOfVeryManyMatchesAreEstimatedFromTheSampleAndFewAreCountedExactly() {
    // Thresholds lowered so 4,000 articles act like a large index: estimate from 40 sampled
    // matches.
    try (ArticleIndex index =
        new ArticleIndex(
            folder, new SearchLimits(0, 40, 1_000_000, 60_000, 60_000), InstantSource.system())) {
      java.util.Random random = new java.util.Random(5);
      for (int i = 0; i < 4000; i++) {
        String rare = i % 400 == 0 ? " zeppelin" : "";
        // Ids from the seeded generator: which articles are in the sample is then fixed.
        String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        index.put(
            new Article(
                id,
                "slug-" + i,
                new Section(
                    "s", i % 4 == 0 ? "world" : "business", i % 4 == 0 ? "World" : "Business", ""),
                null,
                "Common words for article " + random.nextInt() + rare,
                "A summary.",
                List.of(),
                "<p>Body text.</p>",
                "en",
                "ltr",
                null,
                Instant.now(),
                Instant.now(),
                List.of(),
                ArticleStatus.PUBLISHED,
                null,
                null,
                null));
      }
      index.refresh();

      SearchResults many = index.search("common", false, 1, 10);
      assertThat(many.estimated()).isTrue();
      assertThat(many.total()).isBetween(3000L, 5000L);
      assertThat(many.hits()).hasSize(10);
      var world =
          many.sections().stream().filter(c -> c.key().equals("world")).findFirst().orElseThrow();
      // 1,000 in truth; estimated from the quarter of a 1-in-32 sample (about 31 articles), so
      // within three standard deviations of that sample's count.
      assertThat(world.count()).isBetween(500L, 1500L);

      SearchResults few = index.search("zeppelin", false, 1, 10);
      assertThat(few.estimated()).isFalse();
      assertThat(few.total()).isEqualTo(10);
      assertThat(few.sections()).extracting(SearchResults.Count::count).containsExactly(10L);
    }
  }

  @Test
  void aRelevanceOrderOfVeryManyMatchesWeighsTheNewestAndSaysSo() {
    try (ArticleIndex index =
        new ArticleIndex(
            folder, new SearchLimits(1_000_000, 40, 100, 60_000, 60_000), InstantSource.system())) {
      Instant start = Instant.parse("2026-01-01T00:00:00Z");
      for (int i = 0; i < 1000; i++) {
        // The best match of all is the oldest article; the second best is among the newest.
        String headline = i == 0 || i == 990 ? "Ferry ferry ferry" : "Ferry news " + i;
        index.put(
            new Article(
                "id-" + i,
                "slug-" + i,
                new Section("s", "world", "World", ""),
                null,
                headline,
                "A summary.",
                List.of(),
                "<p>The ferry sails.</p>",
                "en",
                "ltr",
                null,
                start.plusSeconds(60L * i),
                start.plusSeconds(60L * i),
                List.of(),
                ArticleStatus.PUBLISHED,
                null,
                null,
                null));
      }
      index.refresh();
      SearchResults r = index.search("ferry", false, 1, 10);
      assertThat(r.total()).isEqualTo(1000);
      assertThat(r.rankedAmongNewest()).isTrue();
      assertThat(r.hits().getFirst().headline()).isEqualTo("Ferry ferry ferry");
      assertThat(r.hits())
          .extracting(SearchResults.Hit::slug)
          .doesNotContain("slug-0")
          .allMatch(slug -> Integer.parseInt(slug.substring(5)) >= 900);
      SearchResults newest = index.search("ferry", true, 1, 10);
      assertThat(newest.rankedAmongNewest()).isFalse();
      assertThat(newest.hits()).extracting(SearchResults.Hit::slug).first().isEqualTo("slug-999");
    }
  }

  @Test
  void anIndexWrittenWithAnOlderLayoutIsEmptiedSoTheSiteRebuildsIt() throws Exception {
    // "5": the layout before phrases were indexed as pairs of words.
    for (String schema : List.of("1", "5")) {
      try (IndexWriter old =
          new IndexWriter(
              FSDirectory.open(folder),
              new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
        Document d = new Document();
        d.add(new StringField("id", "old", Field.Store.YES));
        old.addDocument(d);
        old.setLiveCommitData(Map.of("schema", schema).entrySet());
        old.commit();
      }
      try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
        assertThat(index.size()).isZero();
      }
      try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
        index.put(article("1", "Grid harbour reopens"));
        index.refresh();
        assertThat(index.search("\"grid harbour\"", false, 1, 10).total()).isEqualTo(1);
      }
    }
  }
}
