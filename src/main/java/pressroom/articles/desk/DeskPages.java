package pressroom.articles.desk;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.articles.ArticleDesk;
import pressroom.articles.ArticleStatus;
import pressroom.articles.Section;
import pressroom.articles.Sections;
import pressroom.articles.Window;
import pressroom.articles.desk.Models.Compared;
import pressroom.articles.desk.Models.Filters;
import pressroom.articles.desk.Models.ListPage;
import pressroom.articles.desk.Models.ListRow;
import pressroom.articles.desk.Models.RevisionRow;
import pressroom.articles.desk.Models.RevisionsPage;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The article desk's reading pages: the list of every article (filtered, newest first, a page at a
 * time by position) and an article's earlier versions compared with its text.
 */
public final class DeskPages {
  private final ArticleDesk desk;
  private final Sections sections;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final Stamp.Clock stamps;

  private final java.time.InstantSource clock;

  public DeskPages(
      ArticleDesk desk,
      Sections sections,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      Stamp.Clock stamps,
      java.time.InstantSource clock) {
    this.clock = clock;
    this.desk = desk;
    this.sections = sections;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.stamps = stamps;
  }

  /** How far back headline words look when no From day is given. */
  static final java.time.Duration HEADLINE_REACH = java.time.Duration.ofDays(90);

  public void list(Context ctx) {
    Filters typed =
        new Filters(
            param(ctx, "section"),
            param(ctx, "source"),
            param(ctx, "status"),
            param(ctx, "from"),
            param(ctx, "to"),
            param(ctx, "q"));
    List<Section> all = sections.sections();
    Map<String, String> problems = new LinkedHashMap<>();
    ArticleDesk.Filter filter = filter(typed, all, problems);
    Window window = Window.FIRST;
    for (String side : List.of("before", "after")) {
      String at = ctx.queryParam(side);
      if (at != null) {
        var position = Window.Position.parse(at);
        if (position.isEmpty()) {
          problems.put(side, "“" + side + "” is not a position in this list: follow the links.");
        } else {
          window =
              side.equals("before")
                  ? new Window.Before(position.get())
                  : new Window.After(position.get());
        }
      }
    }
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    List<ListRow> rows = List.of();
    String next = null;
    String previous = null;
    if (problems.isEmpty()) {
      ArticleDesk.Page page = desk.list(filter, window);
      java.time.Instant now = clock.instant();
      rows =
          page.rows().stream()
              .map(
                  r ->
                      new ListRow(
                          r,
                          stamps.stamp(r.publishedAt()),
                          r.status() == pressroom.articles.ArticleStatus.PUBLISHED
                              && r.publishedAt().isAfter(now)))
              .toList();
      next = page.next() == null ? null : address(typed, "before", page.next().toString());
      previous =
          page.previous() == null ? null : address(typed, "after", page.previous().toString());
    } else {
      ctx.status(400);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "articles/desk/list.jte",
                new ListPage(
                    c,
                    Head.simple("Articles — " + c.siteName(), "Every article, newest first"),
                    typed,
                    problems,
                    all,
                    desk.sources(),
                    rows,
                    next,
                    previous,
                    address(typed, null, null))));
  }

  /** The filter the typed values ask for; what is wrong goes into {@code problems}. */
  private ArticleDesk.Filter filter(
      Filters typed, List<Section> all, Map<String, String> problems) {
    String sectionId = null;
    if (!typed.section().isEmpty()) {
      sectionId =
          all.stream()
              .filter(s -> s.slug().equals(typed.section()))
              .map(Section::id)
              .findFirst()
              .orElse(null);
      if (sectionId == null) {
        problems.put("section", "Section: choose one of the list.");
      }
    }
    ArticleDesk.Origin origin =
        switch (typed.source()) {
          case "" -> new ArticleDesk.Origin.Any();
          case "own" -> new ArticleDesk.Origin.Own();
          default -> new ArticleDesk.Origin.Partner(typed.source());
        };
    ArticleStatus status = null;
    if (!typed.status().isEmpty()) {
      try {
        status = ArticleStatus.fromDb(typed.status());
      } catch (IllegalArgumentException e) {
        problems.put("status", "Status: choose one of the list.");
      }
    }
    Instant from = day(typed.from(), "from", "From", problems, 0);
    Instant until = day(typed.to(), "to", "To", problems, 1);
    if (from != null && until != null && !from.isBefore(until)) {
      problems.put("to", "To: a day on or after “From”.");
    }
    if (from == null && typed.q() != null && !typed.q().isBlank() && problems.isEmpty()) {
      // Words in headlines match only by reading rows: a rare word would read a million of them.
      // Without a From day they look back HEADLINE_REACH from To (or now); the page says so.
      from = (until != null ? until : clock.instant()).minus(HEADLINE_REACH);
    }
    return new ArticleDesk.Filter(sectionId, origin, status, from, until, typed.q());
  }

  static final int FIRST_YEAR = 1970;
  static final int LAST_YEAR = 9999;

  /** The start of the typed day (plus {@code days}) in the site's zone, or null if blank. */
  private Instant day(
      String typed, String field, String label, Map<String, String> problems, int days) {
    if (typed.isEmpty()) {
      return null;
    }
    LocalDate day;
    try {
      day = LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      problems.put(field, label + ": a day written like 2026-12-06.");
      return null;
    }
    // ISO dates may have years of up to nine digits, which overflow the millisecond times stored.
    if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
      problems.put(field, label + ": a day between " + FIRST_YEAR + " and " + LAST_YEAR + ".");
      return null;
    }
    return day.plusDays(days).atStartOfDay(stamps.zone()).toInstant();
  }

  /** The list's address with these filters, from a position (null: the newest). */
  private static String address(Filters f, String side, String position) {
    StringBuilder q = new StringBuilder();
    for (String[] p :
        new String[][] {
          {"section", f.section()},
          {"source", f.source()},
          {"status", f.status()},
          {"from", f.from()},
          {"to", f.to()},
          {"q", f.q()},
          {side, position}
        }) {
      if (p[1] != null && !p[1].isEmpty()) {
        q.append(q.isEmpty() ? "?" : "&")
            .append(p[0])
            .append('=')
            .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
      }
    }
    return "/staff/articles" + q;
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : EditForm.line(v);
  }

  /** An article's earlier versions, and one of them compared with the current text. */
  public void revisions(Context ctx) {
    ArticleDesk.DeskArticle d = desk.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    List<ArticleDesk.Revision> all = desk.revisions(d.article().id());
    String wanted = ctx.queryParam("with");
    ArticleDesk.Revision chosen =
        wanted == null
            ? (all.isEmpty() ? null : all.getFirst())
            : all.stream()
                .filter(r -> r.id().equals(wanted))
                .findFirst()
                .orElseThrow(PageException::notFound);
    List<RevisionRow> rows =
        all.stream()
            .map(r -> new RevisionRow(r, stamps.stamp(r.replacedAt()), r == chosen))
            .toList();
    List<Compared> compared =
        chosen == null
            ? List.of()
            : List.of(
                compared("Headline", chosen.headline(), d.article().headline()),
                compared("Summary", chosen.summary(), d.article().summary()),
                compared(
                    "Text",
                    TextDiff.textOf(chosen.bodyHtml()),
                    TextDiff.textOf(d.article().bodyHtml())));
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "articles/desk/revisions.jte",
                new RevisionsPage(
                    c,
                    Head.simple(
                        "Revisions of ‘" + d.article().headline() + "’ — " + c.siteName(),
                        "Earlier versions of an article"),
                    d,
                    rows,
                    rows.stream().filter(RevisionRow::chosen).findFirst().orElse(null),
                    compared)));
  }

  private static Compared compared(String part, String before, String now) {
    List<TextDiff.Piece> pieces = TextDiff.of(before, now);
    return new Compared(
        part, pieces, TextDiff.unchanged(pieces), !TextDiff.wordByWord(before, now));
  }
}
