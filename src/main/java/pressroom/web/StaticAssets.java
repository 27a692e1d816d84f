package pressroom.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import pressroom.web.PageCache.CachedPage;

/**
 * The site's few static files (stylesheet, script, icon, share picture), read from the jar once at
 * start and answered from memory in front of the servlet, gzipped where that helps. Written by hand
 * because the framework's classpath file handler opens the whole jar as a file system at start, a
 * few hundred milliseconds of every start for four files.
 */
public final class StaticAssets extends Handler.Wrapper {
  /** Where the files are served. */
  public static final String PATH = "/static/";

  /** Every file in {@code src/main/resources/public}; a test checks the list is complete. */
  public static final List<String> FILES =
      List.of("site.css", "site.js", "favicon.svg", "og-default.png");

  private static final HttpField CACHE_CONTROL =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=86400");

  /** For an address naming this very version ({@link #href}): it never changes, keep it. */
  private static final HttpField CACHE_FOREVER =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");

  /** A version this node does not have (a rolling upgrade): serve, but let nobody keep it. */
  private static final HttpField CACHE_NOT =
      new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-cache");

  private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  private static final HttpField GZIP =
      new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
  private static final HttpField[] SECURITY = SecurityHeaders.ENCODED;

  /** One file: its bytes, a gzipped copy when that is smaller, and a validator for both. */
  record Asset(byte[] bytes, byte[] gzipped, HttpField contentType, String etag) {
    /** The query that names this version in {@link #href}. */
    String versionQuery() {
      return "v=" + etag.substring(1, 13);
    }
  }

  /** The jar's own files, read once for {@link #href}. */
  private static final class Bundled {
    static final StaticAssets ASSETS = fromClasspath("/public");
  }

  /**
   * The address of one of {@link #FILES} that names its content ({@code /static/site.css?v=…}):
   * pages link to it, so browsers keep the file for a year and a new release is fetched at once.
   */
  public static String href(String name) {
    Asset asset = Bundled.ASSETS.assets.get(PATH + name);
    if (asset == null) {
      throw new IllegalArgumentException("not a static file: " + name);
    }
    return PATH + name + "?" + asset.versionQuery();
  }

  private final Map<String, Asset> assets;

  private StaticAssets(Map<String, Asset> assets) {
    this.assets = Map.copyOf(assets);
  }

  /** Reads {@link #FILES} from the class path folder {@code folder} (e.g. "/public"). */
  public static StaticAssets fromClasspath(String folder) {
    Map<String, Asset> assets = new HashMap<>();
    for (String name : FILES) {
      String resource = folder + "/" + name;
      try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("static file missing from the jar: " + resource);
        }
        assets.put(PATH + name, asset(name, in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + resource, e);
      }
    }
    return new StaticAssets(assets);
  }

  private static Asset asset(String name, byte[] bytes) {
    String type = contentType(name);
    byte[] gzipped = type.startsWith("image/png") ? null : gzip(bytes);
    if (gzipped != null && gzipped.length >= bytes.length) {
      gzipped = null;
    }
    return new Asset(
        bytes, gzipped, new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type), etag(bytes));
  }

  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      default -> throw new IllegalArgumentException("no content type known for " + name);
    };
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getPath();
    Asset asset = path == null || !path.startsWith(PATH) ? null : assets.get(path);
    String method = request.getMethod();
    boolean head = HttpMethod.HEAD.is(method);
    if (asset == null || (!head && !HttpMethod.GET.is(method))) {
      return super.handle(request, response, callback); // the site's own 404 and 405 pages
    }
    HttpFields.Mutable out = response.getHeaders();
    for (HttpField f : SECURITY) {
      out.add(f);
    }
    String query = request.getHttpURI().getQuery();
    out.add(
        query == null
            ? CACHE_CONTROL
            : query.equals(asset.versionQuery()) ? CACHE_FOREVER : CACHE_NOT);
    out.add(VARY);
    out.add(HttpHeader.ETAG, asset.etag());
    if (matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), asset.etag())) {
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    boolean gzip =
        asset.gzipped() != null
            && CachedPage.acceptsGzip(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING));
    byte[] body = gzip ? asset.gzipped() : asset.bytes();
    if (gzip) {
      out.add(GZIP);
    }
    out.add(asset.contentType());
    out.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.setStatus(200);
    response.write(
        true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body).asReadOnlyBuffer(), callback);
    return true;
  }

  /** If-None-Match holds the validator, alone or in a list, or "*". */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
