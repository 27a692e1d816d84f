package pressroom.web;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Names for what a shared page shows, sent in its {@code Surrogate-Key} header so a cache in front
 * (Varnish with xkey, a CDN) can drop every page that shows something when it changes. Every page
 * carries {@link #ALL}; an article page its article and its comments; a listing itself and each
 * article it lists. Ids are shortened to a hash: a collision only purges a page too many (the
 * letter and dash keep a hash from ever spelling a fixed key such as "all").
 */
public final class SurrogateKeys {
  public static final String HEADER = "Surrogate-Key";
  public static final String ALL = "all";
  public static final String HOME = "home";
  public static final String SEARCH = "search";

  private final Set<String> keys = new LinkedHashSet<>();

  private SurrogateKeys() {
    keys.add(ALL);
  }

  public static SurrogateKeys page() {
    return new SurrogateKeys();
  }

  public SurrogateKeys add(String key) {
    keys.add(key);
    return this;
  }

  /** The header's value: the keys, space separated. */
  @Override
  public String toString() {
    return String.join(" ", keys);
  }

  /** True when the space-separated {@code keys} (or null) name {@code key}. */
  static boolean names(String keys, String key) {
    if (keys == null) {
      return false;
    }
    int at = keys.indexOf(key);
    while (at >= 0) {
      int end = at + key.length();
      if ((at == 0 || keys.charAt(at - 1) == ' ')
          && (end == keys.length() || keys.charAt(end) == ' ')) {
        return true;
      }
      at = keys.indexOf(key, at + 1);
    }
    return false;
  }

  public static String article(String id) {
    return "a-" + shortId(id);
  }

  public static String comments(String articleId) {
    return "c-" + shortId(articleId);
  }

  public static String section(String id) {
    return "s-" + shortId(id);
  }

  public static String author(String id) {
    return "u-" + shortId(id);
  }

  public static String tag(String id) {
    return "t-" + shortId(id);
  }

  /** String.hashCode is the same on every JVM (it is specified), so every node names alike. */
  private static String shortId(String id) {
    return Integer.toString(id.hashCode() & 0x7fffffff, 36);
  }
}
