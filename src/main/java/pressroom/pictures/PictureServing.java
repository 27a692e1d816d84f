package pressroom.pictures;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.InstantSource;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pressroom.articles.ArticlePictures;
import pressroom.articles.ArticlePictures.Served;
import pressroom.changes.Change;

/**
 * GET /pictures/{id}/{width}.jpg: a stored rendition of a published article's picture. A picture's
 * id changes whenever its bytes would, so a reader's browser may keep it for a year; shared caches
 * (a CDN) only ten minutes before they ask again, so that a picture whose article was withdrawn or
 * whose licence ended stops being served to new readers soon (the answer is then 404). Hot
 * renditions are kept in memory, bounded by bytes, and dropped when their article changes (it may
 * have been withdrawn: its picture then answers 404 on every node as soon as the change log is
 * read).
 */
public final class PictureServing {
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
  private static final Pattern FILE = Pattern.compile("([1-9][0-9]{0,3})\\.jpg");
  static final String CACHE_CONTROL = "public, max-age=31536000, s-maxage=600";

  private final ArticlePictures pictures;
  private final InstantSource clock;
  private final Cache<String, Served> hot;
  // Bumped by every invalidation: a rendition read from the database before one is not kept, as the
  // article may have been withdrawn between the read and the put.
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * @param cacheBytes the most rendition bytes kept in memory
   * @param clock whether an article's time has come (embargo)
   */
  public PictureServing(ArticlePictures pictures, long cacheBytes, InstantSource clock) {
    this.pictures = pictures;
    this.clock = clock;
    this.hot =
        Caffeine.newBuilder()
            .maximumWeight(cacheBytes)
            .<String, Served>weigher((k, v) -> v.bytes().length + 200)
            .build();
  }

  public void serve(Context ctx) {
    String id = ctx.pathParam("id");
    Matcher file = FILE.matcher(ctx.pathParam("file"));
    if (!ID.matcher(id).matches() || !file.matches()) {
      ctx.status(404);
      return;
    }
    int width = Integer.parseInt(file.group(1));
    String key = id + "/" + width;
    Served served = hot.getIfPresent(key);
    if (served == null) {
      long before = generation.get();
      Optional<Served> found = pictures.rendition(id, width, clock.instant());
      if (found.isEmpty()) {
        ctx.status(404);
        return;
      }
      served = found.get();
      if (generation.get() == before) {
        hot.put(key, served);
      }
    }
    String etag = "\"" + key.replace('/', '-') + "\"";
    ctx.header("Cache-Control", CACHE_CONTROL)
        .header("ETag", etag)
        .header("X-Content-Type-Options", "nosniff");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.contentType(served.contentType()).result(served.bytes());
  }

  /** Drops the renditions of changed articles (a withdrawn one's must not be served from here). */
  public void invalidate(Collection<Change> changes) {
    generation.incrementAndGet();
    Set<String> articles = new HashSet<>();
    for (Change c : changes) {
      switch (c) {
        case Change.ArticleChanged a -> articles.add(a.articleId());
        case Change.Everything e -> {
          hot.invalidateAll();
          return;
        }
        case Change.AllPages p -> {}
        case Change.CommentsChanged cc -> {}
      }
    }
    if (!articles.isEmpty()) {
      // One walk over the cache for the whole set of changes.
      hot.asMap().values().removeIf(s -> articles.contains(s.articleId()));
    }
  }
}
