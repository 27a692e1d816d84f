package pressroom.articles;

import java.text.Normalizer;
import java.util.Locale;

/** Readable ASCII addresses from headlines and names in any Latin-script language. */
public final class Slugs {
  private static final int MAX_LENGTH = 80;

  private Slugs() {}

  /** The slug of {@code text}, or {@code fallback} when nothing Latin remains (e.g. Arabic). */
  public static String of(String text, String fallback) {
    String s = text.toLowerCase(Locale.ROOT);
    // An import slugs every headline: ASCII text (most of it) needs no folding.
    if (!isAscii(s)) {
      // Letters that Unicode does not decompose into a base letter plus a mark.
      s =
          s.replace("ı", "i")
              .replace("ł", "l")
              .replace("ø", "o")
              .replace("đ", "d")
              .replace("ð", "d")
              .replace("þ", "th")
              .replace("ß", "ss")
              .replace("æ", "ae")
              .replace("œ", "oe")
              .replace("ʿ", "")
              .replace("ʾ", "")
              .replace("’", "");
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
    s = hyphenate(s);
    if (s.length() > MAX_LENGTH) {
      s = s.substring(0, MAX_LENGTH);
      int cut = s.lastIndexOf('-');
      s = cut > 20 ? s.substring(0, cut) : s;
    }
    return s.isEmpty() ? fallback : s;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Drops apostrophes, joins the runs of a-z and 0-9 with single hyphens, drops everything else.
   */
  private static String hyphenate(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && !out.isEmpty()) {
          out.append('-');
        }
        gap = false;
        out.append(c);
      } else if (c != '\'') {
        gap = true;
      }
    }
    return out.toString();
  }
}
