package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.audit.AuditLog;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/**
 * Issue 14: editors keep the sections (create, rename, readdress, reorder, comment policy) and
 * write the site's own articles in Markdown. Over HTTP; one subclass per database.
 */
@RunningSite
abstract class SectionsAndOwnArticlesContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  Visitor editor;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("desk.editor", "ed@mail.example", PASSWORD, Role.EDITOR);
    editor = site.signedIn("desk.editor", PASSWORD);
  }

  // ---- sections

  @Test
  void anEditorCreatesASectionThatReadersFindInTheNavigationAtOnce() {
    HttpResponse<String> created =
        editor.post(
            "/staff/sections",
            Map.of("name", "Science & Nature", "slug", "", "description", "Discoveries."));
    assertThat(created.statusCode()).isEqualTo(303);
    site.app().applyContentChanges();
    assertThat(navigation(site.newVisitor().get("/").body())).endsWith("Science & Nature");
    Document section = Jsoup.parse(site.newVisitor().get("/sections/science-nature").body());
    assertThat(section.selectFirst("h1").text()).isEqualTo("Science & Nature");
    assertThat(audit("section.create"))
        .anySatisfy(e -> assertThat(e.subject()).isEqualTo("Section ‘Science & Nature’"));
    Document page =
        Jsoup.parse(editor.get(created.headers().firstValue("location").orElseThrow()).body());
    assertThat(page.selectFirst(".notice").text()).contains("Science & Nature");
  }

  @Test
  void renamingKeepsTheAddressAndAChangedAddressRedirectsFromTheOldOne() {
    String id = create("Lifestyle", "lifestyle");
    site.newVisitor().get("/sections/lifestyle"); // a cached copy under the old name
    assertThat(
            editor
                .post(
                    "/staff/sections/" + id + "/edit",
                    Map.of("name", "Living", "slug", "lifestyle", "description", "How we live."))
                .statusCode())
        .isEqualTo(303);
    site.app().applyContentChanges();
    Document renamed = Jsoup.parse(site.newVisitor().get("/sections/lifestyle").body());
    assertThat(renamed.selectFirst("h1").text()).isEqualTo("Living");
    assertThat(navigation(renamed.outerHtml())).contains("Living").doesNotContain("Lifestyle");
    assertThat(audit("section.edit"))
        .anySatisfy(
            e -> {
              assertThat(e.before()).contains("name: Lifestyle");
              assertThat(e.after()).contains("name: Living").contains("How we live.");
            });

    editor.post(
        "/staff/sections/" + id + "/edit",
        Map.of("name", "Living", "slug", "living", "description", "How we live."));
    site.app().applyContentChanges();
    HttpResponse<String> old = site.newVisitor().get("/sections/lifestyle?page=2");
    assertThat(old.statusCode()).isEqualTo(301);
    assertThat(old.headers().firstValue("location")).hasValue("/sections/living?page=2");
    assertThat(site.newVisitor().get("/sections/living").statusCode()).isEqualTo(200);
    for (String feed : List.of("/rss.xml", "/atom.xml", "/feed.json")) {
      HttpResponse<String> oldFeed = site.newVisitor().get("/sections/lifestyle" + feed);
      assertThat(oldFeed.statusCode()).as(feed).isEqualTo(301);
      assertThat(oldFeed.headers().firstValue("location")).hasValue("/sections/living" + feed);
    }
    assertThat(site.newVisitor().get("/sections/living/rss.xml").statusCode()).isEqualTo(200);
    assertThat(site.newVisitor().get("/sections/never-was/rss.xml").statusCode()).isEqualTo(404);
    // A later section may take the old address for itself.
    create("Lifestyle again", "lifestyle");
    assertThat(site.newVisitor().get("/sections/lifestyle").statusCode()).isEqualTo(200);
  }

  @Test
  void aSectionASourceMadeAtAFormerAddressCanBeReaddressedLikeAnyOther() {
    String first = create("Almanac", "almanac");
    editor.post(
        "/staff/sections/" + first + "/edit",
        Map.of("name", "Yearbook", "slug", "yearbook", "description", ""));
    // A source naming "Almanac" makes a new section at the address the first gave up.
    site.app()
        .sources()
        .add(
            new pressroom.ingest.sources.NewSource(
                "Almanac Wire",
                "https://wire.example/almanac.xml",
                pressroom.ingest.formats.FeedFormat.AUTO,
                "Almanac",
                "From Almanac Wire.",
                null,
                0,
                java.time.Duration.ofMinutes(15),
                Map.of(),
                pressroom.articles.SeoPolicy.CANONICAL,
                true,
                0));
    String second = site.sqlOne(String.class, "SELECT id FROM sections WHERE slug = 'almanac'");
    assertThat(second).isNotEqualTo(first);
    site.app().applyContentChanges();
    assertThat(site.newVisitor().get("/sections/almanac").statusCode()).isEqualTo(200);

    HttpResponse<String> readdressed =
        editor.post(
            "/staff/sections/" + second + "/edit",
            Map.of("name", "Almanac", "slug", "almanac-wire", "description", ""));
    assertThat(readdressed.statusCode()).isEqualTo(303);
    site.app().applyContentChanges();
    assertThat(site.newVisitor().get("/sections/almanac").headers().firstValue("location"))
        .hasValue("/sections/almanac-wire");
    assertThat(site.newVisitor().get("/sections/yearbook").statusCode()).isEqualTo(200);
  }

  @Test
  void searchFindsTheArticlesOfARenamedSectionUnderItsNewNameAndAddress() {
    String id = create("Gardens", "gardens");
    editor.post(
        "/staff/articles/new",
        Map.of(
            "headline", "Quinces ripen early this autumn",
            "body", "The quinces in the walled garden ripened in August.",
            "section", "gardens",
            "action", "publish"));
    editor.post(
        "/staff/sections/" + id + "/edit",
        Map.of("name", "Allotments", "slug", "allotments", "description", ""));
    site.app().applyContentChanges();
    pressroom.testing.Eventually.until(
        "the article is found in its section's new address, under its new name",
        () -> {
          Document hits =
              Jsoup.parse(site.newVisitor().get("/search?q=quinces&section=allotments").body());
          return hits.select("main .kicker").eachText().contains("Allotments");
        });
  }

  @Test
  void movingASectionChangesTheNavigationOrder() {
    String id = create("Weather", "weather");
    List<String> before = navigation(editorHome());
    int at = before.indexOf("Weather");
    assertThat(
            editor.post("/staff/sections/" + id + "/move", Map.of("direction", "up")).statusCode())
        .isEqualTo(303);
    site.app().applyContentChanges();
    List<String> after = navigation(site.newVisitor().get("/").body());
    assertThat(after.indexOf("Weather")).isEqualTo(at - 1);
    assertThat(audit("section.move"))
        .anySatisfy(
            e ->
                assertThat(e.before() + " → " + e.after())
                    .isEqualTo("place " + (at + 1) + " → place " + at));
    editor.post("/staff/sections/" + id + "/move", Map.of("direction", "down"));
    site.app().applyContentChanges();
    assertThat(navigation(site.newVisitor().get("/").body()).indexOf("Weather")).isEqualTo(at);
    assertThat(
            editor
                .post("/staff/sections/" + id + "/move", Map.of("direction", "sideways"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theCommentPolicyIsStoredAsTheCommentSettingsOfTheSection() {
    String id = create("Letters", "letters");
    assertThat(
            editor
                .post("/staff/sections/" + id + "/comments-policy", Map.of("policy", "closed"))
                .statusCode())
        .isEqualTo(303);
    assertThat(site.sqlOne(Integer.class, "SELECT comments_open FROM sections WHERE id = ?", id))
        .isZero();
    editor.post("/staff/sections/" + id + "/comments-policy", Map.of("policy", "pre-moderated"));
    assertThat(site.sqlOne(Integer.class, "SELECT comments_open FROM sections WHERE id = ?", id))
        .isOne();
    assertThat(site.sqlOne(String.class, "SELECT moderation FROM sections WHERE id = ?", id))
        .isEqualTo("pre");
    Document page = Jsoup.parse(editor.get("/staff/sections").body());
    assertThat(page.selectFirst("#policy-" + id + " option[selected]").text())
        .isEqualTo("Pre-moderated");
    assertThat(audit("section.comments"))
        .anySatisfy(
            e -> {
              assertThat(e.subject()).isEqualTo("Section ‘Letters’");
              assertThat(e.before()).isEqualTo("Closed");
              assertThat(e.after()).isEqualTo("Pre-moderated");
            });
    assertThat(
            editor
                .post("/staff/sections/" + id + "/comments-policy", Map.of("policy", "whatever"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theModeratorsDoorToTheSameSettingIsAuditedTheSameWay() {
    create("Opinion", "opinion");
    site.app().accounts().createVerified("desk.mod", "dm@mail.example", PASSWORD, Role.MODERATOR);
    Visitor moderator = site.signedIn("desk.mod", PASSWORD);
    assertThat(
            moderator
                .post("/staff/sections/opinion/comments", Map.of("comments", "closed"))
                .statusCode())
        .isEqualTo(303);
    assertThat(audit("section.comments"))
        .anySatisfy(
            e -> {
              assertThat(e.actorUserId()).isEqualTo("desk.mod");
              assertThat(e.subject()).isEqualTo("Section ‘Opinion’");
              assertThat(e.before() + " → " + e.after()).isEqualTo("Open → Closed");
            });
  }

  @Test
  void aFormAtFaultAnswers400NamingTheFieldAndKeepsWhatWasTyped() {
    HttpResponse<String> empty =
        editor.post(
            "/staff/sections", Map.of("name", "  ", "slug", "", "description", "Kept text"));
    assertThat(empty.statusCode()).isEqualTo(400);
    Document e = Jsoup.parse(empty.body());
    assertThat(e.selectFirst("#new-name-error").text()).startsWith("Name");
    assertThat(e.selectFirst("#new-description").text()).isEqualTo("Kept text");

    HttpResponse<String> bad =
        editor.post(
            "/staff/sections", Map.of("name", "Odd", "slug", "Odd Slug!", "description", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    Document b = Jsoup.parse(bad.body());
    assertThat(b.selectFirst("#new-slug-error").text()).startsWith("Address");
    assertThat(b.selectFirst("#new-slug").val()).isEqualTo("Odd Slug!");
    assertThat(b.selectFirst("#new-name").val()).isEqualTo("Odd");

    HttpResponse<String> taken =
        editor.post(
            "/staff/sections", Map.of("name", "Another world", "slug", "world", "description", ""));
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(taken.body()).selectFirst("#new-slug-error").text())
        .contains("/sections/world")
        .contains("World");

    String id = create("Travel", "travel");
    HttpResponse<String> renameTaken =
        editor.post(
            "/staff/sections/" + id + "/edit",
            Map.of("name", "Trips", "slug", "world", "description", ""));
    assertThat(renameTaken.statusCode()).isEqualTo(400);
    Document r = Jsoup.parse(renameTaken.body());
    assertThat(r.selectFirst("#slug-" + id + "-error").text()).startsWith("Address");
    assertThat(r.selectFirst("#name-" + id).val()).isEqualTo("Trips");
    assertThat(site.sqlOne(String.class, "SELECT name FROM sections WHERE id = ?", id))
        .isEqualTo("Travel");
    assertThat(
            editor
                .post("/staff/sections/no-such-section/edit", Map.of("name", "X", "slug", "x"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void readersAndModeratorsMayNotKeepSectionsOrWriteArticles() {
    site.app().accounts().createVerified("just.reader", "jr@mail.example", PASSWORD, Role.READER);
    site.app()
        .accounts()
        .createVerified("just.moderator", "jm@mail.example", PASSWORD, Role.MODERATOR);
    for (Visitor v :
        List.of(
            site.newVisitor(),
            site.signedIn("just.reader", PASSWORD),
            site.signedIn("just.moderator", PASSWORD))) {
      assertThat(v.get("/staff/sections").statusCode()).isEqualTo(403);
      assertThat(v.get("/staff/articles/new").statusCode()).isEqualTo(403);
      assertThat(v.post("/staff/sections", Map.of("name", "Sneaky")).statusCode()).isEqualTo(403);
      assertThat(
              v.post(
                      "/staff/articles/new",
                      Map.of(
                          "headline",
                          "Sneaky",
                          "body",
                          "x",
                          "section",
                          "world",
                          "action",
                          "publish"))
                  .statusCode())
          .isEqualTo(403);
    }
    assertThat(site.sqlOne(Integer.class, "SELECT count(*) FROM sections WHERE name = 'Sneaky'"))
        .isZero();
    assertThat(editor.get("/staff/sections").headers().firstValue("cache-control"))
        .hasValue("no-store");
    assertThat(editor.get("/staff/articles/new").headers().firstValue("cache-control"))
        .hasValue("no-store");
  }

  // ---- the site's own articles

  static final String MARKDOWN =
      """
      The council met on **Monday** and agreed the *new* timetable.

      ## What changes

      - Buses every ten minutes
      - A [map](https://maps.example/route) at each stop

      <script>alert('owned')</script>
      <img src="https://img.example/a.png" onerror="alert('img')">

      [a trap](javascript:alert('link'))
      """;

  @Test
  void aSavedDraftIsPublishedFromTheEditorDatedWhenItGoesOut() {
    HttpResponse<String> saved =
        editor.post(
            "/staff/articles/new",
            Map.of(
                "headline", "Harbour festival moves to June",
                "summary", "",
                "body", "The harbour festival moves to June this year.",
                "authors", "Nadia Farouk",
                "section", "world",
                "tags", "Harbour",
                "action", "draft"));
    assertThat(saved.statusCode()).isEqualTo(303);
    String id =
        site.sqlOne(
            String.class, "SELECT id FROM articles WHERE slug = 'harbour-festival-moves-to-june'");
    assertThat(Jsoup.parse(editor.get("/staff/articles/" + id).body()).select("button").eachText())
        .contains("Publish");
    // Saved two hours ago (moving the clock would end the editor's session).
    site.sql("UPDATE articles SET published_at = published_at - 7200000 WHERE id = ?", id);
    site.sql(
        "UPDATE article_tags SET published_at = published_at - 7200000 WHERE article_id = ?", id);

    long goesOut = site.clock().instant().toEpochMilli();
    HttpResponse<String> published = editor.post("/staff/articles/" + id + "/publish", Map.of());
    assertThat(published.statusCode()).isEqualTo(303);
    assertThat(
            Jsoup.parse(editor.get(published.headers().firstValue("location").orElseThrow()).body())
                .selectFirst(".notice")
                .text())
        .startsWith("Published");
    site.app().applyContentChanges();
    assertThat(site.newVisitor().get("/articles/harbour-festival-moves-to-june").statusCode())
        .isEqualTo(200);
    assertThat(
            site.sqlOne(Long.class, "SELECT published_at FROM articles WHERE id = ?", id)
                .longValue())
        .isBetween(goesOut, site.clock().instant().toEpochMilli());
    assertThat(
            site.sqlOne(
                    Long.class, "SELECT published_at FROM article_tags WHERE article_id = ?", id)
                .longValue())
        .isBetween(goesOut, site.clock().instant().toEpochMilli());
    assertThat(
            Jsoup.parse(site.newVisitor().get("/sections/world").body())
                .select(".item-title a")
                .eachText())
        .contains("Harbour festival moves to June");
    // Only a draft: publishing twice, or a published article, is refused.
    assertThat(editor.post("/staff/articles/" + id + "/publish", Map.of()).statusCode())
        .isEqualTo(409);
    assertThat(audit("article.publish"))
        .anySatisfy(e -> assertThat(e.after()).isEqualTo("published"));
  }

  @Test
  void aPublishedArticleIsRenderedSanitizedAttributedToTheSiteAndListed() {
    HttpResponse<String> published =
        editor.post(
            "/staff/articles/new",
            Map.of(
                "headline", "Council agrees a new bus timetable",
                "summary", "Buses every ten minutes from March.",
                "body", MARKDOWN,
                "authors", "Nadia Farouk, Tomás Ortega",
                "section", "world",
                "tags", "Transport, Council",
                "action", "publish"));
    assertThat(published.statusCode()).isEqualTo(303);
    String at = published.headers().firstValue("location").orElseThrow();
    assertThat(at).isEqualTo("/articles/council-agrees-a-new-bus-timetable");
    site.app().applyContentChanges();

    String html = site.newVisitor().get(at).body();
    Document page = Jsoup.parse(html);
    Element story = page.selectFirst("article.story");
    assertThat(story.selectFirst("h1").text()).isEqualTo("Council agrees a new bus timetable");
    assertThat(story.selectFirst(".byline").text()).isEqualTo("By Nadia Farouk and Tomás Ortega");
    assertThat(story.selectFirst(".attribution").text())
        .isEqualTo("From " + page.selectFirst(".site-name").text());
    assertThat(story.select(".story-body strong").text()).isEqualTo("Monday");
    assertThat(story.select(".story-body h2").text()).isEqualTo("What changes");
    assertThat(story.select(".story-body li")).hasSize(2);
    assertThat(story.selectFirst(".story-body a[href=https://maps.example/route]")).isNotNull();
    assertThat(html)
        .doesNotContain("alert(")
        .doesNotContain("onerror")
        .doesNotContain("javascript:");
    assertThat(story.select(".tags a").eachText())
        .containsExactlyInAnyOrder("Transport", "Council");
    assertThat(
            site.sqlOne(
                Integer.class,
                "SELECT count(*) FROM articles a WHERE a.slug = ? AND a.source_id IS NULL",
                "council-agrees-a-new-bus-timetable"))
        .isOne();

    assertThat(Jsoup.parse(site.newVisitor().get("/").body()).select("main a[href=" + at + "]"))
        .isNotEmpty();
    assertThat(
            Jsoup.parse(site.newVisitor().get("/sections/world").body())
                .select("main a[href=" + at + "]"))
        .isNotEmpty();
    assertThat(site.newVisitor().get("/sections/world/rss.xml").body())
        .contains("Council agrees a new bus timetable");
    assertThat(audit("article.write"))
        .anySatisfy(
            e -> {
              assertThat(e.subject()).isEqualTo("Article ‘Council agrees a new bus timetable’");
              assertThat(e.after()).startsWith("published at " + at);
            });
  }

  @Test
  void previewShowsTheArticleAsReadersWillSeeItKeepsTheFormAndStoresNothing() {
    int articles = site.sqlOne(Integer.class, "SELECT count(*) FROM articles");
    HttpResponse<String> preview =
        editor.post(
            "/staff/articles/new",
            Map.of(
                "headline", "A preview only",
                "body", MARKDOWN,
                "authors", "Nadia Farouk",
                "section", "syndicated-news",
                "tags", "Draft ideas",
                "action", "preview"));
    assertThat(preview.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(preview.body());
    Element story = page.selectFirst("article.story.preview");
    assertThat(story.selectFirst(".preview-headline").text()).isEqualTo("A preview only");
    assertThat(story.selectFirst(".kicker").text()).isEqualTo("Syndicated News");
    assertThat(story.selectFirst(".byline").text()).isEqualTo("By Nadia Farouk");
    assertThat(story.select(".story-body strong").text()).isEqualTo("Monday");
    assertThat(story.html()).doesNotContain("alert(").doesNotContain("onerror");
    assertThat(page.select("script")).allSatisfy(s -> assertThat(s.html()).doesNotContain("alert"));
    assertThat(page.selectFirst("#headline").val()).isEqualTo("A preview only");
    assertThat(page.selectFirst("#body").text()).contains("**Monday**").contains("<script>");
    assertThat(page.selectFirst("#section option[selected]").val()).isEqualTo("syndicated-news");
    assertThat(page.selectFirst("#tags").val()).isEqualTo("Draft ideas");
    assertThat(site.sqlOne(Integer.class, "SELECT count(*) FROM articles")).isEqualTo(articles);
  }

  @Test
  void aDraftIsStoredButReadersDoNotSeeIt() {
    HttpResponse<String> saved =
        editor.post(
            "/staff/articles/new",
            Map.of(
                "headline",
                "Not ready yet",
                "body",
                "Half a thought.",
                "section",
                "world",
                "action",
                "draft"));
    assertThat(saved.statusCode()).isEqualTo(303);
    String id = site.sqlOne(String.class, "SELECT id FROM articles WHERE slug = 'not-ready-yet'");
    assertThat(saved.headers().firstValue("location")).hasValue("/staff/articles/new?draft=" + id);
    assertThat(site.sqlOne(String.class, "SELECT status FROM articles WHERE id = ?", id))
        .isEqualTo("draft");
    site.app().applyContentChanges();
    assertThat(site.newVisitor().get("/articles/not-ready-yet").statusCode()).isEqualTo(404);
    assertThat(site.newVisitor().get("/").body()).doesNotContain("Not ready yet");
    assertThat(
            Jsoup.parse(editor.get("/staff/articles/new?draft=" + id).body())
                .selectFirst(".notice")
                .text())
        .contains("draft");
  }

  @Test
  void anArticleAtFaultAnswers400NamingTheFieldAndKeepsWhatWasTyped() {
    HttpResponse<String> noHeadline =
        editor.post(
            "/staff/articles/new",
            Map.of(
                "headline", " ", "body", "Typed *text*", "section", "world", "action", "publish"));
    assertThat(noHeadline.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(noHeadline.body());
    assertThat(d.selectFirst("#headline-error").text()).startsWith("Headline");
    assertThat(d.selectFirst("#body").text()).isEqualTo("Typed *text*");

    HttpResponse<String> noSection =
        editor.post(
            "/staff/articles/new",
            Map.of("headline", "Where", "body", "Text", "section", "no-such", "action", "publish"));
    assertThat(noSection.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(noSection.body()).selectFirst("#section-error").text())
        .startsWith("Section");
    assertThat(
            editor
                .post(
                    "/staff/articles/new",
                    Map.of(
                        "headline", "What", "body", "Text", "section", "world", "action", "shout"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            site.sqlOne(
                Integer.class, "SELECT count(*) FROM articles WHERE headline IN ('Where', 'What')"))
        .isZero();
  }

  @Test
  void thePagesAreValidHtmlWithAndWithoutErrorsAndPreview() throws Exception {
    create("Validity", "validity");
    pressroom.testing.HtmlChecker checker = new pressroom.testing.HtmlChecker();
    List<String> pages =
        List.of(
            editor.get("/staff/sections").body(),
            editor
                .post("/staff/sections", Map.of("name", "", "slug", "Bad!", "description", ""))
                .body(),
            editor.get("/staff/articles/new").body(),
            editor
                .post(
                    "/staff/articles/new",
                    Map.of(
                        "headline", "Valid",
                        "body", MARKDOWN,
                        "authors", "A. Writer",
                        "section", "world",
                        "tags", "One, Two",
                        "action", "preview"))
                .body(),
            editor
                .post(
                    "/staff/articles/new",
                    Map.of("headline", "", "body", "", "section", "", "action", "publish"))
                .body());
    for (String page : pages) {
      assertThat(checker.errors(page)).as(Jsoup.parse(page).title()).isEmpty();
    }
  }

  // ---- helpers

  /** A new section through the page; its id. */
  String create(String name, String slug) {
    assertThat(
            editor
                .post("/staff/sections", Map.of("name", name, "slug", slug, "description", ""))
                .statusCode())
        .isEqualTo(303);
    site.app().applyContentChanges();
    return site.sqlOne(String.class, "SELECT id FROM sections WHERE slug = ?", slug);
  }

  String editorHome() {
    return editor.get("/").body();
  }

  static List<String> navigation(String html) {
    return Jsoup.parse(html).select("nav[aria-label=Sections] a").eachText();
  }

  List<AuditLog.Entry> audit(String action) {
    return site.app()
        .auditLog()
        .find(new AuditLog.Filter(null, action, null, null, null), null, 100);
  }
}
