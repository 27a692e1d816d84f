package pressroom.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import pressroom.changes.Change;

/**
 * Rendered anonymous reader pages, kept as bytes (plain and gzipped) so a hit costs a map lookup.
 * Article pages are dropped when their article changes; listing pages when any article does.
 */
public final class PageCache {
  private final Cache<String, CachedPage> pages;
  private final Cache<String, MemberPage> memberPages;

  public PageCache(long maxBytes) {
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, CachedPage p) -> p.weight())
            .recordStats()
            .build();
    this.memberPages =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes / 2)
            .weigher((String k, MemberPage p) -> 2 * k.length() + p.stencil().weight())
            .recordStats()
            .build();
  }

  /** What a cached page shows, as invalidation asks it. */
  private interface Shows {
    /** The article it shows, or null for a listing that shows many. */
    String articleId();

    /** True when it names {@code key} among its surrogate keys. */
    boolean shows(String key);
  }

  /**
   * A signed-in reader's page, rendered once for every reader who sees it the same way and filled
   * in with each one's token and name (see {@link Stencil}). Dropped with the anonymous copy. A
   * reader who commented on the article never gets one: their own comments read differently.
   */
  public record MemberPage(String articleId, String keys, Stencil stencil) implements Shows {
    @Override
    public boolean shows(String key) {
      return SurrogateKeys.names(keys, key);
    }
  }

  /**
   * The member page cached under {@code key}, or renders it; a null rendering is not cached. Kept
   * apart from the anonymous pages: {@link FastPath} never finds one, so its stand-ins never leave
   * the process.
   */
  /** The member page cached under {@code key}, or null; never renders. */
  public MemberPage peekMember(String key) {
    return memberPages.getIfPresent(key);
  }

  public MemberPage member(String key, Supplier<MemberPage> render) {
    return getOrRender(memberPages, key, render);
  }

  /**
   * The page cached under {@code key}, or renders it with {@code render}; a null rendering (not
   * found) is not cached.
   */
  public CachedPage get(String key, Supplier<CachedPage> render) {
    return getOrRender(pages, key, render);
  }

  private <P> P getOrRender(Cache<String, P> cache, String key, Supplier<P> render) {
    P p = cache.getIfPresent(key);
    if (p != null) {
      return p;
    }
    long before = generation.get();
    p = render.get();
    if (p != null) {
      cache.put(key, p);
      // A change dropped pages while this one was rendered: it may hold what the change replaced
      // (read before the commit), and nothing would drop it later. Served once, not kept.
      if (generation.get() != before) {
        cache.asMap().remove(key, p);
      }
    }
    return p;
  }

  /** Counts invalidations; raised before each one drops pages (see {@link #get}). */
  private final java.util.concurrent.atomic.AtomicLong generation =
      new java.util.concurrent.atomic.AtomicLong();

  /** The page cached under {@code key}, or null; never renders. */
  public CachedPage peek(String key) {
    return pages.getIfPresent(key);
  }

  /** Drops the pages that {@code change} makes stale. */
  /** Drops what any of these changes touches, in one pass over the cache however many there are. */
  public void invalidate(java.util.Collection<Change> changes) {
    generation.incrementAndGet();
    if (changes.size() == 1) {
      invalidate(changes.iterator().next());
      return;
    }
    java.util.Set<String> comments = new java.util.HashSet<>();
    java.util.Set<String> articles = new java.util.HashSet<>();
    for (Change c : changes) {
      switch (c) {
        case Change.Everything e -> {
          invalidateAll();
          return;
        }
        case Change.AllPages a -> {
          invalidateAll();
          return;
        }
        case Change.CommentsChanged cc -> comments.add(cc.articleId());
        case Change.ArticleChanged ac -> articles.add(ac.articleId());
      }
    }
    boolean listings = !articles.isEmpty();
    List<String> articleKeys = articles.stream().map(SurrogateKeys::article).toList();
    removeIf(
        p ->
            (listings && p.articleId() == null)
                || (p.articleId() != null
                    && (articles.contains(p.articleId()) || comments.contains(p.articleId())))
                || articleKeys.stream().anyMatch(p::shows));
  }

  private void invalidateAll() {
    pages.invalidateAll();
    memberPages.invalidateAll();
  }

  private void removeIf(java.util.function.Predicate<Shows> stale) {
    pages.asMap().values().removeIf(stale::test);
    memberPages.asMap().values().removeIf(stale::test);
  }

  public void invalidate(Change change) {
    generation.incrementAndGet();
    switch (change) {
      case Change.Everything e -> invalidateAll();
      case Change.AllPages a -> invalidateAll();
      case Change.CommentsChanged c -> removeIf(p -> c.articleId().equals(p.articleId()));
      // A listing (no article of its own) may show it too.
      case Change.ArticleChanged a -> {
        String key = SurrogateKeys.article(a.articleId());
        removeIf(p -> p.articleId() == null || p.articleId().equals(a.articleId()) || p.shows(key));
      }
    }
  }

  public long size() {
    return pages.estimatedSize();
  }

  public Cache<String, CachedPage> caffeine() {
    return pages;
  }

  /** The signed-in readers' stencils, for metrics. */
  public Cache<String, MemberPage> memberCaffeine() {
    return memberPages;
  }

  /**
   * A rendered anonymous page: the same bytes for every anonymous visitor (no token, no cookie), so
   * a shared cache in front (a CDN, Varnish) can keep it as well as we do.
   *
   * @param articleId the article it shows, or null for a listing that shows many
   * @param body the page
   * @param gzipped the page gzipped once, or null for a page made for one signed-in reader
   * @param keys the surrogate keys naming what the page shows (see {@link SurrogateKeys}), or null
   * @param wire what {@link FastPath} sends, made once; null for a page made for one visitor
   */
  public record CachedPage(
      String articleId,
      byte[] body,
      byte[] gzipped,
      String etag,
      String lastModified,
      String keys,
      Wire wire)
      implements Shows {

    /**
     * The page as FastPath writes it: the body and the gzipped body outside the heap, read-only
     * (handed to the socket without a copy: a heap buffer is copied into a direct one there), and
     * its own headers already encoded (Jetty otherwise checks each value character by character on
     * every response).
     */
    record Wire(ByteBuffer plain, ByteBuffer gzipped, HttpField[] headers, HttpField[] lengths) {}

    /**
     * Browsers keep a copy for 30 s; shared caches for 2 minutes (less when a purge reaches them),
     * may serve it up to 30 s stale while they fetch a new one, and up to a day when we fail.
     */
    public static final String CACHE_CONTROL =
        "public, max-age=30, s-maxage=120, stale-while-revalidate=30, stale-if-error=86400";

    /**
     * A signed-in reader gets another page at the same address: the cookie is part of the answer,
     * so a browser that signs in never shows its copy from before.
     */
    public static final String VARY = "Accept-Encoding, Cookie";

    private static final DateTimeFormatter HTTP_DATE =
        DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    public static CachedPage of(String articleId, String html, Instant lastModified, String keys) {
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      byte[] gzipped = gzip(body);
      String etag = etag(body);
      String modified = httpDate(lastModified);
      List<HttpField> headers = new java.util.ArrayList<>();
      headers.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
      headers.add(new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, modified));
      if (keys != null) {
        headers.add(new PreEncodedHttpField(SurrogateKeys.HEADER, keys));
      }
      Wire wire =
          new Wire(
              direct(body),
              direct(gzipped),
              headers.toArray(HttpField[]::new),
              new HttpField[] {
                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, body.length),
                new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, gzipped.length)
              });
      return new CachedPage(articleId, body, gzipped, etag, modified, keys, wire);
    }

    private static ByteBuffer direct(byte[] bytes) {
      return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /** The bytes to send, as a buffer of this request's own (its position is the request's). */
    ByteBuffer wire(boolean gzip) {
      return (gzip ? wire.gzipped() : wire.plain()).duplicate();
    }

    /**
     * A page made for one signed-in visitor and sent once, never cached: its bytes only, without
     * the gzip copy and ETag a shared page needs (for a long comment thread those were a third of
     * the work of the page).
     */
    public static CachedPage forOneVisitor(String articleId, String html, Instant lastModified) {
      return new CachedPage(
          articleId,
          html.getBytes(StandardCharsets.UTF_8),
          null,
          null,
          httpDate(lastModified),
          null,
          null);
    }

    private static String httpDate(Instant t) {
      return HTTP_DATE.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** True when the page names {@code key} among its surrogate keys (it shows that article). */
    @Override
    public boolean shows(String key) {
      return SurrogateKeys.names(keys, key);
    }

    int weight() {
      // Twice: on the heap and outside it.
      return 64 + 2 * (body.length + (gzipped == null ? 0 : gzipped.length));
    }

    /**
     * True when the client's copy is current: its If-None-Match names our ETag, or (without one)
     * its If-Modified-Since is not older than our Last-Modified.
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
      if (ifNoneMatch != null) {
        for (String candidate : ifNoneMatch.split(",")) {
          String c = candidate.trim();
          if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
            return true;
          }
        }
        return false;
      }
      if (ifModifiedSince == null) {
        return false;
      }
      try {
        var since =
            ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        var modified = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
        return !modified.isAfter(since);
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    /** True when the Accept-Encoding header allows gzip. */
    public static boolean acceptsGzip(String acceptEncoding) {
      return acceptEncoding != null
          && acceptEncoding.contains("gzip")
          && !acceptEncoding.contains("gzip;q=0,")
          && !acceptEncoding.endsWith("gzip;q=0");
    }

    private static String etag(byte[] body) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
        return "\""
            + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22)
            + "\"";
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static byte[] gzip(byte[] body) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }
}
