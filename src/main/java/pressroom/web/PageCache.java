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
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import pressroom.changes.Change;

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
            .weigher((String k, CachedPage p) -> p.weight())
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

  /** Drops the pages that {@code change} makes stale. */
  /** Drops what any of these changes touches, in one pass over the cache however many there are. */
  public void invalidate(java.util.Collection<Change> changes) {
    if (changes.size() == 1) {
      invalidate(changes.iterator().next());
      return;
    }
    java.util.Set<String> comments = new java.util.HashSet<>();
    java.util.Set<String> articles = new java.util.HashSet<>();
    for (Change c : changes) {
      switch (c) {
        case Change.Everything e -> {
          pages.invalidateAll();
          return;
        }
        case Change.AllPages a -> {
          pages.invalidateAll();
          return;
        }
        case Change.CommentsChanged cc -> comments.add(cc.articleId());
        case Change.ArticleChanged ac -> articles.add(ac.articleId());
      }
    }
    boolean listings = !articles.isEmpty();
    pages
        .asMap()
        .values()
        .removeIf(
            p ->
                (listings && p.articleId() == null)
                    || (p.articleId() != null
                        && (articles.contains(p.articleId()) || comments.contains(p.articleId()))));
  }

  public void invalidate(Change change) {
    switch (change) {
      case Change.Everything e -> pages.invalidateAll();
      case Change.AllPages a -> pages.invalidateAll();
      case Change.CommentsChanged c ->
          pages.asMap().values().removeIf(p -> c.articleId().equals(p.articleId()));
      // A listing (no article of its own) may show it too.
      case Change.ArticleChanged a ->
          pages
              .asMap()
              .values()
              .removeIf(p -> p.articleId() == null || p.articleId().equals(a.articleId()));
    }
  }

  public long size() {
    return pages.estimatedSize();
  }

  public Cache<String, CachedPage> caffeine() {
    return pages;
  }

  /**
   * A rendered page. Pages with forms hold {@link pressroom.web.Csrf#MARKER} where each visitor's
   * CSRF token goes; they are kept in parts, and the token is put between the parts as the page is
   * served (gzip included: each part is compressed on its own, the token is added as a stored
   * block, so nothing is compressed per request).
   *
   * @param articleId the article it shows, or null for a listing that shows many
   * @param parts the page's bytes, split where the token goes (one part: no token)
   * @param gzParts the parts deflated separately (one part: a complete gzip file)
   */
  public record CachedPage(
      String articleId, byte[][] parts, byte[][] gzParts, String etag, String lastModified) {

    /** Readers get fresh copies quickly (withdrawals matter); shared caches must revalidate. */
    public static final String CACHE_CONTROL = "public, max-age=30, must-revalidate";

    /** Pages that carry a visitor's token are for that visitor only. */
    public static final String CACHE_CONTROL_PERSONAL = "private, no-cache";

    private static final DateTimeFormatter HTTP_DATE =
        DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    public static CachedPage of(String articleId, String html, Instant lastModified) {
      String[] segments = html.split(java.util.regex.Pattern.quote(pressroom.web.Csrf.MARKER), -1);
      byte[][] parts = new byte[segments.length][];
      for (int i = 0; i < segments.length; i++) {
        parts[i] = segments[i].getBytes(StandardCharsets.UTF_8);
      }
      byte[][] gz = new byte[parts.length][];
      if (parts.length == 1) {
        gz[0] = gzip(parts[0]);
      } else {
        for (int i = 0; i < parts.length; i++) {
          gz[i] = deflate(parts[i], i == parts.length - 1);
        }
      }
      return new CachedPage(
          articleId,
          parts,
          gz,
          etag(parts),
          HTTP_DATE.format(lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    /**
     * A page made for one signed-in visitor and sent once, never cached: its bytes only, without
     * the gzip copy and ETag a shared page needs (for a long comment thread those were a third of
     * the work of the page).
     */
    public static CachedPage forOneVisitor(String articleId, String html, Instant lastModified) {
      return new CachedPage(
          articleId,
          new byte[][] {html.getBytes(StandardCharsets.UTF_8)},
          new byte[0][],
          null,
          HTTP_DATE.format(lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    int weight() {
      int w = 64;
      for (byte[] p : parts) {
        w += p.length;
      }
      for (byte[] g : gzParts) {
        w += g.length;
      }
      return w;
    }

    /** True when the page carries a visitor's CSRF token. */
    public boolean personal() {
      return parts.length > 1;
    }

    /** The page for a visitor ({@code token} is ignored for pages without forms). */
    public byte[] body(String token) {
      if (!personal()) {
        return parts[0];
      }
      return copy(false, token);
    }

    public byte[] gzipped(String token) {
      if (!personal()) {
        return gzParts[0];
      }
      return copy(true, token);
    }

    private byte[] copy(boolean gzip, String token) {
      byte[] t = token.getBytes(StandardCharsets.US_ASCII);
      ByteBuffer out = ByteBuffer.allocate(size(gzip, t.length));
      writeTo(out, gzip, t);
      return out.array();
    }

    /** The length of the page with a token of {@code tokenLength} bytes, gzipped or not. */
    public int size(boolean gzip, int tokenLength) {
      int size = 0;
      for (byte[] p : gzip ? gzParts : parts) {
        size += p.length;
      }
      if (!personal()) {
        return size;
      }
      return gzip
          ? size + GZIP_HEADER.length + 8 + (5 + tokenLength) * (parts.length - 1)
          : size + tokenLength * (parts.length - 1);
    }

    /**
     * Puts the page for a visitor into {@code out} (which has {@link #size} bytes left), without an
     * intermediate copy: the server hands it a pooled buffer.
     */
    public void writeTo(ByteBuffer out, boolean gzip, byte[] token) {
      if (!personal()) {
        out.put(gzip ? gzParts[0] : parts[0]);
        return;
      }
      if (!gzip) {
        for (int i = 0; i < parts.length; i++) {
          if (i > 0) {
            out.put(token);
          }
          out.put(parts[i]);
        }
        return;
      }
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      int length = 0;
      out.put(GZIP_HEADER);
      for (int i = 0; i < gzParts.length; i++) {
        if (i > 0) {
          // A stored (uncompressed) deflate block holding the token: BFINAL=0, BTYPE=00.
          out.put((byte) 0)
              .put((byte) token.length)
              .put((byte) (token.length >> 8))
              .put((byte) ~token.length)
              .put((byte) (~token.length >> 8))
              .put(token);
          crc.update(token);
          length += token.length;
        }
        out.put(gzParts[i]);
        crc.update(parts[i]);
        length += parts[i].length;
      }
      int c = (int) crc.getValue();
      // The gzip trailer is little-endian, whatever the buffer's order.
      out.put((byte) c)
          .put((byte) (c >> 8))
          .put((byte) (c >> 16))
          .put((byte) (c >> 24))
          .put((byte) length)
          .put((byte) (length >> 8))
          .put((byte) (length >> 16))
          .put((byte) (length >> 24));
    }

    /**
     * A validator that differs per visitor for personal pages (so a 304 never crosses visitors).
     */
    public String etag(String token) {
      return personal()
          ? etag.substring(0, etag.length() - 1) + "-" + token.substring(0, 8) + "\""
          : etag;
    }

    public String cacheControl() {
      return personal() ? CACHE_CONTROL_PERSONAL : CACHE_CONTROL;
    }

    /**
     * True when the client's copy is current: its If-None-Match names our ETag, or (without one)
     * its If-Modified-Since is not older than our Last-Modified. {@code datesCount} is false when
     * the visitor's copy could differ though the page did not (a personal page whose token was just
     * issued).
     */
    public boolean notModified(
        String etagNow, String ifNoneMatch, String ifModifiedSince, boolean datesCount) {
      if (ifNoneMatch != null) {
        for (String candidate : ifNoneMatch.split(",")) {
          String c = candidate.trim();
          if (c.equals("*") || c.equals(etagNow) || c.equals("W/" + etagNow)) {
            return true;
          }
        }
        return false;
      }
      if (ifModifiedSince == null || !datesCount) {
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

    private static String etag(byte[][] parts) {
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
          md.update(p);
          md.update((byte) 0);
        }
        byte[] d = md.digest();
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

    /** Raw deflate of one part, ending byte-aligned (SYNC_FLUSH) or as the final block. */
    private static byte[] deflate(byte[] part, boolean last) {
      java.util.zip.Deflater d =
          new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
      try {
        d.setInput(part);
        if (last) {
          d.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length / 3 + 64);
        byte[] buf = new byte[8192];
        while (true) {
          int n =
              d.deflate(
                  buf,
                  0,
                  buf.length,
                  last ? java.util.zip.Deflater.NO_FLUSH : java.util.zip.Deflater.SYNC_FLUSH);
          out.write(buf, 0, n);
          if (last ? d.finished() : n < buf.length) {
            break;
          }
        }
        return out.toByteArray();
      } finally {
        d.end();
      }
    }
  }
}
