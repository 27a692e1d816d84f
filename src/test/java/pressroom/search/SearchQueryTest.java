package pressroom.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search text as Lucene queries: analysed like the articles, and never failing. */
class SearchQueryTest {
  static final Analyzer ANALYZER = ArticleDocuments.newAnalyzer();

  static SearchQuery query(String text) {
    return SearchQuery.of(QueryText.parse(text), ANALYZER, ArticleSearch.BOOSTS);
  }

  @Test
  void wordsMustAllMatchInAllAndWeighInTheWeightedFields() {
    SearchQuery q = query("harbour cranes");
    assertThat(q.matching().toString()).isEqualTo("+all:harbour +all:cranes");
    assertThat(q.weight().toString())
        .contains(
            "(headline:harbour)^3.0",
            "(summary:cranes)^1.5",
            "(authors:harbour)^2.0",
            "(tags:cranes)^2.0");
    assertThat(q.filters()).isEmpty();
    assertThat(q.wantsSomething()).isTrue();
    assertThat(q.shortened()).isFalse();
  }

  @Test
  void phrasesAreAnalysedIntoTermsWithPositions() {
    // A phrase matches on its pairs of words; the highlighter marks its words.
    assertThat(query("\"Solar Microgrid\"").matching().toString())
        .isEqualTo("+pairs:solar microgrid");
    assertThat(query("\"Solar Microgrid\"").marked().toString())
        .isEqualTo("+all:\"solar microgrid\"");
    assertThat(first(query("\"solar microgrid\"").marked())).isInstanceOf(PhraseQuery.class);
    assertThat(query("\"grid harbour cranes\"").matching().toString())
        .isEqualTo("+pairs:\"grid harbour harbour cranes\"");
    assertThat(first(query("\"grid harbour cranes\"").matching())).isInstanceOf(PhraseQuery.class);
    // A word with an accent is searched in both spellings, alone and in a phrase.
    Query accented = first(query("Şanlıurfa").matching());
    assertThat(accented).isInstanceOf(SynonymQuery.class);
    assertThat(accented.toString()).contains("all:şanlıurfa", "all:sanliurfa");
    assertThat(first(query("\"farmers met in Şanlıurfa\"").marked()))
        .isInstanceOf(MultiPhraseQuery.class);
    Query pairs = first(query("\"farmers met in Şanlıurfa\"").matching());
    assertThat(pairs).isInstanceOf(MultiPhraseQuery.class);
    assertThat(pairs.toString()).contains("in şanlıurfa", "in sanliurfa");
    assertThat(first(query("\"in Şanlıurfa\"").matching())).isInstanceOf(SynonymQuery.class);
    // A one-word phrase is a word.
    assertThat(first(query("\"microgrid\"").matching())).isInstanceOf(TermQuery.class);
  }

  @Test
  void aWordTheAnalyserSplitsNeedsAllItsParts() {
    assertThat(query("e-mail").matching().toString()).isEqualTo("+(+all:e +all:mail)");
    assertThat(query("/.*a.{30}/").matching().toString()).isEqualTo("+(+all:a +all:30)");
    assertThat(query("harbour*").matching().toString()).isEqualTo("+all:harbour");
  }

  @Test
  void exclusionsAndFilters() {
    SearchQuery q = query("ports -energy -\"solar microgrid\" section:world -author:\"Jane Roe\"");
    assertThat(q.matching().toString())
        .isEqualTo("+all:ports #without(all:energy) #without(pairs:solar microgrid)");
    assertThat(q.filters())
        .extracting(c -> c.occur() + c.query().toString())
        .containsExactly("#section:world", "-author:jane-roe");
    assertThat(query("source:\"Open Cooperative\"").filters())
        .extracting(c -> c.occur() + c.query().toString())
        .containsExactly("#source:open-cooperative");
    assertThat(query("section:world").matching()).isInstanceOf(MatchAllDocsQuery.class);
    assertThat(query("section:world").weight()).isNull();
  }

  @Test
  void onlyExclusionsAskForNothingButNarrowAFilteredSearch() {
    assertThat(query("-energy").wantsSomething()).isFalse();
    assertThat(query("-section:world").wantsSomething()).isFalse();
    assertThat(query("&& || - ( )").wantsSomething()).isFalse();
    assertThat(query("").wantsSomething()).isFalse();
    SearchQuery narrowed = query("section:world -energy");
    assertThat(narrowed.wantsSomething()).isTrue();
    assertThat(narrowed.matching().toString()).isEqualTo("+*:* #without(all:energy)");
    assertThat(narrowed.weight()).isNull();
  }

  @Test
  void aSearchUsesAtMostThirtyTwoTerms() {
    SearchQuery words = query("word ".repeat(SearchQuery.MAX_TERMS + 1).strip());
    assertThat(words.shortened()).isTrue();
    assertThat(termsIn(words.matching())).isEqualTo(SearchQuery.MAX_TERMS);
    assertThat(query("word ".repeat(SearchQuery.MAX_TERMS).strip()).shortened()).isFalse();
    // A run of Chinese is a term per character: its first 32 are searched.
    SearchQuery chinese = query("東京大学".repeat(20));
    assertThat(chinese.shortened()).isTrue();
    assertThat(termsIn(chinese.matching())).isEqualTo(SearchQuery.MAX_TERMS);
    // An excluded phrase that does not fit is left out, not shortened (that would exclude more).
    SearchQuery excluded = query("word ".repeat(30) + "-\"three more words\"");
    assertThat(excluded.shortened()).isTrue();
    assertThat(excluded.matching().toString()).doesNotContain("without");
  }

  /** Characters that mean something to Lucene, to the parser, to Unicode or to nobody. */
  static final String[] NASTY = {
    "a",
    "Z",
    "9",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u0000",
    "\u0001",
    "\u007f",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\u200b",
    "\u200f",
    "\ufeff",
    "\"",
    "“",
    "”",
    "„",
    "«",
    "'",
    "-",
    "--",
    "+",
    "&&",
    "||",
    "!",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "^",
    "~",
    "~2",
    "*",
    "?",
    ":",
    "\\",
    "/",
    "/.*",
    ".{30}/",
    "TO",
    "AND",
    "OR",
    "NOT",
    "author:",
    "section:",
    "source:",
    "AUTHOR:",
    "headline:",
    "foo:",
    "-author:",
    "\"a b",
    "*:*",
    "Ş",
    "ı",
    "ß",
    "é",
    "e\u0301",
    "東京",
    "大学",
    "مكتبة",
    "שלום",
    "ไทย",
    "😀",
    "\ud83d",
    "\ude00",
    "\ud800",
    "\udfff",
    "\uffff",
    "%",
    "&amp;",
    "<b>",
    "'; DROP TABLE",
    "ports",
    "energy",
    "solar microgrid",
  };

  static String nasty(Random random) {
    StringBuilder s = new StringBuilder();
    int pieces =
        switch (random.nextInt(10)) {
          case 0 -> random.nextInt(400) + 100; // long, over the length limit at times
          case 1 -> 0;
          default -> random.nextInt(12) + 1;
        };
    for (int i = 0; i < pieces; i++) {
      s.append(
          random.nextInt(8) == 0
              ? String.valueOf((char) random.nextInt(0x10000))
              : NASTY[random.nextInt(NASTY.length)]);
    }
    if (random.nextInt(50) == 0) {
      s.append("x".repeat(random.nextInt(5_000))); // a very long word
    }
    return s.toString();
  }

  @Test
  void noTextEverFailsToParseOrToBuild() {
    Random random = new Random(20261206);
    for (int i = 0; i < 20_000; i++) {
      String text = nasty(random);
      assertThatCode(
              () -> {
                QueryText parsed = QueryText.parse(text);
                assertThat(parsed.parts()).hasSizeLessThanOrEqualTo(QueryText.MAX_PARTS);
                SearchQuery q = SearchQuery.of(parsed, ANALYZER, ArticleSearch.BOOSTS);
                // A phrase's pair of two words in two spellings each is four terms.
                assertThat(termsIn(q.matching()) + q.filters().size())
                    .isLessThanOrEqualTo(SearchQuery.MAX_TERMS * 4);
                if (q.weight() != null) {
                  assertThat(termsIn(q.weight())).isLessThan(IndexSearcher.getMaxClauseCount());
                }
              })
          .as("%s", escaped(text))
          .doesNotThrowAnyException();
    }
  }

  @TempDir Path folder;

  @Test
  void noTextEverFailsASearch() {
    try (ArticleIndex index = new ArticleIndex(folder, InstantSource.system())) {
      index.put(ArticleIndexTest.article("1", "Harbour cranes return"));
      index.put(ArticleIndexTest.article("2", "Farmers met in Şanlıurfa to count 東京大学 ballots"));
      index.refresh();
      Random random = new Random(7);
      for (int i = 0; i < 2_000; i++) {
        String text = nasty(random);
        boolean newest = random.nextBoolean();
        assertThatCode(() -> index.search(text, newest, 1, 10))
            .as("%s", escaped(text))
            .doesNotThrowAnyException();
      }
      assertThat(index.search("Harbour* /.*a.{30}/", false, 1, 10).total()).isZero();
      assertThat(index.search("cranes~2 [a TO z]", false, 1, 10).total()).isZero();
      assertThat(index.search("harbour*", false, 1, 10).total()).isEqualTo(1);
      assertThat(index.search("sanliurfa 東京", false, 1, 10).total()).isEqualTo(1);
      assertThat(index.search("\"count 東京大学 ballots\"", false, 1, 10).total()).isEqualTo(1);
    }
  }

  /** The number of terms a query looks for, each spelling counted. */
  static int termsIn(Query q) {
    int[] n = {0};
    q.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
            n[0] += terms.length;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    return n[0];
  }

  static Query first(Query q) {
    return ((org.apache.lucene.search.BooleanQuery) q).clauses().getFirst().query();
  }

  static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .limit(300)
        .forEach(
            c ->
                out.append(
                    c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
