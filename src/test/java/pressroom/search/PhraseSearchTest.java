package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.articles.Article;
import pressroom.articles.ArticleStatus;
import pressroom.articles.Author;
import pressroom.articles.Section;
import pressroom.articles.SeoPolicy;
import pressroom.articles.Source;
import pressroom.articles.Tag;

/**
 * "Exact phrases", which match on the index's pairs of words: the same articles as the words'
 * positions would find, and only those.
 */
class PhraseSearchTest {
  @TempDir Path folder;

  static Article article(String id, String headline, String summary, String body) {
    return new Article(
        id,
        "slug-" + id,
        new Section("s", "world", "World", ""),
        new Source("src", "Test Wire", null, "", SeoPolicy.CANONICAL),
        headline,
        summary,
        List.of(new Author("a", "jane-roe", "Jane Roe")),
        body,
        "en",
        "ltr",
        null,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(Integer.parseInt(id)),
        Instant.parse("2026-01-01T00:00:00Z"),
        List.of(new Tag("t", "ports", "Ports")),
        ArticleStatus.PUBLISHED,
        null,
        null,
        null);
  }

  List<String> ids(ArticleIndex index, String q) {
    return index.search(q, true, 1, 50).hits().stream().map(SearchResults.Hit::id).toList();
  }

  @Test
  void aPhraseFindsItsWordsTogetherInOrderAndNothingElse() {
    try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
      index.put(article("1", "Grid harbour reopens", "A summary.", "<p>Body text.</p>"));
      index.put(article("2", "Harbour grid reopens", "A summary.", "<p>Body text.</p>"));
      index.put(article("3", "The grid of the harbour", "A summary.", "<p>Body text.</p>"));
      // Punctuation between the words is no gap (the words' positions say the same).
      index.put(article("4", "Grid, harbour: a report", "A summary.", "<p>Body text.</p>"));
      // The headline ends with "grid" and the summary starts with "harbour": two texts, no phrase.
      index.put(article("5", "Power on the grid", "Harbour news.", "<p>Body text.</p>"));
      index.put(
          article("6", "State of the art", "A summary.", "<p>Farmers met in Şanlıurfa today.</p>"));
      index.put(article("7", "Council votes", "A summary.", "<p>The river valley floods.</p>"));
      index.refresh();

      assertThat(ids(index, "\"grid harbour\"")).containsExactlyInAnyOrder("1", "4");
      assertThat(ids(index, "\"harbour grid\"")).containsExactly("2");
      assertThat(ids(index, "\"grid harbour reopens\"")).containsExactly("1");
      assertThat(ids(index, "\"harbour grid reopens\"")).containsExactly("2");
      assertThat(ids(index, "\"grid harbour report\"")).isEmpty(); // "a" between
      assertThat(ids(index, "\"grid harbour a report\"")).containsExactly("4");
      assertThat(ids(index, "\"the grid of the harbour\"")).containsExactly("3");
      assertThat(ids(index, "\"grid of harbour\"")).isEmpty();
      // Small words are words: they count in a phrase.
      assertThat(ids(index, "\"state of the art\"")).containsExactly("6");
      assertThat(ids(index, "\"state the art\"")).isEmpty();
      // A phrase of one word is the word.
      assertThat(ids(index, "\"reopens\"")).containsExactlyInAnyOrder("1", "2");
      // Accents folded or not, in the body.
      assertThat(ids(index, "\"in sanliurfa today\"")).containsExactly("6");
      assertThat(ids(index, "\"met in Şanlıurfa\"")).containsExactly("6");
      assertThat(ids(index, "\"MET IN ŞANLIURFA\"")).containsExactly("6");
      assertThat(ids(index, "\"river valley floods\"")).containsExactly("7");
      // Across two texts of the article: no phrase.
      assertThat(ids(index, "\"grid harbour news\"")).isEmpty();
      assertThat(ids(index, "\"power on the grid\"")).containsExactly("5");
      // Excluded phrases leave out just their articles.
      assertThat(ids(index, "grid -\"grid harbour\"")).containsExactlyInAnyOrder("2", "3", "5");
      assertThat(ids(index, "harbour -\"the grid of the harbour\""))
          .containsExactlyInAnyOrder("1", "2", "4", "5");
      // Snippets still mark the phrase's words.
      assertThat(index.search("\"river valley\"", false, 1, 10).hits().getFirst().snippet())
          .contains("<mark>river</mark> <mark>valley</mark>");
    }
  }

  /**
   * Random articles and random phrases of their words: the pairs find exactly the articles the
   * words' positions in "all" find.
   */
  @Test
  void pairsFindTheSameArticlesAsTheWordsPositions() throws IOException {
    String[] words = {
      "grid", "harbour", "the", "of", "a", "Şanlıurfa", "sanliurfa", "café", "cafe", "river", "x",
    };
    String[] glue = {" ", " ", " ", ", ", ". ", " - ", "; "};
    Random random = new Random(42);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w =
            new IndexWriter(dir, new IndexWriterConfig(ArticleDocuments.newAnalyzer()))) {
      for (int i = 0; i < 400; i++) {
        w.addDocument(
            ArticleDocuments.of(
                article(
                    Integer.toString(i),
                    text(random, words, glue, 1 + random.nextInt(4)),
                    text(random, words, glue, 1 + random.nextInt(6)),
                    "<p>" + text(random, words, glue, random.nextInt(12)) + "</p>"),
                1));
      }
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(reader);
        int found = 0;
        for (int i = 0; i < 600; i++) {
          String phrase = text(random, words, glue, 1 + random.nextInt(4));
          SearchQuery q =
              SearchQuery.of(
                  QueryText.parse("\"" + phrase + "\""),
                  ArticleDocuments.newAnalyzer(),
                  ArticleSearch.BOOSTS);
          Set<Integer> byPairs = docs(s, q.matching());
          assertThat(byPairs).as(phrase).isEqualTo(docs(s, q.marked()));
          found += byPairs.isEmpty() ? 0 : 1;
        }
        assertThat(found).isGreaterThan(100); // the phrases did find articles
      }
    }
  }

  static String text(Random random, String[] words, String[] glue, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String w = words[random.nextInt(words.length)];
      out.add(random.nextBoolean() ? w : w.toUpperCase(java.util.Locale.ROOT));
      if (i < n - 1) {
        out.add(glue[random.nextInt(glue.length)]);
      }
    }
    return String.join("", out);
  }

  static Set<Integer> docs(IndexSearcher s, Query q) throws IOException {
    Set<Integer> out = new TreeSet<>();
    for (ScoreDoc d : s.search(q, 10_000).scoreDocs) {
      out.add(d.doc);
    }
    return out;
  }
}
