package pressroom.ingest;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.SourceDao;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.PageException;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The staff page of partner feeds and their health, and its actions (fetch now, disable, enable).
 */
public final class SourcesPage {
  private final SourceDao sources;
  private final Poller poller;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final Stamp.Clock clock;

  public SourcesPage(
      SourceDao sources,
      Poller poller,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      Stamp.Clock clock) {
    this.csrf = csrf;
    this.sources = sources;
    this.poller = poller;
    this.templates = templates;
    this.chrome = chrome;
    this.clock = clock;
  }

  /** One source as the table shows it. */
  public record Row(FeedSource source, Stamp lastFetch, Stamp nextFetch, Stamp failingSince) {}

  public record Model(Chrome chrome, Head head, List<Row> rows) {}

  public void list(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    // The editor's own frame: their name, and the token every button on the page posts back.
    ctx.contentType("text/html; charset=utf-8")
        .result(render(chrome.get().as(Auth.viewer(ctx), csrf.token(ctx))));
  }

  /** The page as HTML in the editor's frame (the route checks access first). */
  private String render(Chrome c) {
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
    return templates.render(
        "ingest/sources.jte",
        new Model(
            c, Head.simple("Sources — " + c.siteName(), "Partner feeds and their health"), rows));
  }

  public void fetchNow(Context ctx) {
    FeedSource source = sources.find(ctx.pathParam("id")).orElseThrow(PageException::notFound);
    poller.runNow(source);
    ctx.redirect("/staff/sources", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  public void setState(Context ctx, FeedSource.State state) {
    if (!sources.setState(ctx.pathParam("id"), state, null)) {
      throw PageException.notFound();
    }
    ctx.redirect("/staff/sources", io.javalin.http.HttpStatus.SEE_OTHER);
  }
}
