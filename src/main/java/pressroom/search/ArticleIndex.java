package pressroom.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import pressroom.articles.Article;

/**
 * The full-text index of published articles on this node's disk (Lucene): owns the writer and the
 * searcher manager, and keeps in each commit how far into the change log it is ({@link Applied}).
 * {@link Indexer} builds it and keeps it in step with the database; {@link ArticleDocuments} says
 * what a document holds and {@link ArticleSearch} how it is searched.
 */
public final class ArticleIndex implements AutoCloseable {
  private final Analyzer analyzer;
  private final Path folder;
  private final ArticleSearch search;
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

  /** An index in {@code folder}; {@code clock} says when "past week" and the like begin. */
  public ArticleIndex(Path folder, InstantSource clock) {
    this(folder, SearchLimits.DEFAULT, clock);
  }

  /** With other limits (tests reach them with fewer articles). */
  ArticleIndex(Path folder, SearchLimits limits, InstantSource clock) {
    this.folder = folder;
    this.analyzer = ArticleDocuments.newAnalyzer();
    this.search = new ArticleSearch(analyzer, limits, clock);
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
          boolean current = ArticleDocuments.SCHEMA.equals(last.get("schema"));
          IndexWriter opened =
              new IndexWriter(
                  directory,
                  new IndexWriterConfig(analyzer)
                      // Newest first, within segments and across them: "newest" stops after one
                      // page,
                      // and a relevance search that stops early has seen the newest articles.
                      .setIndexSort(ArticleDocuments.NEWEST_FIRST)
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
          searchers =
              new SearcherManager(
                  opened,
                  new org.apache.lucene.search.SearcherFactory() {
                    // The facet ordinals of each new reader are built here, by the refresh, so
                    // no reader's search waits for them (tens of ms at a million articles).
                    @Override
                    public IndexSearcher newSearcher(
                        org.apache.lucene.index.IndexReader reader,
                        org.apache.lucene.index.IndexReader previous)
                        throws IOException {
                      IndexSearcher s = super.newSearcher(reader, previous);
                      search.prepare(reader);
                      return s;
                    }
                  });
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
        ? Map.of("schema", ArticleDocuments.SCHEMA)
        : Map.of(
            "schema",
            ArticleDocuments.SCHEMA,
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
    try {
      writer().updateDocument(new Term("id", a.id()), ArticleDocuments.of(a, generation.get()));
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

  public SearchResults search(String input, boolean newest, int page, int size) {
    return search(SearchRequest.of(input, newest, page, size));
  }

  /** Runs {@code r} on the searcher of the latest refresh. */
  public SearchResults search(SearchRequest r) {
    IndexSearcher s = null;
    try {
      s = searchers().acquire();
      return search.run(s, r);
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
