package pressroom.ingest;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.articles.Sections;
import pressroom.articles.StatusChanges;
import pressroom.audit.AuditLog;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.SourceDao;
import pressroom.ingest.sources.SourceSettings;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The staff page of partner feeds, their health and what their last fetch did, and its actions:
 * fetch now, disable, enable, and remove (after a page saying what it withdraws). Adding and
 * editing are {@link SourceForms}. Every action goes into the audit log.
 */
public final class SourcesPage {
  /** Headlines the removal page names of the articles it would withdraw. */
  static final int WITHDRAWALS_NAMED = 5;

  private final SourceDao sources;
  private final Poller poller;
  private final StaffFrame frame;
  private final Stamp.Clock clock;
  private final AuditLog audit;
  private final SourceForms forms;

  /**
   * @param preview what "Test this feed" on the add and edit pages uses
   * @param sections the site's sections, which the add and edit pages offer
   */
  public SourcesPage(
      SourceDao sources,
      Poller poller,
      FeedPreview preview,
      Sections sections,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      Stamp.Clock clock,
      AuditLog audit) {
    this.sources = sources;
    this.poller = poller;
    this.frame = new StaffFrame(templates, chrome, csrf);
    this.clock = clock;
    this.audit = audit;
    this.forms = new SourceForms(sources, preview, sections, frame, clock, audit);
  }

  /** The add and edit pages. */
  public SourceForms forms() {
    return forms;
  }

  /** One source as the table shows it. */
  public record Row(FeedSource source, Stamp lastFetch, Stamp nextFetch, Stamp failingSince) {}

  /**
   * @param notice what the action before this page did, or null
   */
  public record Model(Chrome chrome, Head head, List<Row> rows, String notice) {}

  /** The page asking to confirm a removal, saying what it withdraws. */
  public record RemovePage(
      Chrome chrome, Head head, FeedSource source, int withdrawn, List<Withdrawal> newest) {}

  /** One article the removal would withdraw. */
  public record Withdrawal(String slug, String headline, Stamp published) {}

  public void list(Context ctx) {
    Chrome c = frame.chromeFor(ctx);
    List<Row> rows =
        sources.list().stream()
            .map(
                s ->
                    new Row(
                        s,
                        s.lastFetchAt() == null ? null : clock.stamp(s.lastFetchAt()),
                        s.nextFetchAt() == null ? null : clock.stamp(s.nextFetchAt()),
                        s.failingSince() == null ? null : clock.stamp(s.failingSince())))
            .toList();
    frame.render(
        ctx,
        200,
        "ingest/sources.jte",
        new Model(
            c,
            Head.simple("Sources — " + c.siteName(), "Partner feeds and their health"),
            rows,
            notice(ctx)));
  }

  /** What the action that led here did, from the fixed words of its code (nothing echoed). */
  private String notice(Context ctx) {
    String done = ctx.queryParam("done");
    if (done == null) {
      return null;
    }
    return switch (done) {
      case "added" -> "The source was added. Its first fetch is due now.";
      case "saved" -> "The changes were saved.";
      case "saved-without-headers" ->
          "The changes were saved. The request headers were not carried to the new address;"
              + " enter them again if the feed needs them.";
      case "fetched" -> fetched(ctx.queryParam("id"));
      case "removed" -> {
        int n = count(ctx.queryParam("withdrawn"));
        yield "The source was removed"
            + (n == 0
                ? "; it had no published articles."
                : " and "
                    + n
                    + (n == 1 ? " article was" : " articles were")
                    + " withdrawn: readers who follow a link to "
                    + (n == 1 ? "it" : "them")
                    + " are told it is gone (410).");
      }
      default -> null;
    };
  }

  /** What the fetch of a source did, as its row now records it. */
  private String fetched(String id) {
    FeedSource s = id == null ? null : sources.find(id).orElse(null);
    if (s == null) {
      return null;
    }
    if (s.failingSince() != null && s.lastError() != null) {
      return "Fetching " + s.name() + " failed: " + s.lastError();
    }
    return s.lastRun() == null
        ? "Fetched " + s.name() + "."
        : "Fetched " + s.name() + ": " + s.lastRun().summary() + ".";
  }

  private static int count(String raw) {
    try {
      return raw == null ? 0 : Math.max(0, Integer.parseInt(raw));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public void fetchNow(Context ctx) {
    FeedSource source = find(ctx);
    IngestReport report = poller.runNow(source);
    audit.record(Auth.viewer(ctx), "source.fetch", subject(source), null, report.summary());
    ctx.redirect("/staff/sources?done=fetched&id=" + source.id(), HttpStatus.SEE_OTHER);
  }

  public void setState(Context ctx, FeedSource.State state) {
    FeedSource source = find(ctx);
    if (!sources.setState(source.id(), state, null)) {
      throw PageException.notFound();
    }
    audit.record(
        Auth.viewer(ctx),
        state == FeedSource.State.ACTIVE ? "source.enable" : "source.disable",
        subject(source),
        source.state().dbValue(),
        state.dbValue());
    ctx.redirect("/staff/sources", HttpStatus.SEE_OTHER);
  }

  /** The removal's confirmation: how many published articles it withdraws, and the newest. */
  public void confirmRemove(Context ctx) {
    FeedSource source = find(ctx);
    StatusChanges.SourceWithdrawal w =
        sources.toWithdraw(source.id(), WITHDRAWALS_NAMED).orElseThrow(PageException::notFound);
    Chrome c = frame.chromeFor(ctx);
    frame.render(
        ctx,
        200,
        "ingest/remove.jte",
        new RemovePage(
            c,
            Head.simple(
                "Remove " + source.name() + " — " + c.siteName(),
                "What removing a partner withdraws"),
            source,
            w.count(),
            w.newest().stream()
                .map(a -> new Withdrawal(a.slug(), a.headline(), clock.stamp(a.publishedAt())))
                .toList()));
  }

  public void remove(Context ctx) {
    FeedSource source = find(ctx);
    int withdrawn = sources.remove(source.id());
    if (withdrawn < 0) {
      throw PageException.notFound();
    }
    audit.record(
        Auth.viewer(ctx),
        "source.remove",
        subject(source),
        String.join("\n", SourceForms.lines(SourceSettings.describe(source))),
        "removed; " + withdrawn + (withdrawn == 1 ? " article" : " articles") + " withdrawn");
    ctx.redirect("/staff/sources?done=removed&withdrawn=" + withdrawn, HttpStatus.SEE_OTHER);
  }

  private FeedSource find(Context ctx) {
    return sources.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
  }

  /** How the audit log names a source: its name, and its id, which names never change. */
  static String subject(FeedSource source) {
    return "source ‘" + source.name() + "’ (" + source.id() + ")";
  }
}
