package pressroom.reader;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import pressroom.articles.ArticleSummary;
import pressroom.articles.Listings;
import pressroom.articles.Pins;
import pressroom.articles.Window;
import pressroom.reader.Pages.HomePage;
import pressroom.reader.Pages.Item;
import pressroom.reader.Pages.ListingPage;
import pressroom.reader.Pages.Pagination;
import pressroom.web.Chrome;
import pressroom.web.Head;
import pressroom.web.PageCache.CachedPage;
import pressroom.web.Stamp;
import pressroom.web.SurrogateKeys;
import pressroom.web.Templates;

/**
 * Renders the pages that list articles: the home page, and a window of a section, author or tag
 * listing with its pagination (numbered near the top, positions further down).
 */
final class ListingPages {
  private final Listings listings;
  private final Pins pins;
  private final Templates templates;
  private final Stamp.Clock stamps;
  private final InstantSource clock;
  private final String baseUrl;

  ListingPages(
      Listings listings,
      Pins pins,
      Templates templates,
      Stamp.Clock stamps,
      InstantSource clock,
      String baseUrl) {
    this.listings = listings;
    this.pins = pins;
    this.templates = templates;
    this.stamps = stamps;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** What a listing page shows, and the listing it reads. */
  record Listing(
      String kind,
      String heading,
      String description,
      String sectionSlug,
      Listings.Listing query) {}

  /** A listing's address for a window: its cache key, canonical URL and pagination link. */
  static String address(String path, Window w) {
    return switch (w) {
      case Window.Numbered n ->
          n.offset() == 0 ? path : path + "?page=" + (n.offset() / ReaderPages.PAGE_SIZE + 1);
      case Window.Before b -> path + "?before=" + b.position();
      case Window.After a -> path + "?after=" + a.position();
    };
  }

  /**
   * The page of listing {@code l} at {@code path} that {@code asked} names, or null when there is
   * no such page.
   *
   * @param fresh for one signed-in reader (sent once), not the shared anonymous copy
   */
  CachedPage render(Listing l, String path, Window asked, Chrome frame, boolean fresh) {
    int pageSize = ReaderPages.PAGE_SIZE;
    Instant now = clock.instant();
    Window window = asked;
    List<ArticleSummary> rows = listings.listing(l.query(), window, pageSize + 1, now);
    boolean more = rows.size() > pageSize;
    if (window instanceof Window.After && !more) {
      // Fewer than a page is newer: that is the first page.
      window = Window.FIRST;
      rows = listings.listing(l.query(), window, pageSize + 1, now);
      more = rows.size() > pageSize;
    }
    if (rows.isEmpty() && !window.equals(Window.FIRST)) {
      return null;
    }
    List<ArticleSummary> shown =
        !more
            ? rows
            : window instanceof Window.After
                ? rows.subList(1, rows.size())
                : rows.subList(0, pageSize);
    String previous;
    String next;
    int number;
    switch (window) {
      case Window.Numbered n -> {
        number = n.offset() / pageSize + 1;
        previous = number == 1 ? null : address(path, new Window.Numbered(n.offset() - pageSize));
        next =
            !more
                ? null
                : number < Window.MAX_NUMBERED_PAGE
                    ? address(path, new Window.Numbered(n.offset() + pageSize))
                    : address(path, new Window.Before(Window.Position.of(shown.getLast())));
      }
      case Window.Before b -> {
        number = 0;
        previous = address(path, new Window.After(Window.Position.of(shown.getFirst())));
        next = more ? address(path, new Window.Before(Window.Position.of(shown.getLast()))) : null;
      }
      case Window.After a -> {
        number = 0;
        previous = address(path, new Window.After(Window.Position.of(shown.getFirst())));
        next = address(path, new Window.Before(Window.Position.of(shown.getLast())));
      }
    }
    Pagination pagination = new Pagination(number, previous, next);
    String title =
        l.heading()
            + (number > 1 ? " (page " + number + ")" : number == 0 ? " (older articles)" : "")
            + " — "
            + frame.siteName();
    Head head =
        Head.simple(title, l.description())
            .withCanonical(baseUrl + address(path, window))
            .withFeeds(path, l.heading());
    List<ArticleSummary> listed =
        window.equals(Window.FIRST) && l.query() instanceof Listings.Listing.InSection s
            ? pinnedFirst(pins.inSection(s.sectionId(), now), shown, Integer.MAX_VALUE)
            : shown;
    String html =
        templates.render(
            "articles/listing.jte",
            new ListingPage(
                frame.in(l.sectionSlug()),
                head,
                l.kind(),
                l.heading(),
                l.description(),
                items(listed),
                pagination,
                number > 0 || shown.isEmpty() ? null : span(shown)));
    if (fresh) {
      return CachedPage.forOneVisitor(null, html, now);
    }
    SurrogateKeys keys =
        SurrogateKeys.page()
            .add(
                switch (l.query()) {
                  case Listings.Listing.InSection s -> SurrogateKeys.section(s.sectionId());
                  case Listings.Listing.ByAuthor a -> SurrogateKeys.author(a.authorId());
                  case Listings.Listing.WithTag t -> SurrogateKeys.tag(t.tagId());
                  default -> SurrogateKeys.HOME;
                });
    listed.forEach(a -> keys.add(SurrogateKeys.article(a.id())));
    return CachedPage.of(null, html, now, keys.toString());
  }

  /**
   * The days a page of articles (newest first) covers, oldest first: "30 October 2026 – 1 November
   * 2026".
   */
  private String span(List<ArticleSummary> shown) {
    String newest = stamps.day(shown.getFirst().publishedAt());
    String oldest = stamps.day(shown.getLast().publishedAt());
    return newest.equals(oldest) ? newest : oldest + " – " + newest;
  }

  /** The home page's top stories: one lead, then cards, then headlines. */
  static final int TOP_STORIES = 12;

  static final int CARDS = 4;
  static final int BLOCK_SIZE = 4;

  /**
   * The home page: the top stories (pinned first), then the newest of each section that are not
   * already among them — a reader never meets the same story twice on the front page.
   *
   * @param fresh for one signed-in reader (sent once), not the shared anonymous copy
   */
  CachedPage home(Chrome c, boolean fresh) {
    Instant now = clock.instant();
    List<ArticleSummary> top =
        pinnedFirst(pins.home(now), listings.latest(TOP_STORIES, now), TOP_STORIES);
    java.util.Set<String> shown = new java.util.HashSet<>();
    top.forEach(a -> shown.add(a.id()));
    List<Pages.SectionBlock> blocks = new ArrayList<>();
    // The newest of each section the frame already holds: one read of its own index each, asking
    // for as many more as the top stories took from that section.
    for (Chrome.NavSection s : c.sections()) {
      long taken = top.stream().filter(a -> a.section().id().equals(s.id())).count();
      int want = BLOCK_SIZE + (int) taken;
      List<ArticleSummary> rows =
          listings.listing(new Listings.Listing.InSection(s.id()), Window.FIRST, want, now);
      rows = pinnedFirst(pins.inSection(s.id(), now), rows, want);
      List<ArticleSummary> unseen =
          rows.stream().filter(a -> shown.add(a.id())).limit(BLOCK_SIZE).toList();
      if (!unseen.isEmpty()) {
        blocks.add(new Pages.SectionBlock(s, items(unseen)));
      }
    }
    List<Item> topItems = items(top);
    Item lead = topItems.isEmpty() ? null : topItems.getFirst();
    List<Item> cards =
        topItems.subList(Math.min(1, topItems.size()), Math.min(1 + CARDS, topItems.size()));
    List<Item> briefs = topItems.subList(Math.min(1 + CARDS, topItems.size()), topItems.size());
    Head head =
        Head.simple(c.siteName(), "The latest news from " + c.siteName() + " and its partners.")
            .withCanonical(baseUrl + "/");
    String html =
        templates.render("articles/home.jte", new HomePage(c, head, lead, cards, briefs, blocks));
    if (fresh) {
      return CachedPage.forOneVisitor(null, html, now);
    }
    SurrogateKeys keys = SurrogateKeys.page().add(SurrogateKeys.HOME);
    shown.forEach(id -> keys.add(SurrogateKeys.article(id)));
    return CachedPage.of(null, html, now, keys.toString());
  }

  /**
   * The pinned stories, then the listing's own without them, {@code size} in all (or the pins
   * alone, if more). A paged listing keeps all its rows: its position links come from them.
   */
  private static List<ArticleSummary> pinnedFirst(
      List<ArticleSummary> pinned, List<ArticleSummary> rows, int size) {
    if (pinned.isEmpty()) {
      return rows;
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    List<ArticleSummary> out = new ArrayList<>(pinned);
    pinned.forEach(p -> ids.add(p.id()));
    for (ArticleSummary r : rows) {
      if (out.size() >= Math.max(size, pinned.size())) {
        break;
      }
      if (!ids.contains(r.id())) {
        out.add(r);
      }
    }
    return out;
  }

  private List<Item> items(List<ArticleSummary> rows) {
    return rows.stream().map(r -> new Item(r, stamps.stamp(r.publishedAt()))).toList();
  }
}
