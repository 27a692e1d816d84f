package pressroom.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The articles {@code excluded} does not match, as a filter: what a reader's {@code -word} keeps.
 *
 * <p>Lucene's MUST_NOT checks the excluded word against every candidate of the rest of the query
 * (ReqExclScorer, as a search that is scored uses it). Excluding a word found in nearly every
 * article ({@code survey -council}) then costs a check per article of a common word, 10 ms and more
 * on a million articles, to find next to nothing. As a filter, the articles without the word are
 * few and lead the conjunction, found by skipping the word's runs of consecutive articles ({@link
 * DocIdSetIterator#docIDRunEnd()}); when they are many, the filter is checked per candidate, as
 * MUST_NOT would. Same matches, same scores (neither clause scores).
 */
final class WithoutQuery extends Query {
  private final Query excluded;

  WithoutQuery(Query excluded) {
    this.excluded = Objects.requireNonNull(excluded);
  }

  Query excluded() {
    return excluded;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = excluded.rewrite(searcher);
    return rewritten == excluded ? this : new WithoutQuery(rewritten);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = searcher.createWeight(excluded, ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        int maxDoc = context.reader().maxDoc();
        ScorerSupplier out = inner.scorerSupplier(context);
        long cost = out == null ? maxDoc : Math.max(0, maxDoc - out.cost());
        float score = score();
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            DocIdSetIterator all = DocIdSetIterator.all(maxDoc);
            if (out == null) {
              return new ConstantScoreScorer(score, scoreMode, all); // nothing to leave out here
            }
            return new ConstantScoreScorer(score, scoreMode, without(out.get(leadCost), maxDoc));
          }

          @Override
          public long cost() {
            return cost;
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return inner.isCacheable(context);
      }
    };
  }

  /** The documents below {@code maxDoc} that {@code out} does not match, in order. */
  private static DocIdSetIterator without(Scorer out, int maxDoc) {
    TwoPhaseIterator twoPhase = out.twoPhaseIterator();
    DocIdSetIterator approximation = twoPhase == null ? out.iterator() : twoPhase.approximation();
    long cost = Math.max(0, maxDoc - approximation.cost());
    return new DocIdSetIterator() {
      private int doc = -1;

      @Override
      public int docID() {
        return doc;
      }

      @Override
      public int nextDoc() throws IOException {
        return advance(doc + 1);
      }

      @Override
      public int advance(int target) throws IOException {
        int d = target;
        while (d < maxDoc) {
          int o = approximation.docID();
          if (o < d) {
            o = approximation.advance(d);
          }
          if (o != d) {
            return doc = d; // the excluded query's next match is further on
          }
          if (twoPhase == null) {
            d = approximation.docIDRunEnd(); // a run of excluded documents: past all of it
          } else if (twoPhase.matches()) {
            d++;
          } else {
            return doc = d; // a candidate of the excluded query (a phrase) that does not match
          }
        }
        return doc = NO_MORE_DOCS;
      }

      @Override
      public long cost() {
        return cost;
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    // What is excluded is not looked for: the highlighter does not mark it.
    excluded.visit(visitor.getSubVisitor(Occur.MUST_NOT, this));
  }

  @Override
  public String toString(String field) {
    return "without(" + excluded.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && excluded.equals(((WithoutQuery) other).excluded);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + excluded.hashCode();
  }
}
