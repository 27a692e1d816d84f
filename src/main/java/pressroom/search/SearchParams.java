package pressroom.search;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import pressroom.web.PageException;
import pressroom.web.PageNumbers;

/**
 * A search as its URL states it: the words, the filters beside them (section, source, author slugs;
 * a time span or a from/to date range in the site's time zone), order and page.
 */
public record SearchParams(
    String q,
    String section,
    String source,
    String author,
    DateSpan within,
    LocalDate from,
    LocalDate to,
    boolean newest,
    int page) {
  public boolean empty() {
    return q.isBlank()
        && section == null
        && source == null
        && author == null
        && within == null
        && from == null
        && to == null;
  }

  /**
   * This search with one parameter changed (null removes it), back on its first page unless the
   * change is the page.
   */
  String with(String key, String value) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("q", q.isBlank() ? null : q);
    p.put("section", section);
    p.put("source", source);
    p.put("author", author);
    p.put("within", within == null ? null : within.key());
    p.put("from", from == null ? null : from.toString());
    p.put("to", to == null ? null : to.toString());
    p.put("sort", newest ? "newest" : null);
    if (key.equals("dates")) { // one date filter at a time: a span replaces a range
      p.put("from", null);
      p.put("to", null);
      p.put("within", value);
    } else {
      p.put(key, value); // "page" goes last, and only when asked for
    }
    StringBuilder url = new StringBuilder("/search");
    char sep = '?';
    for (var e : p.entrySet()) {
      if (e.getValue() != null) {
        url.append(sep)
            .append(e.getKey())
            .append('=')
            .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = '&';
      }
    }
    return url.toString();
  }

  /**
   * Reads and checks a search from the query string; a value that cannot be right is a 400 naming
   * it (the API: a program should hear of its mistake rather than get other results).
   */
  static SearchParams from(Context ctx) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw PageException.badRequest(
          "The date range starts (" + from + ") after it ends (" + to + "); swap the dates.");
    }
    return read(ctx, from, to);
  }

  /**
   * A search as a person typed it into the page's form: dates in the site's way of writing them or
   * as ISO; a date that cannot be read is left out of the search and named in {@code problems}
   * (field → message), so the page can say so beside the field and keep everything else.
   */
  public record Typed(
      SearchParams params, String fromText, String toText, Map<String, String> problems) {}

  static Typed typed(Context ctx) {
    Map<String, String> problems = new LinkedHashMap<>();
    String fromText = blankToNull(ctx.queryParam("from"));
    String toText = blankToNull(ctx.queryParam("to"));
    LocalDate from = typedDate(fromText, "from", "“From”", problems);
    LocalDate to = typedDate(toText, "to", "“To”", problems);
    if (from != null && to != null && from.isAfter(to)) {
      problems.put(
          "from",
          "The range starts ("
              + SearchDates.shown(from)
              + ") after it ends ("
              + SearchDates.shown(to)
              + "); swap the dates.");
      from = null;
      to = null;
    }
    return new Typed(
        read(ctx, from, to),
        fromText == null ? "" : (from != null ? SearchDates.shown(from) : fromText),
        toText == null ? "" : (to != null ? SearchDates.shown(to) : toText),
        problems);
  }

  private static LocalDate typedDate(
      String text, String name, String label, Map<String, String> problems) {
    if (text == null) {
      return null;
    }
    var d = SearchDates.parse(text);
    if (d.isEmpty()) {
      problems.put(
          name,
          label
              + " date “"
              + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
              + "” is not a date we can read. Write it like 6 December 2026 or 2026-12-06.");
      return null;
    }
    return d.get();
  }

  private static SearchParams read(Context ctx, LocalDate from, LocalDate to) {
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
    if (q.length() > QueryText.MAX_LENGTH) {
      throw PageException.badRequest(
          "The search is longer than " + QueryText.MAX_LENGTH + " characters; shorten it.");
    }
    String within = blankToNull(ctx.queryParam("within"));
    DateSpan span = null;
    if (within != null) {
      span =
          Arrays.stream(DateSpan.values())
              .filter(v -> v.key().equals(within))
              .findFirst()
              .orElseThrow(
                  () ->
                      PageException.badRequest(
                          "The time span “" + within + "” is not one of: day, week, month, year."));
    }
    String sort = ctx.queryParam("sort");
    if (sort != null && !sort.isBlank() && !sort.equals("newest") && !sort.equals("relevance")) {
      throw PageException.badRequest("The order “" + sort + "” is not one of: relevance, newest.");
    }
    return new SearchParams(
        q,
        slug(ctx, "section"),
        slug(ctx, "source"),
        slug(ctx, "author"),
        span,
        from,
        to,
        "newest".equals(sort),
        PageNumbers.parse(ctx.queryParam("page"), 1000));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String slug(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v != null && v.length() > 200) {
      throw PageException.badRequest("The " + name + " filter is longer than 200 characters.");
    }
    return v;
  }

  private static LocalDate date(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(v);
      if (SearchDates.searchable(d)) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // answered below, as a year out of range is
    }
    throw PageException.badRequest(
        "The “" + name + "” date “" + v + "” is not a date like 2026-11-25.");
  }
}
