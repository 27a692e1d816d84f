package pressroom.search;

import java.io.IOException;
import java.time.InstantSource;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * One search over a searcher of the index: the query with its filters, the page of hits, the count
 * and the facet counts, each bounded in time and work by the {@link SearchLimits}.
 */
final class ArticleSearch {
  // "all" holds every searchable text of the article (the body only there) and alone decides
  // what matches; a word also found in these fields weighs more.
  static final Map<String, Float> BOOSTS =
      Map.of("headline", 3f, "summary", 1.5f, "authors", 2f, "tags", 2f);

  private final Analyzer analyzer;
  private final SearchLimits limits;
  private final InstantSource clock;
  private final FacetCounts facets = new FacetCounts();

  ArticleSearch(Analyzer analyzer, SearchLimits limits, InstantSource clock) {
    this.analyzer = analyzer;
    this.limits = limits;
    this.clock = clock;
  }

  /** Builds what searching {@code reader} needs once (its facet ordinals), before any search. */
  void prepare(org.apache.lucene.index.IndexReader reader) throws IOException {
    facets.prepare(reader);
  }

  /**
   * Searches: words, "exact phrases", -exclusion, and author:, section:, source: filters (slugs or
   * names), read by {@link QueryText}; anything else in the text is searched as plain words.
   */
  SearchResults run(IndexSearcher s, SearchRequest r) throws IOException {
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
      return SearchResults.none(
          query.shortened()); // nothing asked for (at most exclusions): nothing found
    }
    // What matches is decided on "all" alone (cheap to count); the order adds weight for words
    // found in the headline, summary, authors and tags.
    Query matchingWords = query.matching();
    Query matching = with(filters, matchingWords, null);
    Query scored = query.weight() == null ? matching : with(filters, matchingWords, query.weight());
    if (s.getIndexReader().numDocs() == 0) {
      return SearchResults.none(
          query.shortened()); // nothing indexed yet (a build has just begun): no facet fields
      // either
    }
    // Two passes: the page of hits (free to skip what cannot make the page) and the count with
    // the filter counts (every match, unscored).
    int want = r.page() * r.size();
    SampledCount counted = SampledCount.of(s, matching, limits);
    // Stopped by the budget or by the time allowed, a relevance order has seen the newest
    // matches only; "newest" needs just the first page of the newest-first index.
    boolean large = s.getIndexReader().numDocs() >= limits.sampleFrom();
    IndexSearcher timed =
        large ? SampledCount.until(s, System.nanoTime() + limits.topMillis() * 1_000_000) : s;
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
    Facets terms = facets.terms(s.getIndexReader(), counted);
    Facets dates = FacetCounts.dates(counted, clock.millis());
    // An estimate never says fewer than were found.
    long total =
        Math.max(
            counted.scaled(counted.hits()),
            (long) (r.page() - 1) * r.size() + top.scoreDocs.length);
    return new SearchResults(
        total,
        HighlightedHits.read(
            s,
            analyzer,
            query.marked() == null ? new MatchAllDocsQuery() : query.marked(),
            top.scoreDocs,
            (r.page() - 1) * r.size()),
        FacetCounts.top(terms, "section", counted),
        FacetCounts.top(terms, "source", counted),
        FacetCounts.top(terms, "author", counted),
        FacetCounts.spans(dates, counted),
        counted.every() > 1,
        partial,
        query.shortened());
  }

  /**
   * The first {@code want} hits: the newest matches, or the best scored of the newest budget of
   * them.
   */
  private TopDocs page(IndexSearcher s, boolean newest, Query matching, Query scored, int want)
      throws IOException {
    return newest
        ? s.search(matching, want, ArticleDocuments.NEWEST_FIRST)
        : s.search(scored, new BudgetedTopDocs(want, limits.relevanceBudget()));
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
}
