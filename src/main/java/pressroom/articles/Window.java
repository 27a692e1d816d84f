package pressroom.articles;

import java.util.regex.Pattern;

/**
 * Which part of a newest-first listing a page shows: a numbered page near the top (cheap only while
 * the offset is small), or the articles just before or after a position, which costs the same at
 * any depth.
 */
public sealed interface Window {
  /** The first pages, by number: an offset the database walks, so kept short. */
  record Numbered(int offset) implements Window {
    public Numbered {
      if (offset < 0) {
        throw new IllegalArgumentException("offset " + offset);
      }
    }
  }

  /** The articles older than {@code position}. */
  record Before(Position position) implements Window {}

  /** The articles newer than {@code position} (the listing's previous page). */
  record After(Position position) implements Window {}

  Window FIRST = new Numbered(0);

  /**
   * Numbered pages stop here: past it a page would walk thousands of index entries, and the "Older"
   * links (positions) reach any depth at the cost of the first page.
   */
  int MAX_NUMBERED_PAGE = 50;

  /**
   * The window a request asks for with {@code page}, {@code before} or {@code after} (at most one);
   * absent means the first page.
   *
   * @throws pressroom.web.PageException 400 naming the parameter that is not valid
   */
  static Window of(String page, String before, String after, int pageSize) {
    int given = (page == null ? 0 : 1) + (before == null ? 0 : 1) + (after == null ? 0 : 1);
    if (given > 1) {
      throw pressroom.web.PageException.badRequest(
          "Ask for one of “page”, “before” or “after”, not several.");
    }
    if (before != null || after != null) {
      String text = before != null ? before : after;
      Position p =
          Position.parse(text)
              .orElseThrow(
                  () ->
                      pressroom.web.PageException.badRequest(
                          "“"
                              + text
                              + "” is not a position in this listing: follow the Older and Newer links."));
      return before != null ? new Before(p) : new After(p);
    }
    int n = pressroom.web.PageNumbers.parse(page, MAX_NUMBERED_PAGE);
    return new Numbered((n - 1) * pageSize);
  }

  /**
   * An article's place in a listing: its publication time, then its id for articles published in
   * the same millisecond. Written in links as {@code 1733400000000_<id>}.
   */
  record Position(long publishedAt, String id) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,15})_([0-9a-zA-Z-]{1,64})");

    public Position {
      if (publishedAt < 0 || id == null || id.isEmpty()) {
        throw new IllegalArgumentException("not a listing position");
      }
    }

    /** The position written in a link, or empty if the text is not one. */
    public static java.util.Optional<Position> parse(String text) {
      var m = text == null ? null : TEXT.matcher(text);
      if (m == null || !m.matches()) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Position(Long.parseLong(m.group(1)), m.group(2)));
    }

    public static Position of(ArticleSummary a) {
      return new Position(a.publishedAt().toEpochMilli(), a.id());
    }

    @Override
    public String toString() {
      return publishedAt + "_" + id;
    }
  }
}
