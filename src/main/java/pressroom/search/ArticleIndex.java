package pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import pressroom.articles.Article;
import pressroom.articles.Author;
import pressroom.articles.Slugs;
import pressroom.articles.Tag;

/**
 * The full-text index of published articles on this node's disk (Lucene): owns the writer and
 * the searcher manager. It is rebuilt from the database when empty and follows the change log,
 * so every node's index agrees with the database within a second.
 */
public final class ArticleIndex implements AutoCloseable {
  private static final Pattern FILTER = Pattern.compile("(?i)\\b(author|section|source):(\"[^\"]+\"|\\S+)");
  private static final Map<String, Float> BOOSTS = Map.of("headline", 3f, "summary", 2f, "authors", 2f, "tags", 2f, "body", 1f);

  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  public ArticleIndex(Path folder) {
    try {
      // Lower-case, with accents folded but kept: "Sanliurfa" finds "Şanlıurfa" and the reverse.
      this.analyzer =
          CustomAnalyzer.builder()
              .withTokenizer("standard")
              .addTokenFilter("lowercase")
              .addTokenFilter("asciiFolding", "preserveOriginal", "true")
              .build();
      this.writer = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig(analyzer));
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + folder, e);
    }
  }

  public int size() {
    return writer.getDocStats().numDocs;
  }

  /** Adds or replaces an article. */
  public void put(Article a) {
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new StoredField("slug", a.slug()));
    d.add(new TextField("headline", a.headline(), Field.Store.YES));
    d.add(new TextField("summary", a.summary(), Field.Store.YES));
    d.add(new TextField("body", Jsoup.parse(a.bodyHtml()).text(), Field.Store.YES));
    d.add(new TextField("authors", String.join(", ", a.authors().stream().map(Author::name).toList()), Field.Store.YES));
    for (Author au : a.authors()) {
      d.add(new StringField("author", au.slug(), Field.Store.NO));
    }
    d.add(new StringField("section", a.section().slug(), Field.Store.NO));
    d.add(new StoredField("sectionName", a.section().name()));
    if (a.source() != null) {
      d.add(new StringField("source", Slugs.of(a.source().name(), "source"), Field.Store.NO));
      d.add(new StoredField("sourceName", a.source().name()));
    }
    d.add(new TextField("tags", String.join(", ", a.tags().stream().map(Tag::name).toList()), Field.Store.NO));
    d.add(new LongPoint("published", a.publishedAt().toEpochMilli()));
    d.add(new NumericDocValuesField("published", a.publishedAt().toEpochMilli()));
    d.add(new StoredField("published", a.publishedAt().toEpochMilli()));
    try {
      writer.updateDocument(new Term("id", a.id()), d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void remove(String articleId) {
    try {
      writer.deleteDocuments(new Term("id", articleId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes changes visible to searches (and durable). */
  public void refresh() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void clear() {
    try {
      writer.deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One hit: the article and a snippet with the matched words marked (HTML, safe). */
  public record Hit(String id, String slug, String headline, String snippet, String sectionName, String sourceName, String authors, long published) {}

  public record Results(long total, List<Hit> hits) {}

  /**
   * Searches: words, "exact phrases", -exclusion, and author:, section:, source: filters (slugs or
   * names). Syntax a reader gets wrong is searched as plain words rather than failing.
   */
  public Results search(String input, boolean newest, int page, int size) {
    String text = input == null ? "" : input.strip();
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    Matcher m = FILTER.matcher(text);
    while (m.find()) {
      String value = m.group(2).replace("\"", "");
      q.add(new TermQuery(new Term(m.group(1).toLowerCase(Locale.ROOT), Slugs.of(value, value))), BooleanClause.Occur.FILTER);
    }
    String words = FILTER.matcher(text).replaceAll(" ").strip();
    if (!words.isEmpty()) {
      q.add(parse(words), BooleanClause.Occur.MUST);
    } else if (!m.reset().find()) {
      return new Results(0, List.of());
    }
    Query query = q.build();
    IndexSearcher s = null;
    try {
      s = searchers.acquire();
      int want = page * size;
      TopDocs top =
          newest
              ? s.search(query, want, new Sort(new SortField("published", SortField.Type.LONG, true)))
              : s.search(query, want);
      Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query));
      List<Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      for (int i = (page - 1) * size; i < docs.length; i++) {
        Document d = s.storedFields().document(docs[i].doc);
        String body = d.get("body");
        String snippet;
        try {
          snippet = highlighter.getBestFragments(analyzer.tokenStream("body", body), body, 2, " … ");
        } catch (Exception e) {
          snippet = "";
        }
        if (snippet == null || snippet.isBlank()) {
          snippet = new SimpleHTMLEncoder().encodeText(d.get("summary"));
        }
        hits.add(new Hit(d.get("id"), d.get("slug"), d.get("headline"), snippet, d.get("sectionName"), d.get("sourceName"), d.get("authors"),
            d.getField("published").numericValue().longValue()));
      }
      return new Results(top.totalHits.value(), hits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (s != null) {
        try {
          searchers.release(s);
        } catch (IOException e) {
          // nothing to do
        }
      }
    }
  }

  private Query parse(String words) {
    String[] fields = BOOSTS.keySet().toArray(String[]::new);
    MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer, BOOSTS);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(words);
    } catch (ParseException e) {
      try {
        return parser.parse(QueryParser.escape(words));
      } catch (ParseException again) {
        return new BooleanQuery.Builder().build();
      }
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      // The index is a copy of the database: the next start rebuilds it if it was left broken.
      org.slf4j.LoggerFactory.getLogger(ArticleIndex.class).warn("Search index did not close cleanly: {}", e.toString());
    }
  }
}
