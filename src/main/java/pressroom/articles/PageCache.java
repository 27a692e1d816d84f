package pressroom.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Rendered anonymous reader pages, kept as bytes (plain and gzipped) so a hit costs a map lookup.
 * Article pages are dropped when their article changes; listing pages when any article does.
 */
public final class PageCache {
  private final Cache<String, CachedPage> pages;

  public PageCache(long maxBytes) {
    this.pages =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String k, CachedPage p) -> p.body().length + p.gzipped().length + 64)
            .recordStats()
            .build();
  }

  /**
   * The page cached under {@code key}, or renders it with {@code render}; a null rendering (not
   * found) is not cached.
   */
  public CachedPage get(String key, Supplier<CachedPage> render) {
    CachedPage p = pages.getIfPresent(key);
    if (p != null) {
      return p;
    }
    p = render.get();
    if (p != null) {
      pages.put(key, p);
    }
    return p;
  }

  /** The page cached under {@code key}, or null; never renders. */
  public CachedPage peek(String key) {
    return pages.getIfPresent(key);
  }

  /** Drops every page that shows {@code articleId}, or everything for {@link ContentChanges#EVERYTHING}. */
  public void invalidate(String articleId) {
    if (ContentChanges.EVERYTHING.equals(articleId)) {
      pages.invalidateAll();
      return;
    }
    pages.asMap().values().removeIf(p -> p.articleId() == null || p.articleId().equals(articleId));
  }

  public long size() {
    return pages.estimatedSize();
  }

  public Cache<String, CachedPage> caffeine() {
    return pages;
  }

  /**
   * A rendered page.
   *
   * @param articleId the article it shows, or null for a listing that shows many
   */
  public record CachedPage(
      String articleId, byte[] body, byte[] gzipped, String etag, String lastModified) {

    /** Readers get fresh copies quickly (withdrawals matter); shared caches must revalidate. */
    public static final String CACHE_CONTROL = "public, max-age=30, must-revalidate";

    private static final DateTimeFormatter HTTP_DATE =
        DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * True when the client's copy is current: its If-None-Match names our ETag, or (without
     * one) its If-Modified-Since is not older than our Last-Modified.
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
        var since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
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

    public static CachedPage of(String articleId, String html, Instant lastModified) {
      byte[] body = html.getBytes(StandardCharsets.UTF_8);
      return new CachedPage(
          articleId, body, gzip(body), etag(body), HTTP_DATE.format(lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    private static String etag(byte[] body) {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22) + "\"";
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
