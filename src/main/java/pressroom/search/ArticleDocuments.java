package pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.jsoup.Jsoup;
import pressroom.articles.Article;
import pressroom.articles.Author;
import pressroom.articles.Slugs;
import pressroom.articles.Tag;

/**
 * The layout of the index: which fields an article becomes, how their text is analysed, and the
 * fixed samples large searches count in. Searches read the same fields ({@link ArticleSearch}).
 */
final class ArticleDocuments {
  /** The fields' layout; an index written with another one is emptied and rebuilt. */
  static final String SCHEMA = "6";

  /**
   * The text of "all" again as pairs of neighbouring words ("grid harbour"): a phrase is looked up
   * as its pairs, a few postings each, rather than as the positions of its words, which for common
   * words means reading most of the archive's postings.
   */
  static final String PAIRS = "pairs";

  // Fixed samples (by a hash of the id) hold one article in SMALL_SAMPLE and one in SAMPLE_EVERY:
  // a large search counts in them rather than one by one (SampledCount).
  static final int SAMPLE_EVERY = 32;
  static final int SMALL_SAMPLE = 1024;

  static final FacetsConfig FACETS = new FacetsConfig();

  static {
    FACETS.setMultiValued("author", true);
  }

  /** The index's own order, within segments and across them. */
  static final Sort NEWEST_FIRST = new Sort(new SortField("published", SortField.Type.LONG, true));

  private ArticleDocuments() {}

  /**
   * The analyser of every text field, and of the words searched for in them; {@link #PAIRS} has its
   * words' pairs.
   */
  static Analyzer newAnalyzer() {
    return new PerFieldAnalyzerWrapper(words(false), Map.of(PAIRS, words(true)));
  }

  private static Analyzer words(boolean pairs) {
    // Lower-case, with accents folded but kept: "Sanliurfa" finds "Şanlıurfa" and the reverse.
    try {
      CustomAnalyzer.Builder b =
          CustomAnalyzer.builder()
              .withTokenizer("standard")
              .addTokenFilter("lowercase")
              .addTokenFilter("asciiFolding", "preserveOriginal", "true");
      if (pairs) {
        // Each word with the next, at the first one's position; both spellings of a folded word
        // ("şanlıurfa valley", "sanliurfa valley"). The standard tokenizer splits at spaces, so
        // the space between the two cannot be part of a word.
        b.addTokenFilter("fixedShingle", "shingleSize", "2");
      }
      return b.withPositionIncrementGap(100) // no phrase across the parts of "all"
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The article as a document of {@code generation}, its facet fields built. */
  static Document of(Article a, long generation) {
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new StringField("generation", Long.toString(generation), Field.Store.NO));
    int hash =
        a.id().hashCode() * 0x9E3779B9; // multiplicative hashing: the top bits are well mixed
    if (hash >>> 27 == 0) { // 1 in 32
      d.add(new StringField("sample", Integer.toString(SAMPLE_EVERY), Field.Store.NO));
      if (hash >>> 22 == 0) { // 1 in 1,024, within those
        d.add(new StringField("sample", Integer.toString(SMALL_SAMPLE), Field.Store.NO));
      }
    }
    d.add(new StoredField("slug", a.slug()));
    String authors = String.join(", ", a.authors().stream().map(Author::name).toList());
    String tags = String.join(", ", a.tags().stream().map(Tag::name).toList());
    String body = Jsoup.parse(a.bodyHtml()).text();
    d.add(new TextField("headline", a.headline(), Field.Store.YES));
    d.add(new TextField("summary", a.summary(), Field.Store.YES));
    d.add(new TextField("authors", authors, Field.Store.YES));
    d.add(new TextField("tags", tags, Field.Store.NO));
    d.add(new StoredField("body", body));
    for (String text : new String[] {a.headline(), a.summary(), authors, tags, body}) {
      d.add(new TextField("all", text, Field.Store.NO));
      d.add(new TextField(PAIRS, text, Field.Store.NO));
    }
    for (Author au : a.authors()) {
      d.add(new StringField("author", au.slug(), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField("author", au.slug() + "|" + au.name()));
    }
    d.add(new StringField("section", a.section().slug(), Field.Store.NO));
    d.add(new StoredField("sectionName", a.section().name()));
    d.add(
        new SortedSetDocValuesFacetField("section", a.section().slug() + "|" + a.section().name()));
    if (a.source() != null) {
      String sourceSlug = Slugs.of(a.source().name(), "source");
      d.add(new StringField("source", sourceSlug, Field.Store.NO));
      d.add(new StoredField("sourceName", a.source().name()));
      d.add(new SortedSetDocValuesFacetField("source", sourceSlug + "|" + a.source().name()));
    }
    d.add(new LongPoint("published", a.publishedAt().toEpochMilli()));
    d.add(new NumericDocValuesField("published", a.publishedAt().toEpochMilli()));
    d.add(new StoredField("published", a.publishedAt().toEpochMilli()));
    try {
      return FACETS.build(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
