package pressroom.newsroom;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.articles.ArticleReads;
import pressroom.articles.ArticleStats;
import pressroom.articles.ArticleSummary;
import pressroom.comments.CommentStats;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.SourceDao;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.Templates;

/**
 * The newsroom's front page (/staff): how the partners' feeds and the community are doing, failing
 * sources first. Every figure is read for the request from indexes; nothing here writes.
 */
public final class Dashboard {
  static final int HOURS = 7 * 24;

  private final SourceDao sources;
  private final ArticleStats articles;
  private final CommentStats comments;
  private final ArticleReads reads;
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;
  private final InstantSource clock;

  public Dashboard(
      SourceDao sources,
      ArticleStats articles,
      CommentStats comments,
      ArticleReads reads,
      Templates templates,
      Supplier<Chrome> chrome,
      Csrf csrf,
      InstantSource clock) {
    this.sources = sources;
    this.articles = articles;
    this.comments = comments;
    this.reads = reads;
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
    this.clock = clock;
  }

  /** A partner's feed as the dashboard shows it. */
  public record SourceRow(FeedSource source, Chart items, String lastNewItem, boolean failing) {}

  /** An article and its comments of the last day. */
  public record DiscussedRow(String slug, String headline, long comments) {}

  public record Page(
      Chrome chrome,
      Head head,
      CommentStats.Queue queue,
      String oldestWaiting,
      Chart commentsPerHour,
      List<DiscussedRow> discussed,
      List<SourceRow> sources) {}

  public void show(Context ctx) {
    Instant now = clock.instant();
    // Whole hours, so the last bar is the hour now running.
    Instant since =
        Instant.ofEpochMilli(now.toEpochMilli() / 3_600_000 * 3_600_000)
            .minus(Duration.ofHours(HOURS - 1));
    Map<String, long[]> perSource = articles.perSourcePerHour(since, HOURS);
    List<SourceRow> rows = new ArrayList<>();
    for (FeedSource s : sources.list()) {
      long[] hours = perSource.getOrDefault(s.id(), new long[HOURS]);
      boolean failing = s.consecutiveFailures() > 0 || s.state() == FeedSource.State.GONE;
      rows.add(new SourceRow(s, Chart.of(hours, since), lastNewItem(hours), failing));
    }
    rows.sort(
        Comparator.comparing((SourceRow r) -> !r.failing())
            .thenComparing(r -> -r.source().consecutiveFailures())
            .thenComparing(r -> r.source().name().toLowerCase(java.util.Locale.ROOT)));
    CommentStats.Queue queue = comments.queue();
    List<CommentStats.Discussed> top = comments.mostDiscussed(now.minus(Duration.ofDays(1)), 5);
    Map<String, ArticleSummary> byId = new java.util.HashMap<>();
    for (ArticleSummary a :
        reads.summaries(top.stream().map(CommentStats.Discussed::articleId).toList(), now)) {
      byId.put(a.id(), a);
    }
    List<DiscussedRow> discussed =
        top.stream()
            .filter(d -> byId.containsKey(d.articleId()))
            .map(
                d ->
                    new DiscussedRow(
                        byId.get(d.articleId()).slug(),
                        byId.get(d.articleId()).headline(),
                        d.comments()))
            .toList();
    Chrome c = chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/html; charset=utf-8")
        .result(
            templates.render(
                "newsroom/dashboard.jte",
                new Page(
                    c,
                    Head.simple("Newsroom — " + c.siteName(), "How feeds and comments are doing"),
                    queue,
                    queue.oldest() == null ? null : ago(Duration.between(queue.oldest(), now)),
                    Chart.of(comments.perHour(since, HOURS), since),
                    discussed,
                    rows)));
  }

  private static String lastNewItem(long[] hours) {
    for (int i = hours.length - 1; i >= 0; i--) {
      if (hours[i] > 0) {
        int back = hours.length - 1 - i;
        return back == 0 ? "this hour" : back + " h ago";
      }
    }
    return "none in 7 days";
  }

  static String ago(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes < 1) {
      return "under a minute";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return minutes / 60 + " h " + minutes % 60 + " min";
    }
    return minutes / (24 * 60) + " days";
  }
}
