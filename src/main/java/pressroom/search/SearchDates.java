package pressroom.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dates a reader types into the search form, read the way the site writes them ("6 December
 * 2026", "6 Dec 2026") or as ISO ("2026-12-06"); never the browser's own format, which differs by
 * country and would read 06/12 as June on one phone and December on another. Pure.
 */
final class SearchDates {
  /** How the site shows a date in the form, as the articles' datelines do. */
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  static final String EXAMPLE = "e.g. 6 December 2026 or 2026-12-06";

  private static final List<DateTimeFormatter> READ =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          pattern("d MMMM uuuu"),
          pattern("d MMM uuuu"),
          pattern("MMMM d uuuu"),
          pattern("MMM d uuuu"));

  /**
   * Years a search may name: ISO reads signed years of up to nine digits, which no article has and
   * which overflow the index's milliseconds.
   */
  static boolean searchable(LocalDate d) {
    return d.getYear() >= 1 && d.getYear() <= 9999;
  }

  private SearchDates() {}

  private static DateTimeFormatter pattern(String p) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(p)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /** The date {@code text} names, or empty when it names none (30 February included). */
  static Optional<LocalDate> parse(String text) {
    if (text == null || text.length() > 40) {
      return Optional.empty();
    }
    // "6 Dec. 2026", "December 6, 2026": the dot and the comma carry nothing.
    String t = text.strip().replace(",", " ").replace(".", " ").replaceAll("\\s+", " ");
    // Java knows September's short form as "Sep" only; people write "Sept" too.
    t = t.replaceAll("(?i)\\bsept\\b", "Sep");
    for (DateTimeFormatter f : READ) {
      try {
        return Optional.of(LocalDate.parse(t, f)).filter(SearchDates::searchable);
      } catch (DateTimeParseException e) {
        // try the next way of writing it
      }
    }
    return Optional.empty();
  }

  static String shown(LocalDate d) {
    return d == null ? "" : SHOWN.format(d);
  }
}
