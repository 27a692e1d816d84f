package pressroom.articles;

import java.util.Locale;

/** Only PUBLISHED articles are shown to readers. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  WITHDRAWN,
  EXPIRED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ArticleStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
