package pressroom.search;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The matches counted: all of them, or, in a large index, those in the fixed sample of one article
 * in {@code every} when that already shows there are very many (then counts are estimates: every
 * counted match stands for {@code every}).
 */
record SampledCount(FacetsCollector matches, long hits, int every) {
  /** A count scaled up to the whole index. */
  long scaled(long n) {
    if (every == 1) {
      return n;
    }
    // An estimate: two significant digits, no false precision.
    long v = n * every;
    long unit = (long) Math.pow(10, Math.max(0, (int) Math.log10(Math.max(1, v)) - 1));
    return Math.round((double) v / unit) * unit;
  }

  /** Counts the matches of {@code matching}, in the samples first when the index is large. */
  static SampledCount of(IndexSearcher s, Query matching, SearchLimits limits) throws IOException {
    if (s.getIndexReader().numDocs() < limits.sampleFrom()) {
      return exact(s.search(matching, new FacetsCollectorManager()));
    }
    // One time allowance for all the counting; past it, the best estimate so far is used.
    long deadline = System.nanoTime() + limits.countMillis() * 1_000_000;
    // The 1-in-1,024 sample first: a common word or phrase is estimated from it at once.
    int small = ArticleDocuments.SMALL_SAMPLE;
    int every = ArticleDocuments.SAMPLE_EVERY;
    FacetsCollector smallSample = s.search(inSample(matching, small), new FacetsCollectorManager());
    SampledCount best = new SampledCount(smallSample, hits(smallSample), small);
    if (best.hits() >= limits.estimateFromSampled()) {
      return best;
    }
    if (best.hits() * (small / every) >= limits.estimateFromSampled()) {
      IndexSearcher timed = until(s, deadline);
      FacetsCollector sample =
          timed.search(inSample(matching, every), new FacetsCollectorManager());
      if (timed.timedOut()) {
        return best; // many matches, costly to find (common words in a phrase): the rougher
        // estimate
      }
      best = new SampledCount(sample, hits(sample), every);
      if (best.hits() >= limits.estimateFromSampled()) {
        return best;
      }
    }
    IndexSearcher timed = until(s, deadline);
    FacetsCollector fc = timed.search(matching, new FacetsCollectorManager());
    // Timed out: few matches among very many candidates (a rare phrase of common words).
    return timed.timedOut() ? best : exact(fc);
  }

  private static SampledCount exact(FacetsCollector fc) {
    return new SampledCount(fc, hits(fc), 1);
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
  static IndexSearcher until(IndexSearcher s, long deadline) {
    IndexSearcher timed = new IndexSearcher(s.getIndexReader());
    timed.setQueryCache(s.getQueryCache());
    timed.setSimilarity(s.getSimilarity());
    timed.setTimeout(() -> System.nanoTime() > deadline);
    return timed;
  }

  private static long hits(FacetsCollector fc) {
    long n = 0;
    for (FacetsCollector.MatchingDocs segment : fc.getMatchingDocs()) {
      n += segment.totalHits();
    }
    return n;
  }
}
