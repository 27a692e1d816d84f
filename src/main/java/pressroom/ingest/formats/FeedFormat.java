package pressroom.ingest.formats;

import java.util.Locale;

/** The formats a source can be read as; AUTO detects from the bytes. */
public enum FeedFormat {
  AUTO,
  RSS,
  ATOM,
  JSONFEED,
  NINJS;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "auto", "rss", "atom", "jsonfeed" or "ninjs" (any case). */
  public static FeedFormat fromName(String name) {
    for (FeedFormat f : values()) {
      if (f.cliName().equalsIgnoreCase(name.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a feed format (auto, rss, atom, jsonfeed, ninjs)");
  }
}
