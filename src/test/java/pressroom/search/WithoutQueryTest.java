package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exclusions as a filter of the articles without the excluded words: the same as MUST_NOT. */
class WithoutQueryTest {
  @TempDir Path folder;

  @Test
  void leavesOutExactlyWhatMustNotWould() throws IOException {
    // "the" in nearly every article (long runs to skip), "grid" in about half, "rare" in few.
    Random random = new Random(3);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w =
            new IndexWriter(
                dir,
                new IndexWriterConfig(ArticleDocuments.newAnalyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 3000; i++) {
        StringBuilder body = new StringBuilder("<p>");
        if (random.nextInt(100) < 97) {
          body.append("the harbour ");
        }
        if (random.nextBoolean()) {
          body.append("grid ");
        }
        if (random.nextInt(50) == 0) {
          body.append("rare words here ");
        }
        body.append(random.nextBoolean() ? "water" : "river").append("</p>");
        w.addDocument(
            ArticleDocuments.of(
                PhraseSearchTest.article(
                    Integer.toString(i), "News", "A summary.", body.toString()),
                1));
        if (i % 700 == 699) {
          w.commit(); // several segments
        }
      }
      w.deleteDocuments(new Term("id", "5"), new Term("id", "1500"), new Term("id", "2999"));
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setQueryCache(null);
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        Query[] wanted = {
          new MatchAllDocsQuery(), term("water"), term("the"), term("grid"), term("rare")
        };
        Query[] excluded = {
          term("the"),
          term("harbour"),
          term("grid"),
          term("rare"),
          term("absent"),
          phrase("all", "the", "harbour"), // checked one candidate at a time
          phrase("all", "harbour", "grid"),
          phrase("pairs", "rare words", "words here"),
          new TermQuery(new Term("pairs", "the harbour")),
        };
        int nonEmpty = 0;
        for (Query a : wanted) {
          for (Query b : excluded) {
            Query mustNot =
                new BooleanQuery.Builder().add(a, Occur.MUST).add(b, Occur.MUST_NOT).build();
            Query without =
                new BooleanQuery.Builder()
                    .add(a, Occur.MUST)
                    .add(new WithoutQuery(b), Occur.FILTER)
                    .build();
            Set<Integer> expected = PhraseSearchTest.docs(s, mustNot);
            assertThat(PhraseSearchTest.docs(s, without)).as("%s", without).isEqualTo(expected);
            assertThat(s.count(without)).isEqualTo(expected.size());
            // Scores are those of the wanted words alone, as with MUST_NOT.
            var top = s.search(without, 5);
            var reference = s.search(mustNot, 5);
            for (int i = 0; i < top.scoreDocs.length; i++) {
              assertThat(top.scoreDocs[i].doc).isEqualTo(reference.scoreDocs[i].doc);
              assertThat(top.scoreDocs[i].score).isEqualTo(reference.scoreDocs[i].score);
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
          }
        }
        assertThat(nonEmpty).isGreaterThan(20);
      }
    }
  }

  @Test
  void aSearchExcludingACommonWordFindsTheFewWithoutIt() {
    try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
      for (int i = 0; i < 50; i++) {
        String body = i % 10 == 3 ? "<p>Harbour report.</p>" : "<p>Harbour council report.</p>";
        index.put(PhraseSearchTest.article(Integer.toString(i), "News " + i, "A summary.", body));
      }
      index.refresh();
      assertThat(index.search("harbour -council", false, 1, 10).hits())
          .extracting(SearchResults.Hit::id)
          .containsExactlyInAnyOrder("3", "13", "23", "33", "43");
      assertThat(index.search("report -\"harbour council\"", true, 1, 10).total()).isEqualTo(5);
      assertThat(index.search("-council section:world", false, 1, 10).total()).isEqualTo(5);
      assertThat(index.search("harbour -report", false, 1, 10).total()).isZero();
    }
  }

  static Query term(String word) {
    return new TermQuery(new Term("all", word));
  }

  static Query phrase(String field, String... terms) {
    return new PhraseQuery(field, terms);
  }
}
