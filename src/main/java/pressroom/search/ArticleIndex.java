package pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jsoup.Jsoup;
import pressroom.articles.Article;
import pressroom.articles.Author;
import pressroom.articles.Slugs;
import pressroom.articles.Tag;

/**
 * The full-text index of published articles on this node's disk (Lucene): owns the writer and the
 * searcher manager, and keeps in each commit how far into the change log it is ({@link Applied}).
 * {@link Indexer} builds it and keeps it in step with the database.
 */
public final class ArticleIndex implements AutoCloseable {
  // "all" holds every searchable text of the article (the body only there) and alone decides
  // what matches; a word also found in these fields weighs more.
  static final Map<String, Float> BOOSTS =
      Map.of("headline", 3f, "summary", 1.5f, "authors", 2f, "tags", 2f);
  // Counting every match of a common word in a large index costs more than a reader should wait
  // for. Fixed samples (by a hash of the id) hold one article in SMALL_SAMPLE and one in
  // SAMPLE_EVERY. From SAMPLE_FROM articles on, a search counts in the small sample first, then
  // the larger one; once one finds ESTIMATE_FROM_SAMPLED matches (about 4% error), the counts
  // are estimated from it instead of counted one by one.
  private static final int SAMPLE_EVERY = 32;
  private static final int SMALL_SAMPLE = 1024;
  // Time allowed to the exact count (then the sample's estimate) and to the page of hits (then
  // the best of what was seen, the newest).
  private static final long COUNT_MILLIS = 5;
  private static final long TOP_MILLIS = 6;
  // A relevance order weighs at most this many matches, the newest (the index is newest first):
  // ranking a million matches of a common word costs seconds; news readers want recent ones.
  private static final int RELEVANCE_BUDGET = 5_000;
  private static final int SAMPLE_FROM = 200_000;
  private static final int ESTIMATE_FROM_SAMPLED = 625;
  private final Limits limits;

  /**
   * Where searches stop being exact to stay fast: counting in the samples from {@code sampleFrom}
   * articles on, estimating from {@code estimateFromSampled} sampled matches, weighing the {@code
   * relevanceBudget} newest matches for a relevance order, and the time allowed to the exact count
   * and to the page of hits in such a large index.
   */
  record Limits(
      int sampleFrom,
      int estimateFromSampled,
      int relevanceBudget,
      long countMillis,
      long topMillis) {
    static final Limits DEFAULT =
        new Limits(SAMPLE_FROM, ESTIMATE_FROM_SAMPLED, RELEVANCE_BUDGET, COUNT_MILLIS, TOP_MILLIS);
  }

  /** The fields' layout; an index written with another one is emptied and rebuilt. */
  static final String SCHEMA = "5";

  private static final FacetsConfig FACETS = new FacetsConfig();

  static {
    FACETS.setMultiValued("author", true);
  }

  private final Analyzer analyzer;
  private final Path folder;
  private volatile IndexWriter writer;
  private volatile SearcherManager searchers;
  // Every document carries the generation it was written in; a rebuild starts a new one and
  // finally drops the documents of older ones, so readers search a complete index throughout.
  private final AtomicLong generation = new AtomicLong(System.currentTimeMillis());
  private volatile Applied applied;

  /**
   * Every change-log row up to {@code seq} is in the index; {@code at} (epoch ms) is when that seq
   * was read from the log, which says whether the log still reaches back to it.
   */
  public record Applied(long seq, long at) {}

  public ArticleIndex(Path folder) {
    this(folder, Limits.DEFAULT);
  }

  /** With other limits (tests reach them with fewer articles). */
  ArticleIndex(Path folder, Limits limits) {
    this.folder = folder;
    this.limits = limits;
    this.analyzer = newAnalyzer();
  }

  /** The analyser of every text field, and of the words searched for in them. */
  static Analyzer newAnalyzer() {
    // Lower-case, with accents folded but kept: "Sanliurfa" finds "Şanlıurfa" and the reverse.
    try {
      return CustomAnalyzer.builder()
          .withTokenizer("standard")
          .addTokenFilter("lowercase")
          .addTokenFilter("asciiFolding", "preserveOriginal", "true")
          .withPositionIncrementGap(100) // no phrase across the parts of "all"
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The writer, opened on first use: commands that never search (import, users, sources) leave the
   * folder alone, so they run beside a serving site, which holds the index's lock.
   *
   * @throws IndexBusyException when another process (a running site) has the index open
   */
  private IndexWriter writer() {
    IndexWriter w = writer;
    if (w != null) {
      return w;
    }
    synchronized (this) {
      if (writer == null) {
        try {
          Directory directory = FSDirectory.open(folder);
          Map<String, String> last = lastCommit(directory);
          boolean current = SCHEMA.equals(last.get("schema"));
          IndexWriter opened =
              new IndexWriter(
                  directory,
                  new IndexWriterConfig(analyzer)
                      // Newest first, within segments and across them: "newest" stops after one
                      // page,
                      // and a relevance search that stops early has seen the newest articles.
                      .setIndexSort(NEWEST_FIRST)
                      .setLeafSorter(Comparator.comparingLong(ArticleIndex::newestIn).reversed())
                      // Written by an older version: started anew, so the site reads everything
                      // again.
                      .setOpenMode(
                          current
                              ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                              : IndexWriterConfig.OpenMode.CREATE));
          applied = current ? applied(last) : null;
          opened.setLiveCommitData(commitData(applied).entrySet()); // kept in every commit
          opened.commit();
          searchers = new SearcherManager(opened, null);
          writer = opened;
        } catch (LockObtainFailedException e) {
          throw new IndexBusyException(folder);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
      }
      return writer;
    }
  }

  private static final Sort NEWEST_FIRST =
      new Sort(new SortField("published", SortField.Type.LONG, true));

  private static long newestIn(LeafReader segment) {
    try {
      PointValues points = segment.getPointValues("published");
      return points == null
          ? Long.MIN_VALUE
          : LongPoint.decodeDimension(points.getMaxPackedValue(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The user data of the last commit; empty when there is no index yet. */
  private static Map<String, String> lastCommit(Directory directory) throws IOException {
    try {
      return SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IndexNotFoundException e) {
      return Map.of();
    }
  }

  private static Applied applied(Map<String, String> userData) {
    String seq = userData.get("changeSeq");
    String at = userData.get("changeSeqAt");
    return seq == null || at == null ? null : new Applied(Long.parseLong(seq), Long.parseLong(at));
  }

  private static Map<String, String> commitData(Applied a) {
    return a == null
        ? Map.of("schema", SCHEMA)
        : Map.of(
            "schema",
            SCHEMA,
            "changeSeq",
            Long.toString(a.seq()),
            "changeSeqAt",
            Long.toString(a.at()));
  }

  /** How far into the change log the last commit was, if it says (an index built here before). */
  public java.util.Optional<Applied> applied() {
    writer();
    return java.util.Optional.ofNullable(applied);
  }

  /**
   * Records how far into the change log the index is: stored by the next commit ({@link
   * #refresh()}).
   */
  public void markApplied(Applied a) {
    writer().setLiveCommitData(commitData(a).entrySet());
    applied = a;
  }

  private SearcherManager searchers() {
    writer();
    return searchers;
  }

  /** Another process (a running site) holds the index. */
  public static final class IndexBusyException extends RuntimeException {
    IndexBusyException(Path folder) {
      super("the search index in " + folder + " is in use by a running site");
    }
  }

  public int size() {
    return writer().getDocStats().numDocs;
  }

  /**
   * Starts a rebuild: documents written from now on belong to a new generation, which it returns.
   */
  public long newGeneration() {
    return generation.incrementAndGet();
  }

  /**
   * Ends a rebuild: drops every document not written in {@code kept} (gone from the database
   * since).
   */
  public void dropOtherGenerations(long kept) {
    try {
      writer()
          .deleteDocuments(
              new BooleanQuery.Builder()
                  .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                  .add(
                      new TermQuery(new Term("generation", Long.toString(kept))),
                      BooleanClause.Occur.MUST_NOT)
                  .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or replaces an article. */
  public void put(Article a) {
    Document d = new Document();
    d.add(new StringField("id", a.id(), Field.Store.YES));
    d.add(new StringField("generation", Long.toString(generation.get()), Field.Store.NO));
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
      writer().updateDocument(new Term("id", a.id()), FACETS.build(d));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void remove(String articleId) {
    try {
      writer().deleteDocuments(new Term("id", articleId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes changes visible to searches (and durable). */
  public void refresh() {
    try {
      writer().commit();
      searchers().maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes writes so far visible to searches without a commit (a build shows its progress). */
  public void reopen() {
    try {
      searchers().maybeRefresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One hit: the article and a snippet with the matched words marked (HTML, safe). */
  public record Hit(
      String id,
      String slug,
      String headline,
      String snippet,
      String sectionName,
      String sourceName,
      String authors,
      long published) {}

  /**
   * One value of a filter with the number of results it would leave: a section, a source, an
   * author, a time span.
   */
  public record Count(String key, String label, long count) {}

  /**
   * The results of one search: the total, one page of hits, and counts per filter value over all
   * results ({@code estimated} from a fixed sample of the articles when there are very many; {@code
   * rankedAmongNewest} when the relevance order could weigh only the newest matches; {@code
   * shortened} when the search had more words than one uses and only the first were used).
   */
  public record Results(
      long total,
      List<Hit> hits,
      List<Count> sections,
      List<Count> sources,
      List<Count> authors,
      List<Count> dates,
      boolean estimated,
      boolean rankedAmongNewest,
      boolean shortened) {
    public static final Results NONE = none(false);

    static Results none(boolean shortened) {
      return new Results(
          0, List.of(), List.of(), List.of(), List.of(), List.of(), false, false, shortened);
    }
  }

  /** The time spans offered as date filters, newest first: key, label, length. */
  public enum Span {
    DAY("Past 24 hours", Duration.ofDays(1)),
    WEEK("Past week", Duration.ofDays(7)),
    MONTH("Past month", Duration.ofDays(30)),
    YEAR("Past year", Duration.ofDays(365));

    public final String label;
    public final Duration length;

    Span(String label, Duration length) {
      this.label = label;
      this.length = length;
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What to search: the reader's words (with author:, section:, source: inside them or not), the
   * filters chosen beside them (slugs; null for none), a published-time range in epoch ms
   * (inclusive; null for open), the order and the page.
   */
  public record Request(
      String text,
      String section,
      String source,
      String author,
      Long from,
      Long to,
      boolean newest,
      int page,
      int size) {
    public static Request of(String text, boolean newest, int page, int size) {
      return new Request(text, null, null, null, null, null, newest, page, size);
    }
  }

  public Results search(String input, boolean newest, int page, int size) {
    return search(Request.of(input, newest, page, size));
  }

  /**
   * Searches: words, "exact phrases", -exclusion, and author:, section:, source: filters (slugs or
   * names), read by {@link QueryText}; anything else in the text is searched as plain words.
   */
  public Results search(Request r) {
    SearchQuery query = SearchQuery.of(QueryText.parse(r.text()), analyzer, BOOSTS);
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    query.filters().forEach(q::add);
    boolean wantsSomething = query.wantsSomething();
    for (String[] f :
        new String[][] {{"section", r.section()}, {"source", r.source()}, {"author", r.author()}}) {
      if (f[1] != null && !f[1].isBlank()) {
        q.add(new TermQuery(new Term(f[0], f[1])), BooleanClause.Occur.FILTER);
        wantsSomething = true;
      }
    }
    if (r.from() != null || r.to() != null) {
      q.add(
          LongPoint.newRangeQuery(
              "published",
              r.from() == null ? Long.MIN_VALUE : r.from(),
              r.to() == null ? Long.MAX_VALUE : r.to()),
          BooleanClause.Occur.FILTER);
      wantsSomething = true;
    }
    BooleanQuery filters = q.build();
    if (!wantsSomething) {
      return Results.none(
          query.shortened()); // nothing asked for (at most exclusions): nothing found
    }
    // What matches is decided on "all" alone (cheap to count); the order adds weight for words
    // found in the headline, summary, authors and tags.
    Query matchingWords = query.matching();
    Query matching = with(filters, matchingWords, null);
    Query scored = query.weight() == null ? matching : with(filters, matchingWords, query.weight());
    IndexSearcher s = null;
    try {
      s = searchers().acquire();
      if (s.getIndexReader().numDocs() == 0) {
        return Results.none(
            query.shortened()); // nothing indexed yet (a build has just begun): no facet fields
        // either
      }
      // Two passes: the page of hits (free to skip what cannot make the page) and the count with
      // the filter counts (every match, unscored).
      int want = r.page() * r.size();
      Counted counted = count(s, matching);
      // Stopped by the budget or by the time allowed, a relevance order has seen the newest
      // matches only; "newest" needs just the first page of the newest-first index.
      boolean large = s.getIndexReader().numDocs() >= limits.sampleFrom();
      IndexSearcher timed =
          large ? timed(s, System.nanoTime() + limits.topMillis() * 1_000_000) : s;
      TopDocs top = page(timed, r.newest(), matching, scored, want);
      if (timed.timedOut() && top.scoreDocs.length < Math.min(want, counted.hits())) {
        top =
            page(
                s,
                r.newest(),
                matching,
                scored,
                want); // stopped before it found a page (a cold start): no clock
      }
      boolean partial =
          !r.newest()
              && (timed.timedOut() || counted.scaled(counted.hits()) > limits.relevanceBudget());
      Facets terms =
          new SortedSetDocValuesFacetCounts(facetState(s.getIndexReader()), counted.matches());
      long now = System.currentTimeMillis();
      LongRange[] spans = new LongRange[Span.values().length];
      for (Span span : Span.values()) {
        spans[span.ordinal()] =
            new LongRange(span.key(), now - span.length.toMillis(), true, Long.MAX_VALUE, true);
      }
      Facets dates = new LongRangeFacetCounts("published", counted.matches(), spans);
      // An estimate never says fewer than were found.
      long total =
          Math.max(
              counted.scaled(counted.hits()),
              (long) (r.page() - 1) * r.size() + top.scoreDocs.length);
      return new Results(
          total,
          hits(s, matchingWords, top.scoreDocs, (r.page() - 1) * r.size()),
          counts(terms, "section", counted),
          counts(terms, "source", counted),
          counts(terms, "author", counted),
          spanCounts(dates, counted),
          counted.every() > 1,
          partial,
          query.shortened());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (s != null) {
        try {
          searchers().release(s);
        } catch (IOException e) {
          // nothing to do
        }
      }
    }
  }

  /**
   * The first {@code want} hits: the newest matches, or the best scored of the newest budget of
   * them.
   */
  private TopDocs page(IndexSearcher s, boolean newest, Query matching, Query scored, int want)
      throws IOException {
    return newest
        ? s.search(matching, want, NEWEST_FIRST)
        : s.search(scored, new Budgeted(want, limits.relevanceBudget()));
  }

  /**
   * The matches counted: all of them, or, in a large index, those in the fixed sample of one
   * article in {@code every} when that already shows there are very many (then counts are
   * estimates: every counted match stands for {@code every}).
   */
  private record Counted(FacetsCollector matches, long hits, int every) {
    long scaled(long n) {
      if (every == 1) {
        return n;
      }
      // An estimate: two significant digits, no false precision.
      long v = n * every;
      long unit = (long) Math.pow(10, Math.max(0, (int) Math.log10(Math.max(1, v)) - 1));
      return Math.round((double) v / unit) * unit;
    }
  }

  private Counted count(IndexSearcher s, Query matching) throws IOException {
    if (s.getIndexReader().numDocs() < limits.sampleFrom()) {
      FacetsCollector fc = s.search(matching, new FacetsCollectorManager());
      return new Counted(fc, hits(fc), 1);
    }
    // One time allowance for all the counting; past it, the best estimate so far is used.
    long deadline = System.nanoTime() + limits.countMillis() * 1_000_000;
    // The 1-in-1,024 sample first: a common word or phrase is estimated from it at once.
    FacetsCollector small =
        s.search(inSample(matching, SMALL_SAMPLE), new FacetsCollectorManager());
    Counted best = new Counted(small, hits(small), SMALL_SAMPLE);
    if (best.hits() >= limits.estimateFromSampled()) {
      return best;
    }
    if (best.hits() * (SMALL_SAMPLE / SAMPLE_EVERY) >= limits.estimateFromSampled()) {
      IndexSearcher timed = timed(s, deadline);
      FacetsCollector sample =
          timed.search(inSample(matching, SAMPLE_EVERY), new FacetsCollectorManager());
      if (timed.timedOut()) {
        return best; // many matches, costly to find (common words in a phrase): the rougher
        // estimate
      }
      best = new Counted(sample, hits(sample), SAMPLE_EVERY);
      if (best.hits() >= limits.estimateFromSampled()) {
        return best;
      }
    }
    IndexSearcher timed = timed(s, deadline);
    FacetsCollector fc = timed.search(matching, new FacetsCollectorManager());
    // Timed out: few matches among very many candidates (a rare phrase of common words).
    return timed.timedOut() ? best : new Counted(fc, hits(fc), 1);
  }

  private static Query inSample(Query matching, int every) {
    return new BooleanQuery.Builder()
        .add(matching, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term("sample", Integer.toString(every))), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * A searcher over the same reader that stops at {@code deadline} (nanoTime), returning what it
   * found.
   */
  private static IndexSearcher timed(IndexSearcher s, long deadline) {
    IndexSearcher timed = new IndexSearcher(s.getIndexReader());
    timed.setQueryCache(s.getQueryCache());
    timed.setSimilarity(s.getSimilarity());
    timed.setTimeout(() -> System.nanoTime() > deadline);
    return timed;
  }

  /**
   * The top hits by score among the first {@code budget} matches the scorer produces (with the
   * index newest first, the newest), so a search matching most of the archive stays fast.
   */
  private static final class Budgeted implements CollectorManager<Collector, TopDocs> {
    private final TopScoreDocCollectorManager top;
    private final int budget;
    private final List<TopScoreDocCollector> collectors = new ArrayList<>();

    Budgeted(int n, int budget) {
      this.top = new TopScoreDocCollectorManager(n, null, n);
      this.budget = budget;
    }

    @Override
    public Collector newCollector() throws IOException {
      TopScoreDocCollector collector = top.newCollector();
      collectors.add(collector);
      int[] left = {budget};
      return new FilterCollector(collector) {
        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
          if (left[0] <= 0) {
            throw new CollectionTerminatedException();
          }
          return new FilterLeafCollector(super.getLeafCollector(context)) {
            @Override
            public void collect(int doc) throws IOException {
              super.collect(doc);
              if (--left[0] <= 0) {
                throw new CollectionTerminatedException();
              }
            }
          };
        }
      };
    }

    @Override
    public TopDocs reduce(java.util.Collection<Collector> ignored) throws IOException {
      return top.reduce(collectors);
    }
  }

  private static long hits(FacetsCollector fc) {
    long n = 0;
    for (FacetsCollector.MatchingDocs segment : fc.getMatchingDocs()) {
      n += segment.totalHits();
    }
    return n;
  }

  private static Query with(BooleanQuery filters, Query words, Query boost) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    filters.clauses().forEach(b::add);
    b.add(words, BooleanClause.Occur.MUST);
    if (boost != null) {
      b.add(boost, BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private List<Hit> hits(IndexSearcher s, Query words, ScoreDoc[] docs, int from)
      throws IOException {
    int n = Math.max(0, docs.length - from);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = docs[from + i].doc;
    }
    // The unified highlighter reads the words of the query whatever field they were searched in
    // ("all"), and marks them in the stored body: two best passages, HTML-escaped.
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(s, analyzer)
            .withFieldMatcher(field -> true)
            .withMaxLength(6_000) // snippets come from the first few paragraphs
            .withMaxNoHighlightPassages(0)
            .withHighlightPhrasesStrictly(
                false) // a phrase's words are marked wherever they are: much cheaper
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .build();
    String[] snippets =
        n == 0
            ? new String[0]
            : highlighter
                .highlightFields(new String[] {"body"}, words, ids, new int[] {2})
                .get("body");
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Document d = s.storedFields().document(ids[i]);
      String snippet = snippets[i];
      if (snippet == null || snippet.isBlank()) {
        snippet = new SimpleHTMLEncoder().encodeText(d.get("summary"));
      }
      hits.add(
          new Hit(
              d.get("id"),
              d.get("slug"),
              d.get("headline"),
              snippet.strip(),
              d.get("sectionName"),
              d.get("sourceName"),
              d.get("authors"),
              d.getField("published").numericValue().longValue()));
    }
    return hits;
  }

  private static final int TOP_VALUES = 10;

  private static List<Count> counts(Facets facets, String dim, Counted counted) throws IOException {
    FacetResult top;
    try {
      top = facets.getTopChildren(TOP_VALUES, dim);
    } catch (IllegalArgumentException e) {
      return List.of(); // no article has this dimension yet
    }
    if (top == null) {
      return List.of();
    }
    List<Count> out = new ArrayList<>();
    for (LabelAndValue lv : top.labelValues) {
      int bar = lv.label.indexOf('|');
      out.add(
          new Count(
              lv.label.substring(0, bar),
              lv.label.substring(bar + 1),
              counted.scaled(lv.value.longValue())));
    }
    return out;
  }

  private static List<Count> spanCounts(Facets dates, Counted counted) throws IOException {
    FacetResult all = dates.getAllChildren("published");
    List<Count> out = new ArrayList<>();
    for (LabelAndValue lv : all.labelValues) {
      Span span = Span.valueOf(lv.label.toUpperCase(Locale.ROOT));
      out.add(new Count(lv.label, span.label, counted.scaled(lv.value.longValue())));
    }
    return out;
  }

  /** The facet ordinals of one reader, built once per refresh (it costs a pass over the values). */
  private record FacetState(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {}

  private volatile FacetState facetState;

  private DefaultSortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState current = facetState;
    if (current != null && current.reader() == reader) {
      return current.state();
    }
    synchronized (this) {
      current = facetState;
      if (current == null || current.reader() != reader) {
        current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, FACETS));
        facetState = current;
      }
      return current.state();
    }
  }

  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    try {
      searchers.close();
      writer.close();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      // The index is a copy of the database: the next start rebuilds it if it was left broken.
      org.slf4j.LoggerFactory.getLogger(ArticleIndex.class)
          .warn("Search index did not close cleanly: {}", e.toString());
    }
  }
}
