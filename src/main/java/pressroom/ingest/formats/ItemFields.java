package pressroom.ingest.formats;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Normalises item fields the same way for every format: titles, URLs, dates, tags. Pure. */
public final class ItemFields {
  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\r?\\n\\s*\\n");
  private static final Pattern IMAGE_PATH =
      Pattern.compile("(?i).*\\.(jpe?g|png|gif|webp|avif)([?#].*)?");

  private ItemFields() {}

  static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /**
   * Every run of whitespace as one space: what {@code replaceAll("\\s+", " ")} gives, where {@code
   * \s} is [ \t\n\x0B\f\r], without a regular expression, and the string itself when there is
   * nothing to change (the usual case, on every title, tag and summary of an import).
   */
  public static String collapseSpaces(String s) {
    int n = s.length();
    int i = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && (c != ' ' || (i + 1 < n && isRegexSpace(s.charAt(i + 1))))) {
        break;
      }
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n).append(s, 0, i);
    while (i < n) {
      char c = s.charAt(i++);
      if (isRegexSpace(c)) {
        out.append(' ');
        while (i < n && isRegexSpace(s.charAt(i))) {
          i++;
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Plain text from a title that may hold tags or entities; null when nothing is left. */
  static String plainText(String raw) {
    if (raw == null) {
      return null;
    }
    String text =
        raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0
            ? Jsoup.parseBodyFragment(raw).text()
            : collapseSpaces(raw);
    return trimToNull(text);
  }

  /** Plain text as HTML: escaped, one paragraph per blank-line-separated block. */
  static String textToHtml(String text) {
    String t = trimToNull(text);
    if (t == null) {
      return null;
    }
    StringBuilder html = new StringBuilder(t.length() + 32);
    for (String paragraph : PARAGRAPH_BREAK.split(t)) {
      String p = trimToNull(paragraph);
      if (p != null) {
        html.append("<p>").append(escapeHtml(p)).append("</p>");
      }
    }
    return html.toString();
  }

  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * {@code href} made absolute against {@code base}; null unless the result is an http(s) URL (no
   * javascript:, data: or file: links reach the site).
   */
  static String absoluteUrl(String base, String href) {
    String h = trimToNull(href);
    if (h == null) {
      return null;
    }
    try {
      URI uri = new URI(escapeUnsafe(h));
      if (!uri.isAbsolute()) {
        String b = trimToNull(base);
        if (b == null) {
          return null;
        }
        URI baseUri = new URI(escapeUnsafe(b));
        if (!baseUri.isAbsolute()) {
          return null;
        }
        if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
          baseUri = baseUri.resolve("/"); // "http://host" + "a" must give "http://host/a"
        }
        uri = baseUri.resolve(uri);
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return null;
      }
      return uri.getHost() == null ? null : uri.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Percent-escapes the characters browsers tolerate in URLs but java.net.URI does not. */
  private static String escapeUnsafe(String url) {
    StringBuilder out = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean unsafe = c <= 0x20 || c == 0x7F || " \"<>\\^`{|}".indexOf(c) >= 0;
      if (unsafe && out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? url : out.toString();
  }

  static boolean isImageType(String mimeType) {
    return mimeType != null && mimeType.strip().toLowerCase(Locale.ROOT).startsWith("image/");
  }

  static boolean looksLikeImageUrl(String url) {
    return url != null && IMAGE_PATH.matcher(url).matches();
  }

  /** Tags trimmed, freed of markup, without empties or repeats (case-insensitively). */
  static List<String> tags(Collection<String> raw) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String tag : raw) {
      String t = plainText(tag);
      if (t != null && seen.add(t.toLowerCase(Locale.ROOT))) {
        out.add(t);
      }
    }
    return out;
  }

  /** Author strings as sent, trimmed, without empties or exact repeats; never split. */
  static List<String> authors(Collection<String> raw) {
    List<String> out = new ArrayList<>();
    for (String author : raw) {
      String a = plainText(author);
      if (a != null && !out.contains(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** A BCP 47 tag such as "en-US" from "en-us" or "en_US"; null for nothing usable. */
  static String language(String raw) {
    String t = trimToNull(raw);
    if (t == null || t.length() > 35) {
      return null;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(t.replace('_', '-')).build();
      int languageLength = locale.getLanguage().length();
      return languageLength < 2 || languageLength > 3 ? null : locale.toLanguageTag();
    } catch (IllformedLocaleException e) {
      return null;
    }
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /**
   * A date as JSON Feed and ninjs send it, in whatever shape {@link FeedDates} reads (ISO 8601 with
   * or without offset, seconds or time, RFC 822 as in RSS, and the rest); null when unreadable.
   */
  static Instant date(String raw) {
    return FeedDates.read(raw).orElse(null);
  }

  /**
   * The date text to name an item by when it ends up with no date although the feed gave one: the
   * first given of {@code texts} (its publication date's, then its update's), or null when the item
   * has a date or the feed gave none.
   */
  static String unreadableDate(Instant published, Instant updated, List<String> texts) {
    if (published != null || updated != null) {
      return null;
    }
    for (String text : texts) {
      String t = trimToNull(text);
      if (t != null) {
        return collapseSpaces(t);
      }
    }
    return null;
  }
}
