package pressroom.comments;

import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import pressroom.accounts.Accounts;
import pressroom.articles.CommentSettings;
import pressroom.audit.AuditLog;
import pressroom.db.GroupCommit;
import pressroom.mail.Mailer;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Stamp;
import pressroom.web.Templates;

/**
 * The comments feature put together once, by {@code App}: the rules and reads the article page
 * asks, and the pages, feed and API the routes serve.
 */
public record Comments(
    CommentDao dao,
    CommentService service,
    AuthorComments authors,
    ReplyNotifier notifier,
    LiveComments live,
    GroupCommit writer,
    Jdbi jdbi,
    Templates templates,
    Csrf csrf,
    Supplier<Chrome> chrome,
    String baseUrl,
    AuditLog audit)
    implements AutoCloseable {

  /** The site's comment settings. */
  public record Rules(Duration closeAfter, boolean rateLimits) {}

  public static Comments create(
      Jdbi jdbi,
      Accounts accounts,
      Mailer mailer,
      Templates templates,
      Csrf csrf,
      Supplier<Chrome> chrome,
      String baseUrl,
      Rules rules,
      AuditLog audit,
      Stamp.Clock stamps,
      InstantSource clock) {
    GroupCommit writer = new GroupCommit(jdbi, "comment-writer");
    CommentDao dao = new CommentDao(jdbi, accounts.lookups(), clock);
    AuthorComments authors = new AuthorComments(jdbi);
    SpamFilter spam = new SpamFilter(jdbi);
    spam.seedIfEmpty();
    ReplyNotifier notifier =
        new ReplyNotifier(
            jdbi, accounts.replyMail(), accounts.lookups(), mailer, templates, baseUrl);
    CommentService service =
        new CommentService(
            dao,
            new CommentWrites(jdbi, writer, accounts.lookups(), clock),
            authors,
            accounts.throttle(),
            spam,
            notifier,
            accounts.suspensions(),
            rules.closeAfter(),
            rules.rateLimits(),
            audit,
            clock);
    return new Comments(
        dao,
        service,
        authors,
        notifier,
        new LiveComments(dao, templates, stamps, clock),
        writer,
        jdbi,
        templates,
        csrf,
        chrome,
        baseUrl,
        audit);
  }

  public CommentPages pages() {
    return new CommentPages(service, dao, notifier, live, csrf, templates, chrome);
  }

  public ModerationPages moderationPages() {
    return new ModerationPages(
        service, dao, authors, new CommentSettings(jdbi), csrf, templates, chrome, audit);
  }

  /** Each article's comments as RSS. */
  public CommentFeed feed() {
    return new CommentFeed(dao, baseUrl);
  }

  public CommentApi api() {
    return new CommentApi(service, dao);
  }

  @Override
  public void close() {
    notifier.close();
    live.close();
    writer.close();
  }
}
