package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
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
    return new Article(id, "slug-" + id, new Section("s", "world", "World", ""), new Source("src", "Test Wire", null, "", SeoPolicy.CANONICAL),
        headline, "A summary.", List.of(new Author("a", "jane-roe", "Jane Roe")), "<p>Body text.</p>", "en", "ltr", null,
        Instant.now(), Instant.now(), List.of(new Tag("t", "ports", "Ports")), ArticleStatus.PUBLISHED, null, null);
  }

  @Test
  void anIndexKeepsItsArticlesAcrossARestart() {
    try (ArticleIndex index = new ArticleIndex(folder)) {
      index.put(article("1", "Harbour cranes return"));
      index.refresh();
    }
    try (ArticleIndex index = new ArticleIndex(folder)) {
      assertThat(index.size()).isEqualTo(1);
      assertThat(index.search("cranes", false, 1, 10).total()).isEqualTo(1);
    }
  }

  @Test
  void inALargeIndexCountsOfVeryManyMatchesAreEstimatedFromTheSampleAndFewAreCountedExactly() {
    // Thresholds lowered so 4,000 articles act like a large index: estimate from 40 sampled matches.
    try (ArticleIndex index = new ArticleIndex(folder, 0, 40)) {
      java.util.Random random = new java.util.Random(5);
      for (int i = 0; i < 4000; i++) {
        String rare = i % 400 == 0 ? " zeppelin" : "";
        index.put(new Article(pressroom.db.Ids.newId(), "slug-" + i, new Section("s", i % 4 == 0 ? "world" : "business", i % 4 == 0 ? "World" : "Business", ""),
            null, "Common words for article " + random.nextInt() + rare, "A summary.", List.of(), "<p>Body text.</p>", "en", "ltr", null,
            Instant.now(), Instant.now(), List.of(), ArticleStatus.PUBLISHED, null, null));
      }
      index.refresh();

      ArticleIndex.Results many = index.search("common", false, 1, 10);
      assertThat(many.estimated()).isTrue();
      assertThat(many.total()).isBetween(3000L, 5000L);
      assertThat(many.hits()).hasSize(10);
      var world = many.sections().stream().filter(c -> c.key().equals("world")).findFirst().orElseThrow();
      assertThat(world.count()).isBetween(600L, 1400L);

      ArticleIndex.Results few = index.search("zeppelin", false, 1, 10);
      assertThat(few.estimated()).isFalse();
      assertThat(few.total()).isEqualTo(10);
      assertThat(few.sections()).extracting(ArticleIndex.Count::count).containsExactly(10L);
    }
  }

  @Test
  void anIndexWrittenWithAnOlderLayoutIsEmptiedSoTheSiteRebuildsIt() throws Exception {
    try (IndexWriter old = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig())) {
      Document d = new Document();
      d.add(new StringField("id", "old", Field.Store.YES));
      old.addDocument(d);
      old.setLiveCommitData(Map.of("schema", "1").entrySet());
      old.commit();
    }
    try (ArticleIndex index = new ArticleIndex(folder)) {
      assertThat(index.size()).isZero();
    }
  }
}
