package pressroom.articles.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.articles.ArticleWrites.StoredArticle;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/**
 * The newsroom's article desk over HTTP (issue 14): the list's filters and pages, the editor with
 * its revisions, corrections readers see, withdrawal with a reason and restoring, pins on the home
 * and section pages, and who may do it. One subclass per database.
 */
@RunningSite
abstract class ArticleDeskContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  Visitor editor;
  int counter;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("desk.editor", "ed@mail.example", PASSWORD, Role.EDITOR);
    site.app().accounts().createVerified("desk.mod", "mod@mail.example", PASSWORD, Role.MODERATOR);
    site.app().accounts().createVerified("desk.reader", "rd@mail.example", PASSWORD, Role.READER);
    editor = site.signedIn("desk.editor", PASSWORD);
  }

  /** A published story of our own in World, an hour old (each test its own). */
  StoredArticle story(String headline) {
    return site.insert(
        Fixtures.story(
            headline + " " + ++counter,
            "<p>The council met on Monday and agreed the budget.</p><p>Second paragraph.</p>",
            site.clock().instant().minus(Duration.ofHours(1))));
  }

  String id(StoredArticle a) {
    return a.id();
  }

  List<String> listed(String query) {
    HttpResponse<String> r = editor.get("/staff/articles" + query);
    assertThat(r.statusCode()).as(query).isEqualTo(200);
    return Jsoup.parse(r.body()).select("table.desk-articles tbody tr th a").eachText();
  }

  /** The editor's form as the page fills it, to post back with changes. */
  Map<String, String> form(String articleId) {
    Document d = Jsoup.parse(editor.get("/staff/articles/" + articleId).body());
    Map<String, String> out = new HashMap<>();
    var form = d.selectFirst("form[action=/staff/articles/" + articleId + "]");
    form.select("input[name], textarea[name]")
        .forEach(e -> out.put(e.attr("name"), e.is("textarea") ? e.text() : e.val()));
    form.select("select[name]")
        .forEach(e -> out.put(e.attr("name"), e.selectFirst("option[selected]").val()));
    out.remove("_csrf");
    return out;
  }

  HttpResponse<String> anonymous(String path) {
    site.app().applyContentChanges();
    return site.newVisitor().get(path);
  }

  @Test
  void theListFiltersBySectionSourceStatusDaysAndHeadline() {
    String wireId = site.sqlOne(String.class, "SELECT id FROM sources WHERE name = ?", "Test Wire");
    StoredArticle mine = story("Own desk story");
    String mineHeadline =
        site.sqlOne(String.class, "SELECT headline FROM articles WHERE id = ?", mine.id());

    assertThat(listed(""))
        .contains(mineHeadline, "Harbour cranes return to work after the long dispute");
    assertThat(listed("?status=withdrawn"))
        .containsExactly("Withdrawn story about a ferry timetable");
    assertThat(listed("?status=draft")).containsExactly("Draft story that nobody should see");
    assertThat(listed("?source=own"))
        .contains(mineHeadline)
        .doesNotContain("Harbour cranes return to work after the long dispute");
    assertThat(listed("?source=" + wireId))
        .contains(
            "Harbour cranes return to work after the long dispute",
            "Withdrawn story about a ferry timetable")
        .doesNotContain(mineHeadline, "Quiet valley votes on new water rules");
    assertThat(listed("?section=world"))
        .contains(mineHeadline, "Mountain village switches on its solar microgrid")
        .doesNotContain("Harbour cranes return to work after the long dispute");
    site.insert(
        Fixtures.story(
            "Rates cut by 100% _again_! Or not",
            "<p>Odd.</p>", site.clock().instant().minus(Duration.ofHours(2))));
    assertThat(listed("?q=100%25+_again_!")).containsExactly("Rates cut by 100% _again_! Or not");
    assertThat(listed("?q=1%25")).isEmpty();
    assertThat(listed("?q=HARBOUR+cranes"))
        .containsExactly("Harbour cranes return to work after the long dispute");
    assertThat(listed("?section=syndicated-news&status=published&q=valley"))
        .containsExactly("Quiet valley votes on new water rules");

    site.insert(
        Fixtures.story(
            "A story from the spring of 2020",
            "<p>Old.</p>",
            Instant.parse("2020-03-15T12:00:00Z")));
    site.insert(
        Fixtures.story(
            "A story from the next day", "<p>Old.</p>", Instant.parse("2020-03-16T12:00:00Z")));
    assertThat(listed("?from=2020-03-15&to=2020-03-15"))
        .containsExactly("A story from the spring of 2020");
    assertThat(listed("?from=2020-03-15&to=2020-03-16"))
        .containsExactly("A story from the next day", "A story from the spring of 2020");
  }

  @Test
  void theListIsNewestFirstAndPagesByPositionWithNothingLostOrRepeated() {
    Instant base = site.clock().instant().minus(Duration.ofDays(30));
    for (int i = 0; i < 107; i++) {
      // Pairs share a millisecond: the id orders them, and no page may skip one.
      site.insert(
          Fixtures.story("Paging item " + i, "<p>Item.</p>", base.plusSeconds(i / 2 * 60L)));
    }
    List<String> seen = new ArrayList<>();
    String next = "/staff/articles?q=paging+item";
    String lastPage = null;
    int pages = 0;
    while (next != null) {
      Document d = Jsoup.parse(editor.get(next).body());
      seen.addAll(d.select("table.desk-articles tbody tr th a").eachText());
      var older = d.selectFirst("a[rel=next]");
      lastPage = next;
      next = older == null ? null : older.attr("href");
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(107).doesNotHaveDuplicates();
    assertThat(seen.getFirst()).isIn("Paging item 106", "Paging item 105");
    assertThat(seen.getLast()).isIn("Paging item 0", "Paging item 1");
    // And back: each older page links to the newer one, up to the first.
    Document older = Jsoup.parse(editor.get(lastPage).body());
    Document newer = Jsoup.parse(editor.get(older.selectFirst("a[rel=prev]").attr("href")).body());
    assertThat(newer.select("table.desk-articles tbody tr th a").eachText())
        .isEqualTo(seen.subList(50, 100));
    assertThat(newer.selectFirst("a[rel=next]").attr("href")).isEqualTo(lastPage);
    Document newest = Jsoup.parse(editor.get(newer.selectFirst("a[rel=prev]").attr("href")).body());
    assertThat(newest.select("table.desk-articles tbody tr th a").eachText())
        .isEqualTo(seen.subList(0, 50));
    assertThat(newest.select("a[rel=prev]")).isEmpty();
  }

  /** Headline words read rows one by one: without a From day they look back 90 days, and say so. */
  @Test
  void headlineWordsLookBackNinetyDaysUnlessGivenAFromDay() {
    Instant old = site.clock().instant().minus(Duration.ofDays(200));
    site.insert(Fixtures.story("Lighthouse keeper retires after forty years", "<p>Text.</p>", old));
    assertThat(listed("?q=lighthouse+keeper")).isEmpty();
    String day = old.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1).toString();
    assertThat(listed("?q=lighthouse+keeper&from=" + day))
        .containsExactly("Lighthouse keeper retires after forty years");
    assertThat(Jsoup.parse(editor.get("/staff/articles").body()).select("#f-q-hint").text())
        .contains("90 days");
  }

  @Test
  void anEmbargoedArticleSaysReadersDoNotSeeItYet() {
    Document d = Jsoup.parse(editor.get("/staff/articles?q=Embargoed").body());
    org.jsoup.nodes.Element row = d.select("table.desk-articles tbody tr").first();
    assertThat(row.text()).contains("Embargoed report", "published", "embargoed");
    assertThat(Jsoup.parse(editor.get("/staff/articles?q=cranes").body()).text())
        .doesNotContain("embargoed");
  }

  @Test
  void aWrongFilterIsA400NamingItAndKeepingWhatWasTyped() {
    HttpResponse<String> r = editor.get("/staff/articles?from=yesterday&q=cranes");
    assertThat(r.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".error").text()).contains("From");
    assertThat(d.selectFirst("#f-q").val()).isEqualTo("cranes");
    assertThat(d.selectFirst("#f-from").val()).isEqualTo("yesterday");
    assertThat(editor.get("/staff/articles?status=lost").statusCode()).isEqualTo(400);
    assertThat(editor.get("/staff/articles?before=nowhere").statusCode()).isEqualTo(400);
    // Days ISO allows but no article can have: named, not a 500.
    for (String query :
        List.of(
            "from=%2B300000000-01-01",
            "to=%2B999999999-12-31", "from=-999999999-01-01", "to=1969-12-31")) {
      HttpResponse<String> absurd = editor.get("/staff/articles?" + query);
      assertThat(absurd.statusCode()).as(query).isEqualTo(400);
      assertThat(Jsoup.parse(absurd.body()).select(".error").text())
          .as(query)
          .contains(query.startsWith("from") ? "From" : "To")
          .contains("between 1970 and 9999");
    }
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void savingAnEditKeepsTheOldTextAsARevisionAndReadersSeeTheNewAtOnce() {
    StoredArticle a = story("Council budget agreed");
    assertThat(anonymous("/articles/" + a.slug()).body()).contains("agreed the budget"); // cached
    Map<String, String> form = form(a.id());
    form.put("headline", "Council budget agreed after a long night");
    form.put("summary", "A new summary.");
    form.put(
        "body",
        "<p>The council met on Monday and passed the budget.</p><script>alert(1)</script><p>Second paragraph.</p>");
    form.put("tags", "Budget, Council, Budget");
    form.put("section", "syndicated-news");
    HttpResponse<String> r = editor.post("/staff/articles/" + a.id(), form);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location"))
        .hasValue("/staff/articles/" + a.id() + "?done=saved");

    String page = anonymous("/articles/" + a.slug()).body();
    assertThat(page)
        .contains("Council budget agreed after a long night", "passed the budget", "A new summary.")
        .doesNotContain("agreed the budget", "alert(1)");
    Document d = Jsoup.parse(page);
    assertThat(d.select(".tags a").eachText()).containsExactly("Budget", "Council");
    assertThat(d.select(".kicker a").first().text()).isEqualTo("Syndicated News");

    assertThat(
            site.sqlOne(
                Integer.class,
                "SELECT count(*) FROM article_revisions WHERE article_id = ?",
                a.id()))
        .isEqualTo(1);
    assertThat(
            site.sqlOne(
                String.class,
                "SELECT body_html FROM article_revisions WHERE article_id = ?",
                a.id()))
        .contains("agreed the budget");
    var entry =
        site
            .app()
            .auditLog()
            .find(
                new pressroom.audit.AuditLog.Filter(null, "article.edit", null, null, null),
                null,
                10)
            .stream()
            .filter(e -> e.subject().contains(a.slug()))
            .findFirst()
            .orElseThrow();
    assertThat(entry.actorUserId()).isEqualTo("desk.editor");
    assertThat(entry.before()).contains("Council budget agreed ");
    assertThat(entry.after())
        .contains("Council budget agreed after a long night", "A new summary.");

    // The revisions page shows the words that went and came, marked by more than colour.
    Document revisions = Jsoup.parse(editor.get("/staff/articles/" + a.id() + "/revisions").body());
    assertThat(revisions.select("table.desk-revisions tbody tr")).hasSize(1);
    assertThat(revisions.select(".diff del").text()).contains("agreed");
    assertThat(revisions.select(".diff ins").text()).contains("passed", "after a long night");
    assertThat(revisions.select(".diff del .visually-hidden").text()).contains("removed");
  }

  @Test
  void aWrongEditIsA400NamingTheFieldAndKeepingTheText() {
    StoredArticle a = story("Bridge repairs begin");
    Map<String, String> form = form(a.id());
    form.put("headline", "  ");
    form.put("body", "<p>Typed with care.</p>");
    HttpResponse<String> r = editor.post("/staff/articles/" + a.id(), form);
    assertThat(r.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("#headline-error").text()).startsWith("Headline");
    assertThat(d.selectFirst("#headline").attr("aria-invalid")).isEqualTo("true");
    assertThat(d.selectFirst("#body").text()).isEqualTo("<p>Typed with care.</p>");

    form = form(a.id());
    form.put("section", "no-such-section");
    form.put("body", "<script>only a script</script>");
    d = Jsoup.parse(editor.post("/staff/articles/" + a.id(), form).body());
    assertThat(d.selectFirst("#section-error").text()).startsWith("Section");
    assertThat(d.selectFirst("#body-error").text()).startsWith("Body");

    // A save over a version someone else saved in between is refused, the typed text kept.
    Map<String, String> stale = form(a.id());
    Map<String, String> first = form(a.id());
    first.put("headline", "Bridge repairs begin at dawn");
    assertThat(editor.post("/staff/articles/" + a.id(), first).statusCode()).isEqualTo(303);
    stale.put("headline", "Bridge repairs begin, says the mayor");
    r = editor.post("/staff/articles/" + a.id(), stale);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(r.body()).selectFirst("#headline").val())
        .isEqualTo("Bridge repairs begin, says the mayor");
    assertThat(site.sqlOne(String.class, "SELECT headline FROM articles WHERE id = ?", a.id()))
        .isEqualTo("Bridge repairs begin at dawn");
  }

  @Test
  void theRevisionsOfLongBodiesAnswerPromptlyParagraphByParagraph() {
    StoredArticle a = story("Budget in full");
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 4_000; i++) {
      before.append("<p>Line ").append(i).append(" of the budget as first written.</p>");
      after.append("<p>Item ").append(i).append(" of the budget as amended today.</p>");
    }
    Map<String, String> form = form(a.id());
    form.put("body", before.toString());
    assertThat(editor.post("/staff/articles/" + a.id(), form).statusCode()).isEqualTo(303);
    form = form(a.id());
    form.put("body", after.toString());
    assertThat(editor.post("/staff/articles/" + a.id(), form).statusCode()).isEqualTo(303);

    long started = System.nanoTime();
    HttpResponse<String> r = editor.get("/staff/articles/" + a.id() + "/revisions");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(Jsoup.parse(r.body()).selectFirst(".diff-coarse").text())
        .contains("too long to compare word by word");
  }

  @Test
  void correctionsAppearUnderTheArticleForReadersInOrderWithTheirTime() {
    StoredArticle a = story("Library hours extended");
    assertThat(
            editor
                .post(
                    "/staff/articles/" + a.id() + "/corrections",
                    Map.of("note", "The library opens at 9, not 8."))
                .statusCode())
        .isEqualTo(303);
    site.clock().advance(Duration.ofMinutes(5));
    assertThat(
            editor
                .post(
                    "/staff/articles/" + a.id() + "/corrections",
                    Map.of("note", "The mayor’s name is spelled Kaya."))
                .statusCode())
        .isEqualTo(303);
    Document d = Jsoup.parse(anonymous("/articles/" + a.slug()).body());
    var notes = d.select(".corrections .correction");
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).text())
        .startsWith("Correction, ")
        .endsWith("The library opens at 9, not 8.");
    assertThat(notes.get(1).text()).endsWith("The mayor’s name is spelled Kaya.");
    assertThat(notes.get(0).selectFirst("time").attr("datetime")).isNotBlank();

    HttpResponse<String> r =
        editor.post("/staff/articles/" + a.id() + "/corrections", Map.of("note", " "));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(r.body()).selectFirst("#note-error").text()).startsWith("Correction");
    assertThat(
            site.app()
                .auditLog()
                .find(
                    new pressroom.audit.AuditLog.Filter(null, "article.correct", null, null, null),
                    null,
                    10))
        .anySatisfy(e -> assertThat(e.after()).isEqualTo("The library opens at 9, not 8."));
  }

  @Test
  void withdrawingGivesReadersA410WithTheReasonAndRestoringBringsItBack() {
    StoredArticle a = story("Ferry strike called off");
    assertThat(anonymous("/articles/" + a.slug()).statusCode()).isEqualTo(200);
    HttpResponse<String> refused =
        editor.post("/staff/articles/" + a.id() + "/withdraw", Map.of("reason", ""));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.body()).selectFirst("#reason-error").text())
        .startsWith("Reason");

    assertThat(
            editor
                .post(
                    "/staff/articles/" + a.id() + "/withdraw",
                    Map.of("reason", "The union had not agreed yet."))
                .statusCode())
        .isEqualTo(303);
    HttpResponse<String> gone = anonymous("/articles/" + a.slug());
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("The union had not agreed yet.");
    assertThat(listed("?status=withdrawn"))
        .contains(site.sqlOne(String.class, "SELECT headline FROM articles WHERE id = ?", a.id()));
    assertThat(
            editor
                .post("/staff/articles/" + a.id() + "/withdraw", Map.of("reason", "Again."))
                .statusCode())
        .isEqualTo(409);

    assertThat(editor.post("/staff/articles/" + a.id() + "/restore", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(anonymous("/articles/" + a.slug()).statusCode()).isEqualTo(200);
    assertThat(editor.post("/staff/articles/" + a.id() + "/restore", Map.of()).statusCode())
        .isEqualTo(409);
    // What a partner withdrew stays withdrawn; a draft was never shown, so it is not withdrawn.
    HttpResponse<String> partners =
        editor.post("/staff/articles/" + f.withdrawn.id() + "/restore", Map.of());
    assertThat(partners.statusCode()).isEqualTo(409);
    assertThat(partners.body()).contains("stays withdrawn");
    assertThat(anonymous("/articles/" + f.withdrawn.slug()).statusCode()).isEqualTo(410);
    assertThat(
            editor
                .post("/staff/articles/" + f.draft.id() + "/withdraw", Map.of("reason", "No."))
                .statusCode())
        .isEqualTo(409);
    // A partner's kill after an editor's withdrawal is the partner's: it stays.
    editor.post("/staff/articles/" + a.id() + "/withdraw", Map.of("reason", "Checking."));
    site.app().articles().setStatus(a.id(), pressroom.articles.ArticleStatus.WITHDRAWN);
    assertThat(editor.post("/staff/articles/" + a.id() + "/restore", Map.of()).statusCode())
        .isEqualTo(409);
    var actions =
        site
            .app()
            .auditLog()
            .find(
                new pressroom.audit.AuditLog.Filter("desk.editor", "article", null, null, null),
                null,
                100)
            .stream()
            .filter(e -> e.subject().contains(a.slug()))
            .map(e -> e.action() + " " + (e.after() == null ? "" : e.after()))
            .toList();
    assertThat(actions)
        .contains(
            "article.withdraw withdrawn: The union had not agreed yet.",
            "article.restore published");
  }

  @Test
  void pinnedStoriesLeadTheHomePageAndTheirSectionUntilUnpinned() {
    StoredArticle older =
        site.insert(
            Fixtures.story(
                "Pinned long read " + ++counter,
                "<p>Long.</p>",
                site.clock().instant().minus(Duration.ofDays(3))));
    story("Fresh news"); // newer than it
    assertThat(homeFirst()).isNotEqualTo(older.slug());

    assertThat(
            editor
                .post("/staff/articles/" + older.id() + "/pin", Map.of("place", "home"))
                .statusCode())
        .isEqualTo(303);
    assertThat(homeFirst()).isEqualTo(older.slug());
    assertThat(sectionFirst()).isNotEqualTo(older.slug());
    assertThat(
            editor
                .post("/staff/articles/" + older.id() + "/pin", Map.of("place", "section"))
                .statusCode())
        .isEqualTo(303);
    assertThat(sectionFirst()).isEqualTo(older.slug());
    // Shown once on the section's first page, not again at its own place.
    Document section = Jsoup.parse(anonymous("/sections/world").body());
    assertThat(section.select(".items a[href=/articles/" + older.slug() + "]")).hasSize(1);
    assertThat(listedPins(older)).isEqualTo("home section");

    assertThat(
            editor
                .post("/staff/articles/" + older.id() + "/unpin", Map.of("place", "home"))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            editor
                .post("/staff/articles/" + older.id() + "/unpin", Map.of("place", "section"))
                .statusCode())
        .isEqualTo(303);
    assertThat(homeFirst()).isNotEqualTo(older.slug());
    assertThat(sectionFirst()).isNotEqualTo(older.slug());
    assertThat(
            editor
                .post("/staff/articles/" + older.id() + "/pin", Map.of("place", "moon"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            editor
                .post("/staff/articles/" + f.withdrawn.id() + "/pin", Map.of("place", "home"))
                .statusCode())
        .isEqualTo(409);
  }

  String listedPins(StoredArticle a) {
    String headline =
        site.sqlOne(String.class, "SELECT headline FROM articles WHERE id = ?", a.id());
    Document d =
        Jsoup.parse(
            editor
                .get(
                    "/staff/articles?q="
                        + java.net.URLEncoder.encode(
                            headline, java.nio.charset.StandardCharsets.UTF_8))
                .body());
    return d.select("table.desk-articles tbody tr td .pin").eachText().stream()
        .reduce((x, y) -> x + " " + y)
        .orElse("");
  }

  @Test
  void aPinnedVersionThatListingsDoNotShowIsNotPinnedEither() {
    StoredArticle other =
        site.insert(
            Fixtures.story(
                "Second partner's telling " + ++counter,
                "<p>Same story, other words.</p>",
                site.clock().instant().minus(Duration.ofDays(2))));
    // As when another partner's version of the same story leads it (StoryLeads).
    site.sql("UPDATE articles SET listed = 0 WHERE id = ?", other.id());
    assertThat(
            editor
                .post("/staff/articles/" + other.id() + "/pin", Map.of("place", "home"))
                .statusCode())
        .isEqualTo(303);
    assertThat(homeFirst()).isNotEqualTo(other.slug());
    assertThat(Jsoup.parse(anonymous("/").body()).select("a[href=/articles/" + other.slug() + "]"))
        .isEmpty();
  }

  String homeFirst() {
    return Jsoup.parse(anonymous("/").body())
        .selectFirst(".latest .items .item-title a")
        .attr("href")
        .replace("/articles/", "");
  }

  String sectionFirst() {
    return Jsoup.parse(anonymous("/sections/world").body())
        .selectFirst(".items .item-title a")
        .attr("href")
        .replace("/articles/", "");
  }

  @Test
  void onlyEditorsAndAdminsMayUseTheDesk() {
    StoredArticle a = story("Permissions story");
    for (Visitor v :
        List.of(
            site.signedIn("desk.reader", PASSWORD),
            site.signedIn("desk.mod", PASSWORD),
            site.newVisitor())) {
      assertThat(v.get("/staff/articles").statusCode()).isEqualTo(403);
      assertThat(v.get("/staff/articles/" + a.id()).statusCode()).isEqualTo(403);
      assertThat(v.get("/staff/articles/" + a.id() + "/revisions").statusCode()).isEqualTo(403);
      assertThat(
              v.post("/staff/articles/" + a.id() + "/withdraw", Map.of("reason", "no"))
                  .statusCode())
          .isEqualTo(403);
      assertThat(v.post("/staff/articles/" + a.id() + "/pin", Map.of("place", "home")).statusCode())
          .isEqualTo(403);
    }
    assertThat(site.newVisitor().get("/staff/articles").body()).contains("Sign in");
    assertThat(anonymous("/articles/" + a.slug()).statusCode()).isEqualTo(200);
    assertThat(editor.get("/staff/articles/no-such-article").statusCode()).isEqualTo(404);
    // A form posted without its token is refused, whoever sends it.
    assertThat(
            editor
                .postRaw("/staff/articles/" + a.id() + "/withdraw", Map.of("reason", "no"))
                .statusCode())
        .isEqualTo(403);
    assertThat(editor.get("/staff/articles/" + a.id()).headers().firstValue("Cache-Control"))
        .hasValue("no-store");
  }
}
