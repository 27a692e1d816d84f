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
    // Letters that Unicode does not decompose into a base letter plus a mark.
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d")
        .replace("ð", "d").replace("þ", "th").replace("ß", "ss").replace("æ", "ae")
        .replace("œ", "oe").replace("ʿ", "").replace("ʾ", "").replace("’", "").replace("'", "");
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > MAX_LENGTH) {
      s = s.substring(0, MAX_LENGTH);
      int cut = s.lastIndexOf('-');
      s = cut > 20 ? s.substring(0, cut) : s;
    }
    return s.isEmpty() ? fallback : s;
  }
}
