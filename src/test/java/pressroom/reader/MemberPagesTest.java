package pressroom.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access;
import pressroom.web.Stencil;

/**
 * A signed-in reader's article page comes from one page rendered for every reader in the same
 * position, filled in with their token and name. It must be exactly the page rendered for them
 * alone, never carry another reader's token or name, and change when what it shows does.
 */
@RunningSite
class MemberPagesTest {
  TestApp site;
  Fixtures f;
  String path;
  private static TestApp seededOn;
  private static TestApp.Visitor moderator;
  private static int accounts;

  @BeforeEach
  void commentsByOthers() {
    path = "/articles/" + f.wire.slug();
    if (seededOn == site) {
      return;
    }
    seededOn = site;
    moderator = site.signedInNewAccount("stencilmod", "correct horse 5", Access.Role.MODERATOR);
    for (String text : new String[] {"First, from another reader.", "Second, also theirs."}) {
      TestApp.Visitor other = reader("stencilother");
      assertThat(other.post(path + "/comments", Map.of("body", text)).statusCode()).isEqualTo(303);
    }
    approvePending();
  }

  private TestApp.Visitor reader(String prefix) {
    site.clearThrottling(); // many sign-ins from one address
    return site.signedInNewAccount(prefix + ++accounts, "correct horse 6", Access.Role.READER);
  }

  private void approvePending() {
    for (String id : site.pendingCommentIds()) {
      assertThat(moderator.post("/staff/moderation/" + id + "/approve", Map.of()).statusCode())
          .isEqualTo(303);
    }
  }

  /** The page rendered for this reader alone (a one-off query the stencil never serves). */
  private String renderedAlone(TestApp.Visitor v) {
    return v.get(path + "?comment=none").body();
  }

  @Test
  void aReadersPageIsExactlyThePageRenderedForThemAlone() {
    TestApp.Visitor reader = reader("stencil");
    String id = site.accountId("stencil" + accounts);
    site.sql("UPDATE accounts SET display_name = ? WHERE id = ?", "Ann Bø", id);
    String first = reader.get(path).body();
    String second = reader.get(path).body(); // from the cached stencil
    assertThat(second).isEqualTo(first).isEqualTo(renderedAlone(reader));
    assertThat(first)
        .contains(reader.csrfToken())
        .doesNotContain(Stencil.TOKEN)
        .doesNotContain(Stencil.NAME);
    Document page = Jsoup.parse(first);
    assertThat(page.select(".account-name").text()).isEqualTo("Ann Bø");
    assertThat(page.select("form.comment-form")).hasSize(1);
    assertThat(page.select("form[action$=/like]")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void aNameIsFilledInEscaped() {
    TestApp.Visitor reader = reader("escaped");
    String name = "Ann <b>&amp; \"Bo\"'s <script>x</script>";
    site.sql(
        "UPDATE accounts SET display_name = ? WHERE id = ?",
        name,
        site.accountId("escaped" + accounts));
    String html = reader.get(path).body();
    assertThat(html).doesNotContain("<b>").doesNotContain("<script>x");
    assertThat(Jsoup.parse(html).select(".account-name").text()).isEqualTo(name);
  }

  @Test
  void aBrowserThatTakesGzipGetsTheSamePageGzipped() throws java.io.IOException {
    TestApp.Visitor reader = reader("gzip");
    String newest = path + "?comments=newest"; // a stencil nobody has asked for yet
    String plain = reader.get(newest + "&comment=none").body();
    for (int i = 0; i < 2; i++) { // the framework's answer, then the one made in front of it
      var zipped = reader.getBytes(newest, "Accept-Encoding", "gzip");
      assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(zipped.headers().firstValue("Cache-Control")).hasValue("private, no-store");
      try (var in =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(plain);
      }
    }
  }

  @Test
  void aCookieFromASessionThatEndedGetsTheAnonymousPage() {
    TestApp.Visitor reader = reader("leaver");
    String name = "leaver" + accounts;
    assertThat(reader.get(path).body()).contains(name);
    String cookies =
        reader.cookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    assertThat(reader.post("/signout", Map.of()).statusCode()).isEqualTo(303);
    // Someone who kept the old cookies (a copy of the browser's) tries them.
    var replayed = site.newVisitor().get(path, "Cookie", cookies);
    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(replayed.body()).doesNotContain(name).contains("href=\"/signin\"");
  }

  @Test
  void noReaderGetsAnothersTokenOrName() {
    TestApp.Visitor a = reader("tokena");
    TestApp.Visitor b = reader("tokenb");
    String pageA = a.get(path).body();
    String pageB = b.get(path).body();
    assertThat(pageA).contains(a.csrfToken()).doesNotContain(b.csrfToken());
    assertThat(pageB).contains(b.csrfToken()).doesNotContain(a.csrfToken());
    assertThat(Jsoup.parse(pageB).select(".account-name").text()).isEqualTo("tokenb" + accounts);
    assertThat(pageB.replace(b.csrfToken(), "T").replace("tokenb" + accounts, "N"))
        .isEqualTo(pageA.replace(a.csrfToken(), "T").replace("tokena" + (accounts - 1), "N"));
    // The forms on the page work with the token filled in.
    assertThat(
            b.postRaw(
                    path + "/bookmark",
                    Map.of("_csrf", Jsoup.parse(pageB).select("input[name=_csrf]").val()))
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void aBookmarkShowsAtOnceAndOnlyToItsReader() {
    TestApp.Visitor keeper = reader("keeper");
    TestApp.Visitor other = reader("nonkeeper");
    assertThat(pressed(keeper.get(path).body())).isEqualTo("false");
    assertThat(keeper.post(path + "/bookmark", Map.of("action", "add")).statusCode())
        .isEqualTo(303);
    String kept = keeper.get(path).body();
    assertThat(pressed(kept)).isEqualTo("true");
    assertThat(kept).isEqualTo(renderedAlone(keeper)).contains("My reading list");
    assertThat(pressed(other.get(path).body())).isEqualTo("false");
  }

  @Test
  void aReadersOwnCommentOffersEditAndDeleteToThemOnly() {
    TestApp.Visitor author = reader("author");
    TestApp.Visitor other = reader("otherreader");
    other.get(path); // the stencil is cached before the comment
    assertThat(author.post(path + "/comments", Map.of("body", "Mine, to edit.")).statusCode())
        .isEqualTo(303);
    approvePending();
    String mine = author.get(path).body();
    assertThat(mine).contains("Mine, to edit.").isEqualTo(renderedAlone(author));
    assertThat(Jsoup.parse(mine).select("a.text-action[href$=/edit]")).hasSize(1);
    String theirs = other.get(path).body();
    assertThat(theirs).contains("Mine, to edit.");
    assertThat(Jsoup.parse(theirs).select("a.text-action[href$=/edit]")).isEmpty();
    assertThat(
            Jsoup.parse(theirs).select("li.comment:contains(Mine, to edit.) form[action$=/like]"))
        .hasSize(1);
  }

  @Test
  void aCommentWrittenThroughAnotherNodeIsOnItsAuthorsNextPage() {
    TestApp.Visitor author = reader("elsewhere");
    String id = site.accountId("elsewhere" + accounts);
    assertThat(author.get(path).body()).doesNotContain("Written through node B.");
    // Another node stored it: this one's cached pages have not heard of it yet.
    site.sql(
        "INSERT INTO comments (id, article_id, account_id, depth, body, body_key, body_html,"
            + " status, created_at) VALUES (?, ?, ?, 0, ?, ?, ?, 'published', ?)",
        java.util.UUID.randomUUID().toString(),
        f.wire.id(),
        id,
        "Written through node B.",
        "written through node b",
        "<p>Written through node B.</p>",
        site.clock().instant().toEpochMilli());
    String page = author.get(path).body();
    assertThat(page).contains("Written through node B.");
    assertThat(
            Jsoup.parse(page).select("li.comment:contains(Written through node B.) a[href$=/edit]"))
        .hasSize(1);
  }

  @Test
  void pagesFromTheStencilAreAnsweredInFrontOfTheFramework() {
    TestApp.Visitor admin =
        site.signedInNewAccount("stenciladmin", "correct horse 7", Access.Role.ADMIN);
    TestApp.Visitor reader = reader("front");
    reader.get(path); // the stencil is made (or found) by the framework's route
    double before = answeredInFront(admin);
    String second = reader.get(path).body();
    assertThat(answeredInFront(admin)).isGreaterThan(before);
    assertThat(second).isEqualTo(renderedAlone(reader));
  }

  private static double answeredInFront(TestApp.Visitor admin) {
    String metrics = admin.get("/metrics").body();
    var m =
        java.util.regex.Pattern.compile(
                "(?m)^http_signed_in_pages_in_front_total(?:\\{[^}]*\\})? (\\S+)")
            .matcher(metrics);
    assertThat(m.find()).as("the counter on /metrics").isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void aReaderWhoseAddressIsNotConfirmedGetsTheirOwnKindOfPage() {
    TestApp.Visitor unconfirmed = reader("unconfirmed");
    site.sql(
        "UPDATE accounts SET email_verified_at = NULL WHERE id = ?",
        site.accountId("unconfirmed" + accounts));
    String page = unconfirmed.get(path).body();
    assertThat(page).contains("Confirm your e-mail address to comment");
    assertThat(unconfirmed.get(path).body()).isEqualTo(page).isEqualTo(renderedAlone(unconfirmed));
    assertThat(reader("confirmed").get(path).body())
        .doesNotContain("Confirm your e-mail address to comment");
  }

  @Test
  void aCommentPagePastTheLastIsNotFound() {
    TestApp.Visitor reader = reader("pager");
    assertThat(reader.get(path + "?cpage=2").statusCode()).isEqualTo(404);
    assertThat(site.newVisitor().get(path + "?cpage=9999").statusCode()).isEqualTo(404);
  }

  @Test
  void aMutedReadersCommentsStayHiddenFromTheOneWhoMutedThem() {
    TestApp.Visitor muter = reader("muter");
    Document before = Jsoup.parse(muter.get(path).body());
    String muteAction = before.select("form[action$=/mute]").first().attr("action");
    assertThat(muter.post(muteAction, Map.of()).statusCode()).isEqualTo(303);
    String after = muter.get(path).body();
    assertThat(after).doesNotContain("First, from another reader.").isEqualTo(renderedAlone(muter));
    assertThat(reader("notmuter").get(path).body()).contains("First, from another reader.");
  }

  @Test
  void staffAndSuspendedReadersSeeTheirOwnKindOfPage() {
    String staff = moderator.get(path).body();
    assertThat(staff).isEqualTo(renderedAlone(moderator)).contains("Close comments");
    TestApp.Visitor plain = reader("plain");
    assertThat(plain.get(path).body()).doesNotContain("Close comments");
    TestApp.Visitor suspended = reader("suspended");
    suspended.get(path); // a stencil for readers in good standing is cached first
    site.app()
        .accountDao()
        .suspend(
            site.accountId("suspended" + accounts),
            site.clock().instant().plusSeconds(86_400),
            "a test");
    String page = suspended.get(path).body();
    assertThat(page).contains("Your account is suspended").isEqualTo(renderedAlone(suspended));
    assertThat(Jsoup.parse(page).select("form.comment-form")).isEmpty();
  }

  @Test
  void aNewCommentReachesPagesServedFromTheStencil() {
    TestApp.Visitor reader = reader("watcher");
    assertThat(reader.get(path).body()).doesNotContain("A late arrival.");
    TestApp.Visitor other = reader("latecomer");
    assertThat(other.post(path + "/comments", Map.of("body", "A late arrival.")).statusCode())
        .isEqualTo(303);
    approvePending();
    // At once: the node that committed the change drops its copies before it answers.
    assertThat(reader.get(path).body()).contains("A late arrival.");
  }

  private static String pressed(String html) {
    return Jsoup.parse(html).select("#bookmark-share button.bookmark").attr("aria-pressed");
  }
}
