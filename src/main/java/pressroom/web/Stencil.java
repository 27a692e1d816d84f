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

  /** Stands in for the visitor's name, filled in escaped as HTML. */
  public static final String NAME = standIn();

  private static final List<String> HOLES = List.of(TOKEN, NAME);

  private final byte[][] parts;
  private final int[] holes;
  private final int size;

  private Stencil(byte[][] parts, int[] holes) {
    this.parts = parts;
    this.holes = holes;
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    this.size = n;
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
    if (!Csrf.wellFormed(token)) {
      throw new IllegalArgumentException("not a CSRF token");
    }
    byte[][] values = {
      token.getBytes(StandardCharsets.US_ASCII), escaped(name).getBytes(StandardCharsets.UTF_8)
    };
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

  private static String escaped(String text) {
    gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
    gg.jte.html.escape.Escape.htmlAttribute(text, out);
    return out.toString();
  }

  /** Bytes held, for a cache's weigher. */
  public int weight() {
    return 64 + size + 16 * parts.length;
  }
}
