package pressroom.comments;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import pressroom.accounts.Account;
import pressroom.accounts.Suspensions;
import pressroom.accounts.Throttle;
import pressroom.audit.AuditLog;
import pressroom.text.UntrustedText;
import pressroom.web.Access;
import pressroom.web.Access.Role;

/** Posting, reporting and moderating comments: the rules in one place for pages and API. */
public final class CommentService {
  static final Throttle.Limit PER_15_SECONDS = new Throttle.Limit(1, Duration.ofSeconds(15));
  static final Throttle.Limit PER_HOUR = new Throttle.Limit(30, Duration.ofHours(1));

  /** Reports from this many readers hide a comment until a moderator looks. */
  static final int REPORTS_TO_HIDE = 3;

  /** Authors may edit their comment this long after posting it. */
  static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

  private final CommentDao comments;
  private final CommentWrites writes;
  private final AuthorComments authors;
  private final Throttle throttle;
  private final SpamFilter spam;
  private final ReplyNotifier notifier;
  private final Suspensions suspensions;
  private final Duration closeAfter;
  private final boolean rateLimits;
  private final AuditLog audit;
  private final InstantSource clock;

  /**
   * @param closeAfter comments close this long after publication; zero keeps them open
   */
  public CommentService(
      CommentDao comments,
      CommentWrites writes,
      AuthorComments authors,
      Throttle throttle,
      SpamFilter spam,
      ReplyNotifier notifier,
      Suspensions suspensions,
      Duration closeAfter,
      boolean rateLimits,
      AuditLog audit,
      InstantSource clock) {
    this.audit = audit;
    this.clock = clock;
    this.suspensions = suspensions;
    this.rateLimits = rateLimits;
    this.comments = comments;
    this.writes = writes;
    this.authors = authors;
    this.throttle = throttle;
    this.spam = spam;
    this.notifier = notifier;
    this.closeAfter = closeAfter;
  }

  private static boolean newAccount(Account a, Instant now) {
    return a.createdAt().isAfter(now.minus(Duration.ofDays(1)));
  }

  /** Whether comments are open on this article now. */
  public boolean open(CommentDao.Policy p, Instant now) {
    return p.open() && (closeAfter.isZero() || p.publishedAt().plus(closeAfter).isAfter(now));
  }

  public sealed interface Posted {
    record Published(String id) implements Posted {}

    record Held(String id) implements Posted {}

    /** The text is refused; the message says why (shown next to the field). */
    record Refused(String message) implements Posted {}

    /** The reader may not post: unverified, suspended, or the thread is closed. */
    record NotAllowed(String message) implements Posted {}

    record TooMany(Duration retryAfter) implements Posted {}

    /** The honeypot was filled: a bot. It is told nothing different. */
    record Dropped() implements Posted {}
  }

  /**
   * Why this author may not write on this article now (new comment or edit alike), if so:
   * unconfirmed e-mail, suspension, closed comments.
   */
  private Optional<String> mayWrite(Account author, CommentDao.Policy article, Instant now) {
    if (!author.verified()) {
      return Optional.of(
          "Confirm your e-mail address to comment: see your profile to get a new link.");
    }
    if (author.suspended(now)) {
      return Optional.of(
          "Your account is suspended until "
              + author.suspendedUntil()
              + (author.suspendedReason() == null ? "" : " (" + author.suspendedReason() + ")")
              + "; you can read, but not post.");
    }
    if (!open(article, now)) {
      return Optional.of("Comments are closed on this article.");
    }
    return Optional.empty();
  }

  /**
   * What the reader typed, as it is counted and stored: cleaned, trimmed, and with a form's CRLF
   * line ends as single newlines, so the limit counts what the composer's counter counted.
   */
  private static String typed(String text) {
    return text == null ? "" : UntrustedText.clean(text).replace("\r\n", "\n").strip();
  }

  private static Optional<String> badText(String body) {
    if (body.isEmpty()) {
      return Optional.of("Type your comment before you click Submit.");
    }
    int length = body.codePointCount(0, body.length());
    if (length > CommentText.MAX_LENGTH) {
      return Optional.of(
          String.format(
              java.util.Locale.ENGLISH,
              "Your comment is %,d characters long, longer than the %,d allowed; shorten it by"
                  + " %,d and submit again. Your text is kept below.",
              length,
              CommentText.MAX_LENGTH,
              length - CommentText.MAX_LENGTH));
    }
    return Optional.empty();
  }

  /**
   * The moderation rules for a text, new or edited: words, links, spam, the section's policy, the
   * author's record.
   */
  private Moderation.Decision decide(
      Account author,
      CommentDao.Policy article,
      String body,
      String editing,
      SpamFilter.Score score,
      Instant now) {
    AuthorComments.AuthorRecord record =
        authors.authorRecord(author.id(), now.minus(Duration.ofDays(1)), body, editing);
    return Moderation.decide(
        body,
        new Moderation.Facts(
            article.preModerated(),
            record.published(),
            record.duplicate(),
            score,
            author.role().compareTo(Access.Role.MODERATOR) >= 0));
  }

  public Posted post(
      Account author, CommentDao.Policy article, String parentId, String text, String honeypot) {
    Instant now = clock.instant();
    if (honeypot != null && !honeypot.isBlank()) {
      return new Posted.Dropped();
    }
    Optional<String> notAllowed = mayWrite(author, article, now);
    if (notAllowed.isPresent()) {
      return new Posted.NotAllowed(notAllowed.get());
    }
    String body = typed(text);
    Optional<String> refused = badText(body);
    if (refused.isPresent()) {
      return new Posted.Refused(refused.get());
    }
    String key = "comment:" + author.id();
    Optional<Duration> wait =
        rateLimits
            ? throttle
                .retryAfter(key, PER_15_SECONDS, now)
                .or(() -> throttle.retryAfter(key, PER_HOUR, now))
            : Optional.empty();
    if (wait.isPresent()) {
      return new Posted.TooMany(wait.get());
    }
    int depth = 0;
    String parent = null;
    String root = null;
    String replyTo = null;
    if (parentId != null && !parentId.isBlank()) {
      Optional<Comment> p =
          comments
              .find(parentId)
              .filter(
                  c ->
                      c.articleId().equals(article.articleId())
                          && c.status() == CommentStatus.PUBLISHED);
      if (p.isEmpty()) {
        return new Posted.Refused("The comment you replied to is no longer there.");
      }
      if (p.get().depth() >= 2) {
        // Three levels at most: a deeper reply joins the third level and names whom it answers.
        parent = p.get().parentId();
        depth = 2;
        replyTo = p.get().authorName();
      } else {
        parent = p.get().id();
        depth = p.get().depth() + 1;
      }
      root = comments.rootOf(p.get().id()).orElse(p.get().id());
    }
    SpamFilter.Score score = spam.score(body, newAccount(author, now));
    var decision = decide(author, article, body, null, score, now);
    if (decision instanceof Moderation.Decision.Reject r) {
      return new Posted.Refused(r.message());
    }
    if (rateLimits) {
      throttle.record(key, now);
    }
    String html = CommentText.toHtml(body);
    Moderation.Decision.Hold hold = decision instanceof Moderation.Decision.Hold h ? h : null;
    String id =
        writes.insert(
            article.articleId(),
            author.id(),
            parent,
            root,
            depth,
            replyTo,
            body,
            html,
            hold != null ? CommentStatus.PENDING : CommentStatus.PUBLISHED,
            hold != null ? String.join("; ", hold.reasons()) : null,
            score.probability());
    if (hold != null) {
      return new Posted.Held(id);
    }
    if (parent != null) {
      notifier.published(id); // only replies notify anyone
    }
    return new Posted.Published(id);
  }

  /**
   * A reader reports a comment; reports from {@value #REPORTS_TO_HIDE} readers hide it until
   * reviewed.
   */
  public Action report(Account reader, String commentId, String reason) {
    Optional<Comment> c = comments.find(commentId);
    if (c.isEmpty()) {
      return new Action.NotAllowed("This comment is no longer there.");
    }
    if (c.get().accountId().equals(reader.id())) {
      return new Action.NotAllowed("You cannot report your own comment.");
    }
    int reports = writes.report(commentId, reader.id(), reason);
    if (reports >= REPORTS_TO_HIDE) {
      comments
          .find(commentId)
          .filter(x -> x.status() == CommentStatus.PUBLISHED)
          .ifPresent(
              x ->
                  writes.moderate(
                      x.id(),
                      CommentStatus.PENDING,
                      null,
                      "hidden",
                      "reported by " + reports + " readers"));
    }
    return new Action.Done(c.get().articleId());
  }

  /** A moderator approves: the comment shows, and the classifier learns it was fine. */
  public boolean approve(Account moderator, String commentId) {
    Optional<Comment> before = comments.find(commentId);
    comments.body(commentId).ifPresent(b -> spam.learn(b, false, false));
    boolean done =
        writes.moderate(commentId, CommentStatus.PUBLISHED, moderator.id(), "approved", null);
    if (done) {
      notifier.published(commentId);
      audited(moderator, "comment.approve", before, "published");
    }
    return done;
  }

  /** A moderator rejects: the comment goes, and the classifier learns it was not fine. */
  public boolean reject(Account moderator, String commentId, String reason) {
    Optional<Comment> before = comments.find(commentId);
    comments.body(commentId).ifPresent(b -> spam.learn(b, false, true));
    boolean done =
        writes.moderate(commentId, CommentStatus.REJECTED, moderator.id(), "rejected", reason);
    if (done) {
      audited(moderator, "comment.reject", before, "rejected: " + reason);
    }
    return done;
  }

  /** The audit log's entry for a moderator's decision on a comment. */
  private void audited(Account moderator, String action, Optional<Comment> before, String after) {
    before.ifPresent(
        c ->
            audit.record(
                new AuditLog.Actor(moderator.userId(), moderator.shownName()),
                action,
                "Comment " + c.id() + " by ‘" + c.authorName() + "’: " + excerpt(c.bodyHtml()),
                c.status().name().toLowerCase(java.util.Locale.ROOT),
                after));
  }

  /** The first words of a comment, as text, for a log line. */
  private static String excerpt(String html) {
    String text = org.jsoup.Jsoup.parse(html).text();
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  /**
   * Suspends, bans or reinstates a comment's author by the accounts' rules ({@link Suspensions});
   * what was done is logged against the comment.
   *
   * @param role the moderator's role as the request sees it
   */
  public Suspensions.Outcome suspend(
      Account moderator, Role role, Comment c, String days, String reason) {
    Suspensions.Outcome outcome = suspensions.apply(moderator, role, c.accountId(), days, reason);
    switch (outcome) {
      case Suspensions.Outcome.Suspended s ->
          writes.logAuthorAction(
              c.id(),
              moderator.id(),
              s.until().equals(Suspensions.BANNED_UNTIL)
                  ? "author banned"
                  : "author suspended until " + s.until(),
              s.reason());
      case Suspensions.Outcome.Lifted l ->
          writes.logAuthorAction(c.id(), moderator.id(), "author reinstated", null);
      case Suspensions.Outcome.Refused r -> {}
    }
    return outcome;
  }

  public boolean feature(Account moderator, String commentId, boolean on) {
    Optional<Comment> before = comments.find(commentId);
    boolean done = writes.feature(commentId, on, moderator.id());
    if (done) {
      audited(
          moderator,
          on ? "comment.feature" : "comment.unfeature",
          before,
          on ? "featured" : "not featured");
    }
    return done;
  }

  /** The outcome of an author's own action (edit, delete), a like or a report. */
  public sealed interface Action {
    record Done(String articleId) implements Action {}

    record Refused(String message) implements Action {}

    record NotAllowed(String message) implements Action {}
  }

  /** The author edits their comment within {@link #EDIT_WINDOW}; it is marked "edited". */
  public Action edit(Account author, String commentId, String text) {
    Optional<Comment> c = comments.find(commentId);
    if (c.isEmpty()
        || !c.get().accountId().equals(author.id())
        || c.get().deleted()
        || c.get().status() == CommentStatus.REJECTED) {
      return new Action.NotAllowed("You can only edit your own comments.");
    }
    Instant now = clock.instant();
    if (c.get().createdAt().plus(EDIT_WINDOW).isBefore(now)) {
      return new Action.NotAllowed(
          "Comments can be edited for 15 minutes after posting; this one can no longer be changed.");
    }
    // An edit is a new text: the rules for posting apply to it in full.
    Optional<CommentDao.Policy> article = comments.policyById(c.get().articleId());
    if (article.isEmpty()) {
      return new Action.NotAllowed("Comments are closed on this article.");
    }
    Optional<String> notAllowed = mayWrite(author, article.get(), now);
    if (notAllowed.isPresent()) {
      return new Action.NotAllowed(notAllowed.get());
    }
    String body = typed(text);
    Optional<String> refused = badText(body);
    if (refused.isPresent()) {
      return new Action.Refused(refused.get());
    }
    var decision =
        decide(
            author, article.get(), body, commentId, spam.score(body, newAccount(author, now)), now);
    if (decision instanceof Moderation.Decision.Reject r) {
      return new Action.Refused(r.message());
    }
    boolean hold =
        decision instanceof Moderation.Decision.Hold || c.get().status() == CommentStatus.PENDING;
    String reasons =
        decision instanceof Moderation.Decision.Hold h
            ? String.join("; ", h.reasons())
            : c.get().holdReasons();
    writes.edit(
        commentId,
        body,
        CommentText.toHtml(body),
        hold ? CommentStatus.PENDING : CommentStatus.PUBLISHED,
        hold ? reasons : null);
    return new Action.Done(c.get().articleId());
  }

  /** The author deletes their comment: a tombstone stays so replies keep their context. */
  public Action delete(Account author, String commentId) {
    Optional<Comment> c = comments.find(commentId);
    if (c.isEmpty() || !c.get().accountId().equals(author.id()) || c.get().deleted()) {
      return new Action.NotAllowed("You can only delete your own comments.");
    }
    writes.deleteByAuthor(commentId, author.id());
    return new Action.Done(c.get().articleId());
  }

  /** A reader likes someone else's comment, once. */
  public Action like(Account reader, String commentId) {
    Optional<Comment> c =
        comments.find(commentId).filter(x -> x.status() == CommentStatus.PUBLISHED);
    if (c.isEmpty()) {
      return new Action.NotAllowed("This comment cannot be liked.");
    }
    if (c.get().accountId().equals(reader.id())) {
      return new Action.NotAllowed("You cannot like your own comment.");
    }
    writes.like(commentId, reader.id());
    return new Action.Done(c.get().articleId());
  }

  /** Hides a comment's author from this reader (for them only); muting oneself does nothing. */
  public void mute(Account reader, Comment c) {
    if (!c.accountId().equals(reader.id())) {
      writes.mute(reader.id(), c.accountId());
    }
  }
}
