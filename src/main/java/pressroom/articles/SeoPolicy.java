package pressroom.articles;

import java.util.Locale;

/** What a partner's licence says search engines should see for a republished article. */
public enum SeoPolicy {
  /** rel=canonical points to the partner's original (the default). */
  CANONICAL,
  /** robots noindex,follow with a canonical to our own page. */
  NOINDEX,
  /** The text is licensed as ours: our own page is canonical and indexable. */
  OWN;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SeoPolicy fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
