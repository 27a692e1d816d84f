package pressroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.Stamp;

/** The model of the search results page. */
public record SearchPage(
    Chrome chrome,
    Head head,
    SearchParams params,
    String sort,
    SearchResults results,
    List<Row> rows,
    List<Facet> facets,
    List<Choice> active,
    String previous,
    String next,
    IndexStatus index,
    SearchParams.Typed typed) {
  /**
   * The date fields as typed (a date read is shown the site's way), and what is wrong with them.
   */
  public String fromText() {
    return typed.fromText();
  }

  public String toText() {
    return typed.toText();
  }

  public String problem(String field) {
    return typed.problems().get(field);
  }

  public java.util.Map<String, String> problems() {
    return typed.problems();
  }

  public String dateExample() {
    return SearchDates.EXAMPLE;
  }

  /** What readers are told while the index is incomplete; null once it is not. */
  public String notice() {
    return notice(index);
  }

  public String query() {
    return params.q();
  }

  /** What readers are told when their search had more words than one uses; null when it had not. */
  public String shortened() {
    return results.shortened()
        ? "Only the first " + SearchQuery.MAX_TERMS + " words of this search were used."
        : null;
  }

  public int page() {
    return params.page();
  }

  /** A filter count as shown: grouped digits, "about" when it was estimated from a sample. */
  public String count(long n) {
    return (results.estimated() ? "about " : "") + String.format(Locale.ROOT, "%,d", n);
  }

  public String total() {
    return (results.estimated() ? "about " : "")
        + String.format(Locale.ROOT, "%,d", results.total())
        + (results.total() == 1 ? " article" : " articles");
  }

  /**
   * "Search is catching up: 120,000 of about 1,000,000 articles indexed so far; …", or null when
   * the index is complete.
   */
  static String notice(IndexStatus s) {
    if (!s.incomplete()) {
      return null;
    }
    String done =
        String.format(Locale.ROOT, "%,d", s.indexed())
            + (s.expected() > 0 ? String.format(Locale.ROOT, " of about %,d", s.expected()) : "")
            + ((s.expected() > 0 ? s.expected() : s.indexed()) == 1 ? " article" : " articles");
    return s.state() == IndexStatus.State.BUILDING
        ? "Search is catching up: " + done + " indexed so far; results may be incomplete."
        : "Search is being rebuilt: "
            + done
            + " read again so far; results may be out of date until it finishes.";
  }

  public record Row(SearchResults.Hit hit, Stamp published) {}

  /** One group of filters beside the results (Section, Source, Author, Date) with their counts. */
  public record Facet(String title, List<Choice> choices) {}

  /** A filter a reader can click: adds it, or when {@code selected}, takes it away. */
  public record Choice(String label, long count, String href, boolean selected) {}

  /**
   * The page of {@code results} of the search {@code p}, its hits as {@code rows}, told how the
   * index was ({@code status}) when the search began.
   */
  static SearchPage of(
      Chrome c,
      SearchParams.Typed typed,
      SearchResults r,
      List<Row> rows,
      int pageSize,
      IndexStatus status) {
    SearchParams p = typed.params();
    String q = p.q();
    return new SearchPage(
        c,
        new Head(
            p.empty()
                ? "Search — " + c.siteName()
                : (q.isBlank() ? "Filtered" : q) + " — search — " + c.siteName(),
            "Search the articles",
            null,
            "noindex,follow",
            List.of(),
            null),
        p,
        p.newest() ? "newest" : "relevance",
        r,
        rows,
        facets(p, r),
        active(p),
        p.page() > 1 ? p.with("page", String.valueOf(p.page() - 1)) : null,
        (long) p.page() * pageSize < r.total()
            ? p.with("page", String.valueOf(p.page() + 1))
            : null,
        status,
        typed);
  }

  /** The filters beside the results, each value with its count. */
  private static List<Facet> facets(SearchParams p, SearchResults r) {
    List<Facet> facets = new ArrayList<>();
    facets.add(new Facet("Section", choices(p, "section", p.section(), r.sections())));
    facets.add(new Facet("Source", choices(p, "source", p.source(), r.sources())));
    facets.add(new Facet("Author", choices(p, "author", p.author(), r.authors())));
    facets.add(
        new Facet(
            "Date",
            r.dates().stream()
                .filter(d -> d.count() > 0)
                .map(
                    d ->
                        new Choice(
                            d.label(),
                            d.count(),
                            p.with(
                                "dates",
                                d.key().equals(p.within() == null ? null : p.within().key())
                                    ? null
                                    : d.key()),
                            p.within() != null && d.key().equals(p.within().key())))
                .toList()));
    facets.removeIf(f -> f.choices().isEmpty());
    return facets;
  }

  /** The filters chosen that no facet shows (a date range), to take away. */
  private static List<Choice> active(SearchParams p) {
    List<Choice> active = new ArrayList<>();
    if (p.from() != null || p.to() != null) {
      String range =
          (p.from() == null ? "" : "from " + p.from())
              + (p.from() != null && p.to() != null ? " " : "")
              + (p.to() == null ? "" : "to " + p.to());
      active.add(
          new Choice(
              "Published " + range,
              0,
              p.with("dates", p.within() == null ? null : p.within().key()),
              true));
    }
    return active;
  }

  /**
   * The counted values of one filter; the chosen one (which a narrowed search counts alone) links
   * back out.
   */
  private static List<Choice> choices(
      SearchParams p, String param, String chosen, List<SearchResults.Count> counts) {
    List<Choice> out = new ArrayList<>();
    for (SearchResults.Count c : counts) {
      boolean selected = c.key().equals(chosen);
      out.add(new Choice(c.label(), c.count(), p.with(param, selected ? null : c.key()), selected));
    }
    if (chosen != null && out.stream().noneMatch(Choice::selected)) {
      out.addFirst(
          new Choice(chosen, 0, p.with(param, null), true)); // chosen, but nothing matches it
    }
    return out;
  }
}
