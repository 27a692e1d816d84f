package pressroom.ingest.fetch;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * A response body read whole, at most {@code maxBytes} both as sent and once un-gzipped: a feed
 * server cannot make us hold more than that, whatever it declares or compresses.
 */
final class CappedBody {
  private CappedBody() {}

  static byte[] read(InputStream in, HttpFields headers, long maxBytes) throws IOException {
    long declared;
    try {
      declared = headers.getLongField(HttpHeader.CONTENT_LENGTH);
    } catch (NumberFormatException e) {
      declared = -1;
    }
    String tooLarge = "the feed is larger than " + size(maxBytes);
    if (declared > maxBytes) {
      throw new FetchFailure(tooLarge);
    }
    InputStream wire = new CappedInputStream(in, maxBytes, tooLarge);
    String encoding = headers.get(HttpHeader.CONTENT_ENCODING);
    encoding = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
    InputStream decoded =
        switch (encoding) {
          case "", "identity" -> wire;
          case "gzip", "x-gzip" -> gunzip(wire);
          default ->
              throw new FetchFailure(
                  "the server compressed the feed as '"
                      + encoding
                      + "', which Pressroom cannot read (it asks for gzip only)");
        };
    try {
      byte[] body = decoded.readNBytes((int) maxBytes + 1);
      if (body.length > maxBytes) {
        throw new FetchFailure(tooLarge + " once decompressed");
      }
      return body;
    } catch (ZipException | EOFException e) {
      if (decoded == wire) {
        throw e;
      }
      throw new FetchFailure("the server sent a damaged gzip body");
    }
  }

  private static InputStream gunzip(InputStream in) throws IOException {
    try {
      return new GZIPInputStream(in);
    } catch (ZipException | EOFException e) {
      throw new FetchFailure("the server sent a damaged gzip body");
    }
  }

  private static String size(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
  }

  /** Fails with {@code reason} once more than {@code max} bytes have come through. */
  private static final class CappedInputStream extends FilterInputStream {
    private final long max;
    private final String reason;
    private long count;

    CappedInputStream(InputStream in, long max, String reason) {
      super(in);
      this.max = max;
      this.reason = reason;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counted(skipped);
      return skipped;
    }

    private void counted(long n) throws FetchFailure {
      count += n;
      if (count > max) {
        throw new FetchFailure(reason);
      }
    }
  }
}
