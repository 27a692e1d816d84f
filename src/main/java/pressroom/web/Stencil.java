package pressroom.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A page rendered once with stand-ins where each visitor's own values go (their CSRF token, their
 * name), kept as UTF-8 bytes cut at those places: filling it in for one visitor is a copy, not a
 * render.
 *
 * <p>The stand-ins are random for each process and never leave it (every one is replaced before a
 * byte is sent), so text a commenter writes cannot name one and have a reader's token put into it.
 */
public final class Stencil {
  /** Stands in for the visitor's CSRF token (letters and digits: no template escapes it). */
  public static final String TOKEN = standIn();

  /**
   * Stands in for the visitor's name, filled in escaped for element text and quoted attributes
   * alike; never to be placed in a script, a URL or an unquoted attribute.
   */
  public static final String NAME = standIn();

  private static final List<String> HOLES = List.of(TOKEN, NAME);

  private final byte[][] parts;
  private final int[] holes;
  private final int size;

  /** Each part deflated on its own (see {@link #fillGzipped}). */
  private final byte[][] deflated;

  private final int deflatedSize;

  private Stencil(byte[][] parts, int[] holes) {
    this.parts = parts;
    this.holes = holes;
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    this.size = n;
    this.deflated = deflateEach(parts);
    int d = 0;
    for (byte[] p : deflated) {
      d += p.length;
    }
    this.deflatedSize = d;
  }

  /**
   * Deflates each part ending in a full flush: byte-aligned, and referring to nothing before it, so
   * the compressed parts can be joined with other deflate blocks between them.
   */
  private static byte[][] deflateEach(byte[][] parts) {
    java.util.zip.Deflater deflater = new java.util.zip.Deflater(6, true);
    try {
      byte[][] out = new byte[parts.length][];
      byte[] buffer = new byte[16 * 1024];
      for (int i = 0; i < parts.length; i++) {
        java.io.ByteArrayOutputStream part = new java.io.ByteArrayOutputStream(parts[i].length / 4);
        deflater.setInput(parts[i]);
        int n;
        do {
          n = deflater.deflate(buffer, 0, buffer.length, java.util.zip.Deflater.FULL_FLUSH);
          part.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        out[i] = part.toByteArray();
      }
      return out;
    } finally {
      deflater.end();
    }
  }

  private static String standIn() {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    return "zz" + HexFormat.of().formatHex(random) + "zz";
  }

  /** Cuts {@code html} at every stand-in it holds. */
  public static Stencil cut(String html) {
    List<byte[]> parts = new ArrayList<>();
    List<Integer> holes = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = -1;
      int which = -1;
      for (int h = 0; h < HOLES.size(); h++) {
        int i = html.indexOf(HOLES.get(h), from);
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
          which = h;
        }
      }
      if (at < 0) {
        parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        break;
      }
      parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
      holes.add(which);
      from = at + HOLES.get(which).length();
    }
    return new Stencil(
        parts.toArray(byte[][]::new), holes.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The page for one visitor.
   *
   * @param token their CSRF token (letters, digits, - and _ only)
   * @param name their name as shown, escaped here
   */
  public byte[] fill(String token, String name) {
    byte[][] values = values(token, name);
    int length = size;
    for (int h : holes) {
      length += values[h].length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (int i = 0; i < parts.length; i++) {
      System.arraycopy(parts[i], 0, out, at, parts[i].length);
      at += parts[i].length;
      if (i < holes.length) {
        byte[] v = values[holes[i]];
        System.arraycopy(v, 0, out, at, v.length);
        at += v.length;
      }
    }
    return out;
  }

  private static byte[][] values(String token, String name) {
    if (!Csrf.wellFormed(token)) {
      throw new IllegalArgumentException("not a CSRF token");
    }
    return new byte[][] {
      token.getBytes(StandardCharsets.US_ASCII), escaped(name).getBytes(StandardCharsets.UTF_8)
    };
  }

  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  /**
   * The page for one visitor, gzipped, without compressing it again: the parts deflated once when
   * cut, the visitor's values between them as stored (uncompressed) deflate blocks, then the
   * closing block and the gzip trailer (RFC 1951 section 3.2.4, RFC 1952). Written by hand because
   * no library joins deflate streams; the JDK's Deflater did the compressing.
   */
  public byte[] fillGzipped(String token, String name) {
    byte[][] values = values(token, name);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    int length = GZIP_HEADER.length + deflatedSize + 5 + 8;
    int plainLength = size;
    for (int h : holes) {
      length += stored(values[h].length);
      plainLength += values[h].length;
    }
    byte[] out = new byte[length];
    System.arraycopy(GZIP_HEADER, 0, out, 0, GZIP_HEADER.length);
    int at = GZIP_HEADER.length;
    for (int i = 0; i < parts.length; i++) {
      crc.update(parts[i]);
      System.arraycopy(deflated[i], 0, out, at, deflated[i].length);
      at += deflated[i].length;
      if (i < holes.length) {
        byte[] v = values[holes[i]];
        crc.update(v);
        at = storedBlocks(v, out, at);
      }
    }
    // The last block: stored, empty, final.
    out[at++] = 1;
    out[at++] = 0;
    out[at++] = 0;
    out[at++] = (byte) 0xff;
    out[at++] = (byte) 0xff;
    at = littleEndian((int) crc.getValue(), out, at);
    littleEndian(plainLength, out, at);
    return out;
  }

  /** Bytes taken by {@code n} bytes as stored blocks (at most 65,535 each, 5 bytes of header). */
  private static int stored(int n) {
    return n + 5 * Math.max(1, (n + 65_534) / 65_535);
  }

  private static int storedBlocks(byte[] v, byte[] out, int at) {
    int from = 0;
    do {
      int n = Math.min(65_535, v.length - from);
      out[at++] = 0; // not final, stored; byte-aligned after the part's full flush
      out[at++] = (byte) n;
      out[at++] = (byte) (n >>> 8);
      out[at++] = (byte) ~n;
      out[at++] = (byte) (~n >>> 8);
      System.arraycopy(v, from, out, at, n);
      at += n;
      from += n;
    } while (from < v.length);
    return at;
  }

  private static int littleEndian(int v, byte[] out, int at) {
    out[at++] = (byte) v;
    out[at++] = (byte) (v >>> 8);
    out[at++] = (byte) (v >>> 16);
    out[at++] = (byte) (v >>> 24);
    return at;
  }

  private static String escaped(String text) {
    gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
    gg.jte.html.escape.Escape.htmlAttribute(text, out);
    return out.toString();
  }

  /** Bytes held, for a cache's weigher. */
  public int weight() {
    return 64 + size + deflatedSize + 32 * parts.length;
  }
}
