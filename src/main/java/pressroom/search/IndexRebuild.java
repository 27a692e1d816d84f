package pressroom.search;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import pressroom.articles.Article;
import pressroom.articles.ArticleCountEstimate;
import pressroom.articles.ArticleDao;
import pressroom.changes.ContentChanges;

/**
 * One read of every published article into a new generation of the index, while searches keep using
 * the old documents and the follower keeps applying changes; at the end the old generation is
 * dropped. Shows its progress to searches as it goes.
 */
final class IndexRebuild {
  private static final int BATCH = 1000;
  // A build shows its progress to searches this often (reopened, not committed).
  private static final long SHOW_EVERY_MILLIS = 1000;

  private final ArticleIndex index;
  private final ArticleDao articles;
  private final ContentChanges.History changeLog;
  private final ArticleCountEstimate articleCount;
  private final IndexProgress progress;
  private final GenerationSwitch generations;
  private final InstantSource clock;
  private final BooleanSupplier closing;
  private final Consumer<Collection<String>> reindex;
  // Changed by tests only, before start.
  private volatile IntConsumer afterBatch = n -> {};

  /** The articles read, and the log's end read before the first of them. */
  record Done(int articles, ArticleIndex.Applied before) {}

  IndexRebuild(
      ArticleIndex index,
      ArticleDao articles,
      ContentChanges.History changeLog,
      ArticleCountEstimate articleCount,
      IndexProgress progress,
      GenerationSwitch generations,
      InstantSource clock,
      BooleanSupplier closing,
      Consumer<Collection<String>> reindex) {
    this.index = index;
    this.articles = articles;
    this.changeLog = changeLog;
    this.articleCount = articleCount;
    this.progress = progress;
    this.generations = generations;
    this.clock = clock;
    this.closing = closing;
    this.reindex = reindex;
  }

  /**
   * Reads every published article, reporting articles done to {@code done}.
   *
   * @throws CancellationException when the site stops meanwhile (the next start builds again)
   */
  Done run(IntConsumer done) {
    int previous = index.size();
    progress.building(previous, previous > 0 ? previous : articleCount.about());
    // Read before the first article: changes from here on are applied again by the follower.
    ArticleIndex.Applied before = new ArticleIndex.Applied(changeLog.newestSeq(), clock.millis());
    long generation = generations.begin(index::newGeneration);
    int n = 0;
    Instant now = clock.instant();
    String after = null;
    long shown = clock.millis();
    try {
      while (true) {
        List<Article> batch = articles.publishedAfter(after, BATCH, now);
        for (Article a : batch) {
          index.put(a);
        }
        n += batch.size();
        progress.indexed(n);
        if (clock.millis() - shown >= SHOW_EVERY_MILLIS) {
          index.reopen();
          shown = clock.millis();
        }
        done.accept(n);
        afterBatch.accept(n);
        if (closing.getAsBoolean()) {
          // Left half done: the next start finds no newer seq in the index and builds again.
          throw new CancellationException("the site is stopping");
        }
        if (batch.size() < BATCH) {
          break;
        }
        after = batch.getLast().id();
      }
    } catch (RuntimeException e) {
      generations.end();
      throw e;
    }
    index.dropOtherGenerations(generation);
    // An article changed while its batch was being read may have been put back as it was.
    reindex.accept(generations.end());
    index.refresh();
    return new Done(n, before);
  }

  /**
   * Tests: called after each batch with the articles done, on the building thread (a test holds it
   * there).
   */
  void afterBatch(IntConsumer hook) {
    this.afterBatch = hook;
  }
}
