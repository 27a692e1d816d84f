package pressroom.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The top hits by score among the first {@code budget} matches the scorer produces (with the index
 * newest first, the newest), so a search matching most of the archive stays fast.
 */
final class BudgetedTopDocs implements CollectorManager<Collector, TopDocs> {
  private final TopScoreDocCollectorManager top;
  private final int budget;
  private final List<TopScoreDocCollector> collectors = new ArrayList<>();

  BudgetedTopDocs(int n, int budget) {
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
