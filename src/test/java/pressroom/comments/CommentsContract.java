package pressroom.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/** Comments and moderation over HTTP; one subclass per database. */
@RunningSite
abstract class CommentsContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet reading room";
  TestApp site;
  Fixtures f;
  Visitor moderator;
  String warmUp;
  int counter;

  pressroom.testing.MailCatcher mail;

  @BeforeAll
  void start() {
    warmUp =
        site.insert(
                Fixtures.story(
                    "A thread for warming up new readers",
                    "<p>Warm-up.</p>",
                    java.time.Instant.now().minusSeconds(60)))
            .slug();
    site.app()
        .accounts()
        .createVerified("deskmoderator1", "desk@mail.example", PASSWORD, Role.MODERATOR);
    moderator = signedIn("deskmoderator1");
  }

  @BeforeEach
  void noThrottlingHistory() {
    site.clearThrottling();
  }

  /**
   * Every test starts from the classifier as seeded: with a training set this small, what one
   * test's approvals and rejections teach it would decide whether another test's ordinary comment
   * reads as spam, and so the outcome would hang on the order the tests run in.
   */
  @BeforeEach
  void classifierAsSeeded() {
    var jdbi = site.app().database().jdbi();
    if (seededTokens == null) {
      seededTokens =
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT token, spam_count, ham_count FROM spam_tokens")
                      .mapToMap()
                      .list());
      seededTotals =
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT spam_docs, ham_docs FROM spam_totals WHERE id = 1")
                      .mapToMap()
                      .one());
      return;
    }
    jdbi.useTransaction(
        h -> {
          h.execute("DELETE FROM spam_tokens");
          var insert =
              h.prepareBatch(
                  "INSERT INTO spam_tokens (token, spam_count, ham_count) VALUES (:token, :spam_count, :ham_count)");
          seededTokens.forEach(row -> insert.bindMap(row).add());
          if (!seededTokens.isEmpty()) {
            insert.execute();
          }
          h.createUpdate(
                  "UPDATE spam_totals SET spam_docs = :spam_docs, ham_docs = :ham_docs WHERE id = 1")
              .bindMap(seededTotals)
              .execute();
        });
  }

  private java.util.List<java.util.Map<String, Object>> seededTokens;
  private java.util.Map<String, Object> seededTotals;

  Visitor signedIn(String userId) {
    return site.signedIn(userId, PASSWORD);
  }

  Visitor reader(boolean verified) {
    String id = "reader" + (++counter);
    site.app().accounts().createVerified(id, id + "@mail.example", PASSWORD, Role.READER);
    if (!verified) {
      site.app()
          .database()
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE accounts SET email_verified_at = NULL WHERE user_id = :u")
                      .bind("u", id)
                      .execute());
    }
    return signedIn(id);
  }

  /** A reader whose first three comments a moderator already approved. */
  Visitor established() {
    Visitor v = reader(true);
    for (int i = 0; i < 3; i++) {
      noThrottlingHistory();
      assertThat(
              comment(v, warmUp, "Warm-up comment number " + i + " from reader " + counter, null)
                  .statusCode())
          .isEqualTo(303);
    }
    for (var c : site.pendingCommentIds()) {
      moderator.post("/staff/moderation/" + c + "/approve", Map.of());
    }
    noThrottlingHistory();
    return v;
  }

  HttpResponse<String> comment(Visitor v, String slug, String text, String parent) {
    Map<String, String> form = new java.util.HashMap<>(Map.of("body", text));
    if (parent != null) {
      form.put("parent", parent);
    }
    return v.post("/articles/" + slug + "/comments", form);
  }

  Document article(Visitor v, String slug) {
    return Jsoup.parse(v.get("/articles/" + slug).body());
  }

  /** The page anonymous readers get, once caches caught up. */
  Document anonymousArticle(String slug, String mustContain) {
    return pressroom.testing.Eventually.value(
        "anonymous page shows " + mustContain,
        () -> {
          String body = site.newVisitor().get("/articles/" + slug).body();
          return body.contains(mustContain) ? Jsoup.parse(body) : null;
        });
  }

  @Test
  void visitorsWhoAreNotSignedInAreAskedToSignInOrRegister() {
    Document d = article(site.newVisitor(), f.wire.slug());
    assertThat(d.select("#comments .comment-prompt").text())
        .isEqualTo("Sign in or register to post a comment and keep a reading list.");
    assertThat(d.select("#comments .comment-prompt a").eachAttr("href"))
        .containsExactly("/register");
    // The sign-in form is right there (folded), and brings the reader back to the comments.
    assertThat(d.select("#comments #sign-in details summary").text()).isEqualTo("Sign in");
    assertThat(d.select("#sign-in form[action=/signin] input[name=return]").val())
        .isEqualTo("/articles/" + f.wire.slug() + "#comments");
    Visitor unverified = reader(false);
    assertThat(article(unverified, f.wire.slug()).select("#comments .comment-prompt").text())
        .contains("Confirm your e-mail address to comment");
    assertThat(comment(unverified, f.wire.slug(), "Hello", null).statusCode()).isEqualTo(403);
  }

  @Test
  void aNewReadersCommentWaitsForAModeratorThenAppearsForEveryone() {
    Visitor v = reader(true);
    Document form = article(v, f.wire.slug());
    assertThat(form.select("label[for=body]").text())
        .isEqualTo("Type your comment and click Submit *");
    HttpResponse<String> posted =
        comment(v, f.wire.slug(), "The harbour was *busy* again this morning.", null);
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("comment=held");
    assertThat(article(v, f.wire.slug() + "?comment=held").select("#comments .notice").text())
        .contains("waits for a moderator");

    Document queue = Jsoup.parse(moderator.get("/staff/moderation").body());
    var item =
        queue.select(".queue-item").stream()
            .filter(e -> e.text().contains("busy"))
            .findFirst()
            .orElseThrow();
    assertThat(item.text()).contains("one of the first 3 comments of a new account");
    String id = item.id().substring(2);
    assertThat(moderator.post("/staff/moderation/" + id + "/approve", Map.of()).statusCode())
        .isEqualTo(303);

    Document d = anonymousArticle(f.wire.slug(), "again this morning");
    assertThat(d.select("#c-" + id + " .comment-body em").text()).isEqualTo("busy");
    assertThat(d.select("#comments-heading").text())
        .isEqualTo(d.select("#comments li.comment").size() + " comments");
    assertThat(reader(true).get("/staff/moderation").statusCode()).isEqualTo(403);
  }

  @Test
  void anEstablishedReaderPublishesAtOnceAndTheTextIsMadeSafe() throws Exception {
    Visitor v = established();
    HttpResponse<String> posted =
        comment(
            v,
            f.noindex.slug(),
            "> quoted line\n\nSee https://water.example/report and <script>alert(1)</script> **now**",
            null);
    assertThat(posted.statusCode()).isEqualTo(303);
    assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("#c-");
    Document d = anonymousArticle(f.noindex.slug(), "quoted line");
    var body = d.select(".comment-body").last();
    assertThat(body.select("blockquote").text()).isEqualTo("quoted line");
    assertThat(body.select("a").attr("href")).isEqualTo("https://water.example/report");
    assertThat(body.select("a").attr("rel")).isEqualTo("nofollow ugc noopener");
    assertThat(body.select("script")).isEmpty();
    assertThat(body.text()).contains("<script>alert(1)</script>");
    assertThat(body.select("strong").text()).isEqualTo("now");
    // The page with a thread, anonymous and signed in, is still valid HTML.
    pressroom.testing.HtmlChecker checker = new pressroom.testing.HtmlChecker();
    assertThat(checker.errors(site.newVisitor().get("/articles/" + f.noindex.slug()).body()))
        .isEmpty();
    assertThat(checker.errors(v.get("/articles/" + f.noindex.slug()).body())).isEmpty();
    assertThat(checker.errors(moderator.get("/staff/moderation").body())).isEmpty();
  }

  @Test
  void emptyTooLongAndBannedCommentsAreRefusedWithAClearMessage() {
    Visitor v = established();
    HttpResponse<String> empty = comment(v, f.wire.slug(), "   ", null);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(empty.body()).select("#body-error").text())
        .contains("Type your comment");
    HttpResponse<String> longOne = comment(v, f.wire.slug(), "x".repeat(5001), null);
    assertThat(longOne.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(longOne.body()).select("#body-error").text())
        .isEqualTo(
            "Your comment is 5,001 characters long, longer than the 5,000 allowed; shorten it by 1"
                + " and submit again. Your text is kept below.");
    assertThat(Jsoup.parse(longOne.body()).select("#body").text()).hasSize(5001);
    HttpResponse<String> banned = comment(v, f.wire.slug(), "Great casino bonus here", null);
    assertThat(banned.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(banned.body()).select("#body-error").text())
        .contains("not allowed here");
    // Line ends count once, as the composer's counter counts them (a form sends CRLF).
    noThrottlingHistory();
    assertThat(comment(v, f.wire.slug(), "a\r\n".repeat(2_499) + "b", null).statusCode())
        .isEqualTo(303);
  }

  @Test
  void commentingTooFastIsSlowedWithRetryAfter() {
    Visitor v = established();
    assertThat(comment(v, f.own.slug(), "First quick thought.", null).statusCode()).isEqualTo(303);
    HttpResponse<String> again = comment(v, f.own.slug(), "Second quick thought.", null);
    assertThat(again.statusCode()).isEqualTo(429);
    assertThat(again.headers().firstValue("Retry-After")).isPresent();
    assertThat(Jsoup.parse(again.body()).select("#body").text()).isEqualTo("Second quick thought.");
  }

  @Test
  void linksAndTheHoneypotAreHandled() {
    Visitor v = established();
    comment(
        v,
        f.own.slug(),
        "Links: https://a.example/1 https://b.example/2 https://c.example/3",
        null);
    assertThat(moderator.get("/staff/moderation").body()).contains("more than 2 links");
    noThrottlingHistory();
    HttpResponse<String> bot =
        v.post(
            "/articles/" + f.own.slug() + "/comments",
            Map.of("body", "I am a bot posting", "website", "https://spam.example"));
    assertThat(bot.statusCode()).isEqualTo(303);
    int stored =
        site.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT count(*) FROM comments WHERE body LIKE '%I am a bot%'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isZero();
  }

  @Test
  void theSameTextTwiceWithinADayWaitsForAModerator() {
    Visitor v = established();
    assertThat(
            comment(v, f.own.slug(), "The harbour wall held, just.", null)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .contains("#c-");
    noThrottlingHistory();
    HttpResponse<String> again = comment(v, f.own.slug(), "the HARBOUR wall held... just", null);
    assertThat(again.headers().firstValue("Location").orElseThrow()).contains("comment=held");
    assertThat(moderator.get("/staff/moderation").body())
        .contains("the same text as a recent comment");

    // Comments stored before texts had keys are still compared.
    site.app()
        .database()
        .jdbi()
        .useHandle(h -> h.createUpdate("UPDATE comments SET body_key = NULL").execute());
    noThrottlingHistory();
    assertThat(
            comment(v, f.own.slug(), "The harbour wall held; just!", null)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .contains("comment=held");
    noThrottlingHistory();
    assertThat(
            comment(v, f.own.slug(), "A different thought about the harbour.", null)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .contains("#c-");
  }

  @Test
  void repliesNestThreeLevelsDeepAndDeeperOnesNameWhomTheyAnswer() {
    Visitor v = established();
    String[] ids = new String[4];
    String parent = null;
    for (int level = 0; level < 4; level++) {
      noThrottlingHistory();
      HttpResponse<String> r =
          comment(v, f.arabic.slug(), "Level " + level + " says hello", parent);
      assertThat(r.statusCode()).isEqualTo(303);
      String loc = r.headers().firstValue("Location").orElseThrow();
      ids[level] = loc.substring(loc.indexOf("#c-") + 3);
      parent = ids[level];
    }
    Document d = anonymousArticle(f.arabic.slug(), "Level 3 says hello");
    assertThat(d.select("#c-" + ids[0] + " > ol > #c-" + ids[1] + " > ol > #c-" + ids[2]))
        .hasSize(1);
    assertThat(d.select("#c-" + ids[1] + " > ol > li#c-" + ids[3])).hasSize(1);
    assertThat(d.select("#c-" + ids[3] + " .reply-to").text()).startsWith("replying to ");
    HttpResponse<String> replyPage = v.get("/comments/" + ids[0] + "/reply");
    assertThat(replyPage.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(replyPage.body()).select("input[name=parent]").val()).isEqualTo(ids[0]);
  }

  @Test
  void threeReadersReportsHideACommentUntilReviewed() {
    Visitor author = established();
    HttpResponse<String> posted =
        comment(author, f.wire.slug(), "A comment others dislike strongly", null);
    String loc = posted.headers().firstValue("Location").orElseThrow();
    String id = loc.substring(loc.indexOf("#c-") + 3);
    anonymousArticle(f.wire.slug(), "others dislike strongly");
    for (int i = 0; i < 3; i++) {
      assertThat(reportAsAbusive(reader(true), id).statusCode()).isEqualTo(303);
    }
    assertThat(
            reader(true)
                .post("/comments/" + id + "/report", Map.of("reason", "nonsense"))
                .statusCode())
        .isEqualTo(400);
    pressroom.testing.Eventually.until(
        "hidden",
        () ->
            !site.newVisitor()
                .get("/articles/" + f.wire.slug())
                .body()
                .contains("others dislike strongly"));
    String queue = moderator.get("/staff/moderation").body();
    assertThat(queue).contains("others dislike strongly").contains("reported by 3");
  }

  /**
   * Issue 12.12: a moderator cannot suspend or ban the author of a comment who is an editor or
   * admin.
   */
  @Test
  void aModeratorCannotSuspendAnEditorsOrAdminsAccount() {
    String editor = "deskeditor" + (++counter);
    site.app().accounts().createVerified(editor, editor + "@mail.example", PASSWORD, Role.EDITOR);
    Visitor e = signedIn(editor);
    noThrottlingHistory();
    comment(e, f.wire.slug(), "An editor's note in the thread", null);
    String id =
        site.sqlOne(
            String.class,
            "SELECT c.id FROM comments c JOIN accounts a ON a.id = c.account_id WHERE a.user_id = ?",
            editor);
    assertThat(
            moderator
                .post("/staff/moderation/" + id + "/suspend", Map.of("days", "ban"))
                .statusCode())
        .isEqualTo(403);
    Long suspendedUntil =
        site.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT suspended_until FROM accounts WHERE user_id = :u")
                        .bind("u", editor)
                        .mapTo(Long.class)
                        .findOne()
                        .orElse(null));
    assertThat(suspendedUntil).isNull();
    Visitor r = established();
    String readerComment =
        idOf(comment(r, f.wire.slug(), "A reader's comment a moderator may act on", null));
    assertThat(
            moderator
                .post("/staff/moderation/" + readerComment + "/suspend", Map.of("days", "1"))
                .statusCode())
        .isEqualTo(303);
  }

  /**
   * Issue 12.8: reports from unconfirmed or suspended accounts reach moderators but hide nothing.
   */
  @Test
  void onlyReadersInGoodStandingCountTowardsHidingAComment() {
    Visitor author = established();
    HttpResponse<String> posted =
        comment(author, f.wire.slug(), "A comment throwaway accounts want gone", null);
    String id = idOf(posted);
    for (int i = 0; i < 3; i++) {
      reportAsAbusive(reader(false), id);
    }
    Visitor suspended = reader(true);
    suspendForADay("reader" + counter);
    reportAsAbusive(suspended, id);
    for (int i = 0; i < 2; i++) {
      assertThat(reportAsAbusive(reader(true), id).statusCode()).isEqualTo(303);
    }
    assertThat(statusOf(id)).as("four doubtful reports and two good ones").isEqualTo("published");
    assertThat(reportAsAbusive(reader(true), id).statusCode()).isEqualTo(303);
    assertThat(statusOf(id)).as("the third report in good standing").isEqualTo("pending");
  }

  @Test
  void preModeratedSectionsHoldEveryComment() {
    worldModeration("pre");
    try {
      Visitor v = established();
      HttpResponse<String> r = comment(v, f.own.slug(), "Held because of the section policy", null);
      assertThat(r.headers().firstValue("Location").orElseThrow()).contains("comment=held");
      assertThat(moderator.get("/staff/moderation").body())
          .contains("this section is pre-moderated");
    } finally {
      worldModeration("post");
    }
  }

  /**
   * Issue 12.3: an edit passes the rules a new comment passes: pre-moderation, suspension, closed
   * threads, banned words.
   */
  @Test
  void anEditGoesThroughTheSameRulesAsANewComment() {
    Visitor v = established();
    String id = idOf(comment(v, f.own.slug(), "My first version, approved and visible", null));
    assertThat(statusOf(id)).isEqualTo("published");
    worldModeration("pre");
    try {
      assertThat(edit(v, id, "A second version nobody has reviewed").statusCode()).isEqualTo(303);
      assertThat(statusOf(id))
          .as("held like a new comment in a pre-moderated section")
          .isEqualTo("pending");
      assertThat(site.newVisitor().get("/articles/" + f.own.slug()).body())
          .doesNotContain("nobody has reviewed");
    } finally {
      worldModeration("post");
    }

    noThrottlingHistory();
    String second = idOf(comment(v, f.own.slug(), "Another comment of mine to edit later", null));
    String links =
        "See https://a.example/1 and https://b.example/2 and https://c.example/3 and https://d.example/4 for more";
    assertThat(edit(v, second, links).statusCode()).isEqualTo(303);
    assertThat(statusOf(second))
        .as("too many links hold an edit as they hold a comment")
        .isEqualTo("pending");
    site.sql(
        "UPDATE comments SET status = 'published', body = ? WHERE id = ?",
        "Another comment of mine to edit later",
        second);

    site.sql("UPDATE articles SET comments_open = 0 WHERE id = ?", f.own.id());
    try {
      assertThat(edit(v, second, "Edited after the thread closed").statusCode()).isEqualTo(403);
    } finally {
      site.sql("UPDATE articles SET comments_open = 1 WHERE id = ?", f.own.id());
    }
    String userId =
        site.sqlOne(
            String.class,
            "SELECT a.user_id FROM accounts a JOIN comments c ON c.account_id = a.id WHERE c.id = ?",
            second);
    suspendForADay(userId);
    HttpResponse<String> suspended = edit(v, second, "Edited while suspended");
    assertThat(suspended.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(suspended.body()).text()).contains("suspended");
    assertThat(site.sqlOne(String.class, "SELECT body FROM comments WHERE id = ?", second))
        .isEqualTo("Another comment of mine to edit later");
  }

  /** A comment's status as stored. */
  String statusOf(String commentId) {
    return site.sqlOne(String.class, "SELECT status FROM comments WHERE id = ?", commentId);
  }

  HttpResponse<String> edit(Visitor v, String commentId, String text) {
    return v.post("/comments/" + commentId + "/edit", Map.of("body", text));
  }

  HttpResponse<String> reportAsAbusive(Visitor v, String commentId) {
    return v.post("/comments/" + commentId + "/report", Map.of("reason", "abusive"));
  }

  /** How comments in the World section are moderated: {@code pre} or {@code post}. */
  void worldModeration(String mode) {
    site.sql("UPDATE sections SET moderation = ? WHERE slug = 'world'", mode);
  }

  /** Suspends an account for a day from now (as the staff page does, so its sessions know). */
  void suspendForADay(String userId) {
    site.app()
        .accountDao()
        .suspend(
            site.accountId(userId),
            java.time.Instant.ofEpochMilli(System.currentTimeMillis() + 86_400_000L),
            "a test");
  }

  String idOf(HttpResponse<String> posted) {
    String loc = posted.headers().firstValue("Location").orElseThrow();
    return loc.substring(loc.indexOf("#c-") + 3);
  }

  @Test
  void authorsEditWithinFifteenMinutesDeleteLeavingATombstoneAndOthersLikeOnce() {
    Visitor author = established();
    String id = idOf(comment(author, f.noindex.slug(), "First draft of my thought", null));
    assertThat(
            author
                .post("/comments/" + id + "/edit", Map.of("body", "Second draft of my thought"))
                .statusCode())
        .isEqualTo(303);
    Document d = anonymousArticle(f.noindex.slug(), "Second draft of my thought");
    assertThat(d.select("#c-" + id + " .edited").text()).isEqualTo("edited");

    Visitor other = reader(true);
    assertThat(edit(other, id, "hijack").statusCode()).isEqualTo(403);
    assertThat(other.post("/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(303);
    assertThat(other.post("/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(303);
    assertThat(author.post("/comments/" + id + "/like", Map.of()).statusCode()).isEqualTo(403);
    // Nor can an author report their own comment, though the page offers no way to.
    HttpResponse<String> selfReport =
        author.post("/comments/" + id + "/report", Map.of("reason", "spam"));
    assertThat(selfReport.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(selfReport.body()).text())
        .contains("You cannot report your own comment.");
    assertThat(
            author
                .json("POST", "/api/v1/comments/" + id + "/report", "{\"reason\":\"spam\"}")
                .statusCode())
        .isEqualTo(403);
    // Readers who cannot like see the count, worded for screen readers as "1 like".
    assertThat(
            anonymousArticle(f.noindex.slug(), "class=\"like-count\">1<")
                .select("#c-" + id + " .likes")
                .text())
        .isEqualTo("1 like");

    // The site's clock moves past the 15-minute edit window.
    site.clock().advance(java.time.Duration.ofMinutes(16));
    HttpResponse<String> late = edit(author, id, "Too late now");
    assertThat(late.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(late.body()).text()).contains("15 minutes");

    noThrottlingHistory();
    comment(other, f.noindex.slug(), "A reply that keeps its context", id);
    assertThat(author.post("/comments/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
    Document after = anonymousArticle(f.noindex.slug(), "deleted by its author");
    assertThat(after.select("#c-" + id + " .tombstone").text())
        .isEqualTo("This comment was deleted by its author.");
    assertThat(after.text()).doesNotContain("Second draft of my thought");
    assertThat(after.select("#comments-heading").text())
        .as("the tombstone is not counted, the reply is")
        .isEqualTo("1 comment");
    // Issue 12.2: the tombstone keeps no text, in the comment or in the moderation log.
    int kept =
        site.sqlOne(
            Integer.class,
            "SELECT (SELECT count(*) FROM moderation_log WHERE comment_id = ? AND body LIKE '%draft%')"
                + " + (SELECT count(*) FROM comments WHERE id = ? AND (body LIKE '%draft%' OR body_html LIKE '%draft%'))",
            id,
            id);
    assertThat(kept).as("copies of the deleted text").isZero();
  }

  /** A moderator's late approval does not bring back what its author deleted. */
  @Test
  void aDeletedCommentCannotBeApprovedBack() {
    Visitor author = established();
    noThrottlingHistory();
    String id = idOf(comment(author, f.noindex.slug(), "Words I took back", null));
    assertThat(author.post("/comments/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
    assertThat(moderator.post("/staff/moderation/" + id + "/approve", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(site.sqlOne(String.class, "SELECT status FROM comments WHERE id = ?", id))
        .isEqualTo("deleted");
  }

  /** Issue 12.2: a refused reply quotes its parent only when readers can see that parent here. */
  @Test
  void aRefusedReplyNeverQuotesACommentReadersCannotSee() {
    Visitor author = established();
    String[] texts = {
      "Deleted words nobody may read again",
      "Held words waiting for a moderator",
      "Rejected words a moderator removed",
      "Published words on another article"
    };
    String[] ids = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      noThrottlingHistory();
      String slug = i == 3 ? f.own.slug() : f.wire.slug();
      String loc =
          comment(author, slug, texts[i], null).headers().firstValue("Location").orElseThrow();
      ids[i] = loc.substring(loc.indexOf("#c-") + 3);
    }
    assertThat(author.post("/comments/" + ids[0] + "/delete", Map.of()).statusCode())
        .isEqualTo(303);
    site.sql("UPDATE comments SET status = 'pending' WHERE id = ?", ids[1]);
    site.sql("UPDATE comments SET status = 'rejected' WHERE id = ?", ids[2]);
    Visitor other = reader(true);
    for (int i = 0; i < texts.length; i++) {
      noThrottlingHistory();
      HttpResponse<String> refused = comment(other, f.wire.slug(), "", ids[i]);
      assertThat(refused.statusCode()).as(texts[i]).isBetween(400, 404);
      assertThat(refused.body()).as(texts[i]).doesNotContain(texts[i]);
    }
    noThrottlingHistory();
    String visible =
        comment(author, f.wire.slug(), "Published words anyone may quote", null)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    HttpResponse<String> quoted =
        comment(other, f.wire.slug(), "", visible.substring(visible.indexOf("#c-") + 3));
    assertThat(quoted.statusCode()).isEqualTo(400);
    assertThat(quoted.body()).contains("Published words anyone may quote");
  }

  @Test
  void threadsSortAndEditorsPicksShowFirst() {
    Visitor v = established();
    String a = idOf(comment(v, f.own.slug(), "Sorting test alpha", null));
    noThrottlingHistory();
    String b = idOf(comment(v, f.own.slug(), "Sorting test beta", null));
    Document newest =
        Jsoup.parse(site.newVisitor().get("/articles/" + f.own.slug() + "?comments=newest").body());
    assertThat(newest.select("li.comment").eachAttr("id")).containsSubsequence("c-" + b, "c-" + a);
    assertThat(
            site.newVisitor().get("/articles/" + f.own.slug() + "?comments=loudest").statusCode())
        .isEqualTo(400);
    assertThat(moderator.post("/staff/moderation/" + a + "/feature", Map.of()).statusCode())
        .isEqualTo(303);
    Document d = anonymousArticle(f.own.slug(), "Editors’ picks");
    assertThat(d.select(".picks .comment-body").text()).contains("Sorting test alpha");
  }

  @Test
  void theClassifierLearnsFromModeratorsDecisions() {
    learnsFromModeratorsDecisions();
  }

  private void learnsFromModeratorsDecisions() {
    SpamFilter filter = new SpamFilter(site.app().database().jdbi());
    String pitch = "Amazing zorblax tablets, order zorblax today at the zorblax shop";
    // A site that has approved some ordinary comments, as any site has.
    for (int i = 0; i < 5; i++) {
      established();
    }
    double before = filter.score(pitch, false).probability();
    for (int i = 0; i < 6; i++) {
      Visitor spammer = reader(true);
      String id =
          idOf(comment(spammer, f.wire.slug(), "zorblax zorblax deals number " + i, null), true);
      assertThat(
              moderator
                  .post("/staff/moderation/" + id + "/reject", Map.of("reason", "spam"))
                  .statusCode())
          .isEqualTo(303);
    }
    SpamFilter.Score after = filter.score(pitch, false);
    assertThat(after.probability())
        .isGreaterThan(before)
        .isGreaterThanOrEqualTo(SpamFilter.HOLD_AT);
    assertThat(after.reasons()).contains("“zorblax”");
    Visitor v = established();
    HttpResponse<String> held = comment(v, f.wire.slug(), pitch, null);
    assertThat(held.headers().firstValue("Location").orElseThrow()).contains("comment=held");
    assertThat(moderator.get("/staff/moderation").body()).contains("likely spam or abuse (score");
  }

  String idOf(HttpResponse<String> posted, boolean held) {
    if (!held) {
      return idOf(posted);
    }
    return site.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM comments ORDER BY created_at DESC, id DESC LIMIT 1")
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void theJsonApiCoversTheThread() {
    Visitor v = established();
    String articleId = f.arabic.id();
    HttpResponse<String> created =
        v.json(
            "POST",
            "/api/v1/articles/" + articleId + "/comments",
            "{\"body\":\"Posted through the API\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"status\":\"published\"");
    String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(
            v.json("PATCH", "/api/v1/comments/" + id, "{\"body\":\"Edited through the API\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            site.newVisitor().get("/api/v1/articles/" + articleId + "/comments?sort=newest").body())
        .contains("Edited through the API");
    assertThat(reader(true).json("POST", "/api/v1/comments/" + id + "/like", null).statusCode())
        .isEqualTo(200);
    assertThat(
            reader(true)
                .json("POST", "/api/v1/comments/" + id + "/report", "{\"reason\":\"spam\"}")
                .statusCode())
        .isEqualTo(202);
    assertThat(
            site.newVisitor()
                .json(
                    "POST",
                    "/api/v1/articles/" + articleId + "/comments",
                    "{\"body\":\"anonymous\"}")
                .statusCode())
        .isEqualTo(401);
    assertThat(v.json("GET", "/api/v1/moderation/queue", null).statusCode()).isEqualTo(403);
    assertThat(moderator.json("GET", "/api/v1/moderation/queue", null).statusCode()).isEqualTo(200);
    assertThat(
            moderator
                .json("POST", "/api/v1/moderation/comments/" + id + "/feature", "{}")
                .statusCode())
        .isEqualTo(200);
    assertThat(v.json("DELETE", "/api/v1/comments/" + id, null).statusCode()).isEqualTo(204);
  }

  @Test
  void aReplyMailsTheParentsAuthorWhoCanStopTheMailsInOneClick() throws Exception {
    Visitor a = established();
    String aEmail = "reader" + counter + "@mail.example";
    String parent = idOf(comment(a, f.wire.slug(), "Parent comment waiting for replies", null));
    Visitor b = established();
    int before = mail.count(aEmail);
    assertThat(comment(b, f.wire.slug(), "A first reply", parent).statusCode()).isEqualTo(303);
    String text = mail.awaitMail(aEmail, before);
    assertThat(text)
        .contains("replied to your comment")
        .contains(TestApp.BASE_URL + "/articles/" + f.wire.slug() + "#c-");
    String stop =
        text.replaceAll(
            "(?s).*("
                + java.util.regex.Pattern.quote(TestApp.BASE_URL)
                + "/unsubscribe\\?key=[A-Za-z0-9_-]+).*",
            "$1");
    Visitor clicker = site.newVisitor();
    Document page = Jsoup.parse(clicker.get(stop.substring(TestApp.BASE_URL.length())).body());
    String key = page.select("input[name=key]").val();
    assertThat(clicker.post("/unsubscribe", Map.of("key", key)).statusCode()).isEqualTo(200);
    assertThat(clicker.post("/unsubscribe", Map.of("key", "x".repeat(43))).statusCode())
        .isEqualTo(400);
    noThrottlingHistory();
    int after = mail.count(aEmail);
    comment(b, f.wire.slug(), "A second reply nobody is told about", parent);
    site.app().awaitReplyMails();
    assertThat(mail.count(aEmail)).isEqualTo(after);
  }

  @Test
  void eachArticleHasAnRssFeedOfItsComments() throws Exception {
    Visitor v = established();
    comment(v, f.arabic.slug(), "A comment for the feed readers", null);
    HttpResponse<String> rss =
        site.newVisitor().get("/articles/" + f.arabic.slug() + "/comments.rss");
    assertThat(rss.statusCode()).isEqualTo(200);
    assertThat(rss.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/rss+xml");
    var feed =
        new com.rometools.rome.io.SyndFeedInput().build(new java.io.StringReader(rss.body()));
    assertThat(feed.getEntries())
        .anySatisfy(
            e -> {
              assertThat(e.getDescription().getValue()).contains("A comment for the feed readers");
              assertThat(e.getLink())
                  .startsWith(TestApp.BASE_URL + "/articles/" + f.arabic.slug() + "#c-");
            });
  }

  @Test
  void scriptEventHandlersAndJavascriptLinksNeverReachThePage() {
    Visitor v = established();
    String nasty =
        "<img src=x onerror=alert(1)> [click](javascript:alert(2)) <a href=\"javascript:alert(3)\" onclick=\"x()\">y</a> <svg onload=alert(4)>";
    String id = idOf(comment(v, f.own.slug(), nasty + " sanitization probe", null));
    Document d = anonymousArticle(f.own.slug(), "sanitization probe");
    var body = d.select("#c-" + id + " .comment-body").first();
    assertThat(body.select("img, svg, script, [onerror], [onclick], [onload]")).isEmpty();
    assertThat(body.select("a").eachAttr("href"))
        .noneMatch(h -> h.toLowerCase().startsWith("javascript"));
    assertThat(body.text()).contains("<img src=x onerror=alert(1)>"); // shown as text, harmless
  }

  @Test
  void aMutedReadersCommentsAreHiddenOnlyForTheReaderWhoMutedThem() {
    Visitor loud = established();
    String id = idOf(comment(loud, f.own.slug(), "A loud opinion nobody asked for", null));
    Visitor quiet = reader(true);
    assertThat(article(quiet, f.own.slug()).text()).contains("A loud opinion nobody asked for");
    assertThat(quiet.post("/comments/" + id + "/mute", Map.of()).statusCode()).isEqualTo(303);
    assertThat(article(quiet, f.own.slug()).text())
        .doesNotContain("A loud opinion nobody asked for");
    assertThat(article(reader(true), f.own.slug()).text())
        .contains("A loud opinion nobody asked for");
  }

  @Test
  void moderatorsCloseThreadsAndClosedThreadsSaySo() {
    Visitor v = established();
    assertThat(
            moderator
                .post(
                    "/staff/articles/" + f.noindex.slug() + "/comments",
                    Map.of("comments", "closed"))
                .statusCode())
        .isEqualTo(303);
    try {
      Document d = article(v, f.noindex.slug());
      assertThat(d.select("#comments .comment-prompt").text())
          .isEqualTo("Comments are closed on this article.");
      assertThat(d.select("#comments textarea")).isEmpty();
      HttpResponse<String> refused = comment(v, f.noindex.slug(), "Too late to the party", null);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(Jsoup.parse(refused.body()).text())
          .contains("Comments are closed on this article.");
      assertThat(
              reader(true)
                  .post(
                      "/staff/articles/" + f.noindex.slug() + "/comments",
                      Map.of("comments", "open"))
                  .statusCode())
          .isEqualTo(403);
    } finally {
      moderator.post(
          "/staff/articles/" + f.noindex.slug() + "/comments", Map.of("comments", "open"));
    }
  }

  @Test
  void commentsCloseByThemselvesDaysAfterPublication() {
    try (TestApp shortLived =
        TestApp.start(db(), false, Map.of("PRESSROOM_COMMENTS_CLOSE_AFTER_DAYS", "1"))) {
      var dao = shortLived.app().articles();
      shortLived.app().sections().createSection("world", "World", "", 0);
      var old =
          dao.insert(
              Fixtures.story(
                  "An old story about the ferry",
                  "<p>Old.</p>",
                  java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
      assertThat(
              Jsoup.parse(shortLived.get("/articles/" + old.slug()).body())
                  .select("#comments .comment-prompt")
                  .text())
          .isEqualTo("Comments are closed on this article.");
    }
  }

  @Test
  void moderatorsApproveInBulkAndSuspendAuthorsWhoAreToldWhyAndUntilWhen() {
    Visitor a = reader(true);
    Visitor b = reader(true);
    comment(a, f.arabic.slug(), "Bulk candidate one", null);
    comment(b, f.arabic.slug(), "Bulk candidate two", null);
    java.util.List<String> ids =
        site.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM comments WHERE body LIKE 'Bulk candidate%'")
                        .mapTo(String.class)
                        .list());
    StringBuilder form = new StringBuilder("action=approve&_csrf=" + moderator.csrfToken());
    for (String id : ids) {
      form.append("&id=").append(id);
    }
    assertThat(postForm(moderator, "/staff/moderation/bulk", form.toString()).statusCode())
        .isEqualTo(303);
    anonymousArticle(f.arabic.slug(), "Bulk candidate two");

    assertThat(
            moderator
                .post(
                    "/staff/moderation/" + ids.get(0) + "/suspend",
                    Map.of("days", "7", "reason", "personal attacks"))
                .statusCode())
        .isEqualTo(303);
    Visitor suspended =
        site.sqlOne(String.class, "SELECT account_id FROM comments WHERE id = ?", ids.get(0))
                .equals(
                    site.sqlOne(
                        String.class,
                        "SELECT account_id FROM comments WHERE body = 'Bulk candidate one'"))
            ? a
            : b;
    noThrottlingHistory();
    HttpResponse<String> refused = comment(suspended, f.arabic.slug(), "Can I still post?", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).text())
        .contains("suspended until")
        .contains("personal attacks");
    assertThat(article(suspended, f.arabic.slug()).select("#comments .comment-prompt").text())
        .contains("suspended");
  }

  HttpResponse<String> postForm(Visitor v, String path, String body) {
    try {
      var http =
          java.net.http.HttpClient.newBuilder()
              .cookieHandler(
                  new java.net.CookieManager() {
                    {
                      v.cookies()
                          .forEach(
                              c -> getCookieStore().add(java.net.URI.create(site.url("/")), c));
                    }
                  })
              .build();
      return http.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void bigThreadsArePagedOnTheServer() {
    String slug =
        site.insert(
                Fixtures.story(
                    "A much discussed story",
                    "<p>Discuss.</p>",
                    java.time.Instant.now().minusSeconds(60)))
            .slug();
    Visitor v = established();
    for (int i = 1; i <= 21; i++) {
      noThrottlingHistory();
      comment(v, slug, String.format("Paged comment %02d", i), null);
    }
    Document first = anonymousArticle(slug, "Paged comment 20");
    assertThat(first.select("#comments > ol.comments > li.comment")).hasSize(20);
    assertThat(first.text()).doesNotContain("Paged comment 21");
    assertThat(first.select("#comments-heading").text()).isEqualTo("21 comments");
    String next = first.select("#comments nav.pagination a[rel=next]").attr("href");
    assertThat(next).isEqualTo("/articles/" + slug + "?cpage=2#comments");
    Document second =
        Jsoup.parse(site.newVisitor().get(next.substring(0, next.indexOf('#'))).body());
    assertThat(second.select("#comments > ol.comments > li.comment .comment-body").eachText())
        .containsExactly("Paged comment 21");
    assertThat(site.newVisitor().get("/articles/" + slug + "?cpage=zero").statusCode())
        .isEqualTo(400);
  }

  @Test
  void postingWithoutTheCsrfTokenIs403() {
    Visitor v = established();
    assertThat(
            v.postRaw("/articles/" + f.wire.slug() + "/comments", Map.of("body", "no token"))
                .statusCode())
        .isEqualTo(403);
  }

  /** Issue 12.17: "Download my data" holds the reader's comments and bookmarks, not empty lists. */
  @Test
  void downloadMyDataHoldsTheReadersCommentsAndBookmarks() throws Exception {
    Visitor v = established();
    assertThat(
            comment(v, f.wire.slug(), "A comment that belongs in my download", null).statusCode())
        .isEqualTo(303);
    assertThat(
            v.post("/articles/" + f.own.slug() + "/bookmark", Map.of("action", "add")).statusCode())
        .isEqualTo(303);
    var export =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.get("/profile/export").body());
    java.util.List<String> texts = new java.util.ArrayList<>();
    export.get("comments").forEach(c -> texts.add(c.get("text").asText()));
    assertThat(texts).hasSize(4).last().isEqualTo("A comment that belongs in my download");
    assertThat(export.get("comments").get(3).get("article").asText()).isEqualTo(f.wire.slug());
    assertThat(export.get("bookmarks")).hasSize(1);
    assertThat(export.get("bookmarks").get(0).get("article").asText()).isEqualTo(f.own.slug());
    assertThat(export.get("bookmarks").get(0).get("headline").asText())
        .isEqualTo("Mountain village switches on its solar microgrid");
  }

  @Test
  void aStaffMembersFirstCommentIsPublishedAtOnceAndCarriesAStaffBadge() {
    String slug =
        site.app()
            .articles()
            .insert(
                Fixtures.article(
                    "world",
                    null,
                    "A story the desk comments on " + (++counter),
                    java.util.List.of("Jane Roe"),
                    "<p>Text.</p>",
                    "en",
                    "ltr",
                    null,
                    site.clock().instant().minusSeconds(60),
                    java.util.List.of(),
                    pressroom.articles.ArticleStatus.PUBLISHED))
            .slug();
    String id = "newmoderator" + counter;
    site.app().accounts().createVerified(id, id + "@mail.example", PASSWORD, Role.MODERATOR);
    String note = "A note from the desk on this story";
    assertThat(comment(signedIn(id), slug, note, null).statusCode()).isEqualTo(303);
    Visitor reader = established();
    String view = "A reader's view of this story";
    assertThat(comment(reader, slug, view, null).statusCode()).isEqualTo(303);

    // Both are published (an anonymous visitor sees them); only the moderator's has the badge.
    Document page =
        pressroom.testing.Eventually.value(
            "both comments on the page",
            () -> {
              Document d = Jsoup.parse(site.newVisitor().get("/articles/" + slug).body());
              return d.text().contains(note) && d.text().contains(view) ? d : null;
            });
    assertThat(commentWith(page, note).select(".comment-meta .badge").eachText())
        .containsExactly("Staff");
    assertThat(commentWith(page, view).select(".badge")).isEmpty();
  }

  @Test
  void theQueueShowsTheArticlesHeadlineAndTheCommentAHeldReplyAnswers() {
    Visitor a = established();
    String parent =
        idOf(comment(a, f.wire.slug(), "The parent: the cranes were back at dawn", null));
    Visitor newcomer = reader(true); // a new account's first comment waits for a moderator
    assertThat(
            comment(newcomer, f.wire.slug(), "A newcomer answers the parent", parent).statusCode())
        .isEqualTo(303);
    Document queue = Jsoup.parse(moderator.get("/staff/moderation").body());
    org.jsoup.nodes.Element item =
        queue.select("li.queue-item").stream()
            .filter(li -> li.text().contains("A newcomer answers the parent"))
            .findFirst()
            .orElseThrow();
    assertThat(item.select(".comment-meta a").first().text())
        .isEqualTo("Harbour cranes return to work after the long dispute");
    assertThat(item.select(".in-reply-to").text())
        .contains("In reply to")
        .contains("The parent: the cranes were back at dawn");
    // Approve is the one action in front; suspending sits behind "More".
    assertThat(item.select(".queue-actions button.primary").eachText()).containsExactly("Approve");
    assertThat(item.select("details.more-actions form[action$=/suspend]")).hasSize(1);
  }

  static org.jsoup.nodes.Element commentWith(Document page, String text) {
    return page.select("li.comment").stream()
        .filter(c -> c.selectFirst(".comment-body") != null)
        .filter(c -> c.selectFirst(".comment-body").text().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no comment saying " + text));
  }
}
