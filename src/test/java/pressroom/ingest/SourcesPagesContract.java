package pressroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pressroom.articles.SeoPolicy;
import pressroom.audit.AuditLog;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.FeedSource;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;
import pressroom.testing.HtmlChecker;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;
import pressroom.testing.TestFeeds.RssItem;
import pressroom.web.Access.Role;

/**
 * Issue 14: partner feeds managed from the browser — add, test, edit, remove — over HTTP, with the
 * rules of the command line, nothing stored by a test of a feed, and every action in the audit log;
 * one subclass per database. Dates show in the site's zone (Tokyo here, to tell it from UTC).
 */
// The poller looks for due sources once an hour: a fetch here is the test's own, never the
// poller's.
@RunningSite(
    settings = {
      "PRESSROOM_INGEST_ALLOW_PRIVATE=true",
      "PRESSROOM_TIME_ZONE=Asia/Tokyo",
      "PRESSROOM_INGEST_CHECK_SECONDS=3600"
    })
abstract class SourcesPagesContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet editing room";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  TestApp site;
  TestApp.Visitor editor;
  FakePublisher partner;
  HtmlChecker html;
  int counter;

  @BeforeAll
  void start() throws Exception {
    site.app().sections().createSection("world", "World", "", 0);
    editor = site.signedInNewAccount("desk.editor", PASSWORD, Role.EDITOR);
    html = new HtmlChecker();
  }

  @BeforeEach
  void partner() {
    partner = FakePublisher.start();
  }

  @AfterEach
  void closePartner() {
    partner.close();
  }

  String unique(String name) {
    return name + " " + (++counter);
  }

  /** A valid form for a feed at {@code path} on the partner, with {@code changes} on top. */
  Map<String, String> form(String name, String path, String... changes) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("url", partner.url(path).toString());
    f.put("section", "World");
    f.put("format", "auto");
    f.put("interval", "15m");
    f.put("attribution", "");
    f.put("homeUrl", "");
    f.put("priority", "0");
    f.put("policy", "canonical");
    f.put("expireAfterDays", "0");
    f.put("headers", "");
    for (int i = 0; i < changes.length; i += 2) {
      if (changes[i + 1] == null) {
        f.remove(changes[i]);
      } else {
        f.put(changes[i], changes[i + 1]);
      }
    }
    return f;
  }

  FeedSource byName(String name) {
    return site.app().sources().findByName(name).orElseThrow();
  }

  List<AuditLog.Entry> audit(String action, String subjectContains) {
    return site.app().auditLog().find(AuditLog.Filter.ANY, null, 500).stream()
        .filter(e -> e.action().equals(action) && e.subject().contains(subjectContains))
        .toList();
  }

  void assertValid(String what, String body) throws Exception {
    assertThat(html.errors(body)).as("HTML errors in " + what).isEmpty();
  }

  String rss(RssItem... items) {
    return TestFeeds.rss(items);
  }

  RssItem story(String guid, String title, Instant published) {
    return new RssItem(guid, title, "Jane Roe", "<p>The text of " + guid + ".</p>", published);
  }

  @Test
  void anEditorAddsASourceWithEverySettingOfTheCommandLine() throws Exception {
    HttpResponse<String> blank = editor.get("/staff/sources/new");
    assertThat(blank.statusCode()).isEqualTo(200);
    assertValid("the new source form", blank.body());
    Document page = Jsoup.parse(blank.body());
    for (String field :
        List.of(
            "name",
            "url",
            "section",
            "format",
            "interval",
            "attribution",
            "homeUrl",
            "priority",
            "policy",
            "summaryOnly",
            "expireAfterDays",
            "headers")) {
      assertThat(page.getElementById(field)).as(field).isNotNull();
      assertThat(page.select("label[for=" + field + "]")).as("label of " + field).hasSize(1);
    }
    assertThat(page.getElementById("interval").val()).isEqualTo("15m");

    String name = unique("Harbour Wire");
    HttpResponse<String> saved =
        editor.post(
            "/staff/sources/new",
            form(
                name,
                "/harbour.xml",
                "format",
                "rss",
                "interval",
                "1h30m",
                "attribution",
                "Republished under licence from Harbour Wire.",
                "homeUrl",
                "https://harbour.example/",
                "priority",
                "4",
                "policy",
                "noindex",
                "summaryOnly",
                "on",
                "expireAfterDays",
                "30",
                "headers",
                "X-Api-Key: secret-key-123\r\nX-Client: pressroom",
                "section",
                "Business Desk"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location")).contains("/staff/sources?done=added");

    FeedSource s = byName(name);
    assertThat(s.feedUrl()).isEqualTo(partner.url("/harbour.xml").toString());
    assertThat(s.format()).isEqualTo(FeedFormat.RSS);
    assertThat(s.interval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(s.attribution()).isEqualTo("Republished under licence from Harbour Wire.");
    assertThat(s.homeUrl()).isEqualTo("https://harbour.example/");
    assertThat(s.priority()).isEqualTo(4);
    assertThat(s.seoPolicy()).isEqualTo(SeoPolicy.NOINDEX);
    assertThat(s.fullText()).isFalse();
    assertThat(s.expireAfterDays()).isEqualTo(30);
    assertThat(s.sectionSlug()).isEqualTo("business-desk"); // a new section, as the CLI makes one
    assertThat(s.requestHeaders())
        .isEqualTo(Map.of("X-Api-Key", "secret-key-123", "X-Client", "pressroom"));

    List<AuditLog.Entry> added = audit("source.add", name);
    assertThat(added).hasSize(1);
    assertThat(added.get(0).actorUserId()).isEqualTo("desk.editor");
    assertThat(added.get(0).after())
        .contains("interval: 1h30m", "request headers: X-Api-Key, X-Client", "priority: 4")
        .doesNotContain("secret-key-123");

    HttpResponse<String> list = editor.get("/staff/sources?done=added");
    assertValid("the sources list", list.body());
    assertThat(Jsoup.parse(list.body()).select(".notice").text()).contains("was added");
    assertThat(list.body()).doesNotContain("secret-key-123");
    // The edit form never shows a secret header, only that there are some.
    String edit = editor.get("/staff/sources/" + s.id() + "/edit").body();
    assertValid("the edit form", edit);
    assertThat(edit).doesNotContain("secret-key-123").contains("X-Api-Key");
  }

  @Test
  void invalidSettingsAnswer400NamingEachFieldAndKeepWhatWasTyped() throws Exception {
    int before = site.app().sources().list().size();
    HttpResponse<String> r =
        editor.post(
            "/staff/sources/new",
            form(
                "",
                "/x.xml",
                "url",
                "ftp://wire.example/feed",
                "section",
                "",
                "interval",
                "soon",
                "priority",
                "high",
                "expireAfterDays",
                "-2",
                "homeUrl",
                "javascript:alert(1)",
                "headers",
                "Bearer abc"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertValid("the form with errors", r.body());
    Document page = Jsoup.parse(r.body());
    assertThat(page.title()).startsWith("Error: 8 problems");
    Map<String, String> expected =
        Map.of(
            "name", "The name is empty.",
            "url", "neither an http(s) URL nor a local file or folder",
            "section", "The section is empty.",
            "interval", "'soon' is not a duration such as 15m, 1h or 1h30m",
            "priority", "'high' is not a whole number",
            "expireAfterDays", "Days until removal cannot be negative.",
            "homeUrl", "'javascript:alert(1)' is not an http(s) URL",
            "headers", "'Bearer abc…' is not NAME:VALUE");
    expected.forEach(
        (field, message) -> {
          Element input = page.getElementById(field);
          assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
          assertThat(page.getElementById(field + "-error").text()).as(field).contains(message);
          assertThat(input.attr("aria-describedby")).as(field).contains(field + "-error");
        });
    // The focus goes to the first bad field; the summary links to each.
    assertThat(page.select("[autofocus]")).hasSize(1);
    assertThat(page.select("[autofocus]").attr("id")).isEqualTo("name");
    assertThat(page.select(".error-summary a")).hasSize(8);
    // What was typed stays.
    assertThat(page.getElementById("interval").val()).isEqualTo("soon");
    assertThat(page.getElementById("url").val()).isEqualTo("ftp://wire.example/feed");
    assertThat(page.getElementById("priority").val()).isEqualTo("high");
    assertThat(page.getElementById("headers").text()).isEqualTo("Bearer abc");
    assertThat(page.getElementById("format").attr("aria-invalid")).isEmpty();
    assertThat(site.app().sources().list()).hasSize(before);

    // A local file is the command line's; from the browser only a web address is taken.
    HttpResponse<String> local =
        editor.post("/staff/sources/new", form(unique("Local"), "/x.xml", "url", "/etc/passwd"));
    assertThat(local.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(local.body()).getElementById("url-error").text())
        .contains("command line only");
    // The interval's lower limit is the command line's too.
    HttpResponse<String> fast =
        editor.post("/staff/sources/new", form(unique("Fast"), "/x.xml", "interval", "30s"));
    assertThat(fast.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(fast.body()).getElementById("interval-error").text())
        .isEqualTo("The polling interval must be at least 1 minute.");
    assertThat(site.app().sources().list()).hasSize(before);
    assertThat(partner.totalRequests()).isZero();
  }

  @Test
  void testingAFeedShowsItsItemsAsTheyWouldBePublishedAndStoresNothing() throws Exception {
    RssItem[] items = new RssItem[14];
    for (int i = 0; i < 11; i++) {
      items[i] = story("p-" + i, "Preview story number " + i, NOW.minusSeconds(3600L * (i + 1)));
    }
    items[11] = story("p-old", "A story from last season", NOW.minus(Duration.ofDays(60)));
    items[12] = story("p-3", "Preview story number 3 repeated", NOW.minusSeconds(60));
    items[13] = new RssItem("p-untitled", "", "Jane Roe", "<p>Words.</p>", NOW);
    partner.serve("/preview.xml", rss(items), "application/rss+xml");
    String name = unique("Preview Wire");
    int sourcesBefore = site.app().sources().list().size();
    int articlesBefore = site.sqlOne(Integer.class, "SELECT count(*) FROM articles");

    HttpResponse<String> r =
        editor.post(
            "/staff/sources/new",
            form(
                name,
                "/preview.xml",
                "action",
                "preview",
                "expireAfterDays",
                "30",
                "attribution",
                "Republished under licence."));
    assertThat(r.statusCode()).isEqualTo(200);
    assertValid("the preview", r.body());
    Document page = Jsoup.parse(r.body());
    assertThat(page.select(".feed-preview .notice").text())
        .contains("11 items would be published", "3 skipped", "Nothing has been stored");
    List<String> shown = page.select(".preview-items .item-title").eachText();
    assertThat(shown).hasSize(10);
    assertThat(shown.get(0)).isEqualTo("Preview story number 0");
    // An item listed twice (same guid and link) is shown once.
    assertThat(shown).containsOnlyOnce("Preview story number 3");
    Element first = page.selectFirst(".preview-items li");
    assertThat(first.select(".byline").text()).isEqualTo("By Jane Roe");
    assertThat(first.select(".dateline").text()).contains("JST", "in World");
    assertThat(first.select(".attribution").text())
        .contains("From " + name, "Republished under licence.");
    assertThat(first.select(".licence").text())
        .contains("Full text", "removed 30 days after publication");
    List<String> skipped = page.select(".preview-skipped li").eachText();
    assertThat(skipped)
        .anySatisfy(s -> assertThat(s).contains("item 13: repeats item 4"))
        .anySatisfy(s -> assertThat(s).contains("A story from last season", "too old"))
        .anySatisfy(s -> assertThat(s).contains("no title", "p-untitled"));
    // The form comes back as typed, with a way to save what was tested.
    assertThat(page.getElementById("name").val()).isEqualTo(name);
    assertThat(page.select("button[form=source-form][value=save]")).hasSize(1);

    assertThat(partner.requests("/preview.xml")).isEqualTo(1);
    assertThat(site.app().sources().list()).hasSize(sourcesBefore);
    assertThat(site.sqlOne(Integer.class, "SELECT count(*) FROM articles"))
        .isEqualTo(articlesBefore);
  }

  @Test
  void aFeedThatCannotBeReadIsNamedWithItsProblem() throws Exception {
    partner.respond("/missing.xml", Response.status(404));
    partner.serve(
        "/page.html", "<!DOCTYPE html><html><body><p>Hello</p></body></html>", "text/html");
    partner.respond("/busy.xml", Response.status(503).withHeader("Retry-After", "120"));
    Map<String, String> cases =
        Map.of(
            "/missing.xml", "HTTP 404 from the server (nothing at this address)",
            "/page.html", "not a feed Pressroom can read",
            "/busy.xml", "HTTP 503: the partner asked us to come back later (after 120 s)");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r =
          editor.post(
              "/staff/sources/new", form(unique("Broken"), c.getKey(), "action", "preview"));
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(200);
      assertValid("a failed test of " + c.getKey(), r.body());
      assertThat(Jsoup.parse(r.body()).select(".feed-preview [role=alert]").text())
          .as(c.getKey())
          .startsWith("The feed could not be read:")
          .contains(c.getValue());
    }
  }

  @Test
  void anEditorEditsASourceAndTheAuditLogKeepsWhatChanged() throws Exception {
    partner.serve(
        "/edit.xml", rss(story("e-1", "Edited wire's story", NOW)), "application/rss+xml");
    String name = unique("Edit Wire");
    editor.post(
        "/staff/sources/new",
        form(name, "/edit.xml", "headers", "X-Api-Key: secret-key-456", "priority", "1"));
    FeedSource s = byName(name);

    Document form = Jsoup.parse(editor.get("/staff/sources/" + s.id() + "/edit").body());
    assertThat(form.getElementById("name").val()).isEqualTo(name);
    assertThat(form.getElementById("url").val()).isEqualTo(s.feedUrl());
    assertThat(form.getElementById("section").val()).isEqualTo("World");
    assertThat(form.getElementById("interval").val()).isEqualTo("15m");
    assertThat(form.getElementById("priority").val()).isEqualTo("1");
    assertThat(form.getElementById("headers").text()).isEmpty();

    // Testing from the edit form sends the kept headers and stores nothing.
    HttpResponse<String> tested =
        editor.post(
            "/staff/sources/" + s.id() + "/edit",
            form(name, "/edit.xml", "interval", "1h", "action", "preview"));
    assertThat(tested.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(tested.body()).select(".preview-items .item-title").eachText())
        .containsExactly("Edited wire's story");
    assertThat(partner.lastHeaders("/edit.xml")).containsEntry("X-Api-Key", "secret-key-456");
    assertThat(byName(name).interval()).isEqualTo(Duration.ofMinutes(15));

    // A bad edit is refused like a bad addition, and changes nothing.
    HttpResponse<String> bad =
        editor.post("/staff/sources/" + s.id() + "/edit", form("", "/edit.xml"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).getElementById("name").attr("aria-invalid"))
        .isEqualTo("true");

    String renamed = unique("Edit Wire renamed");
    HttpResponse<String> saved =
        editor.post(
            "/staff/sources/" + s.id() + "/edit",
            form(renamed, "/edit.xml", "interval", "1h", "summaryOnly", "on", "priority", "1"));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location")).contains("/staff/sources?done=saved");
    FeedSource after = site.app().sources().find(s.id()).orElseThrow();
    assertThat(after.name()).isEqualTo(renamed);
    assertThat(after.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(after.fullText()).isFalse();
    assertThat(after.requestHeaders()).containsEntry("X-Api-Key", "secret-key-456");

    List<AuditLog.Entry> edits = audit("source.edit", s.id());
    assertThat(edits).hasSize(1);
    // An empty attribution is "From <name>.", so it follows the new name.
    assertThat(edits.get(0).before())
        .isEqualTo(
            "name: "
                + name
                + "\nattribution: From "
                + name
                + ".\ninterval: 15m\ncontent: full text");
    assertThat(edits.get(0).after())
        .isEqualTo(
            "name: "
                + renamed
                + "\nattribution: From "
                + renamed
                + ".\ninterval: 1h\ncontent: summary only");

    // The headers go only when asked to.
    editor.post(
        "/staff/sources/" + s.id() + "/edit",
        form(
            renamed,
            "/edit.xml",
            "interval",
            "1h",
            "summaryOnly",
            "on",
            "priority",
            "1",
            "clearHeaders",
            "on"));
    assertThat(site.app().sources().find(s.id()).orElseThrow().requestHeaders()).isEmpty();
    assertThat(audit("source.edit", s.id()).get(0).after()).isEqualTo("request headers: none");
    assertThat(editor.get("/staff/sources/no-such-source/edit").statusCode()).isEqualTo(404);
  }

  @Test
  void storedHeadersGoOnlyToTheOriginTheyWereGivenFor() throws Exception {
    partner.serve("/keyed.xml", rss(story("k-1", "Keyed story", NOW)), "application/rss+xml");
    partner.serve("/moved.xml", rss(story("k-2", "Moved story", NOW)), "application/rss+xml");
    String name = unique("Keyed Wire");
    editor.post(
        "/staff/sources/new", form(name, "/keyed.xml", "headers", "Authorization: Bearer k-789"));
    FeedSource s = byName(name);
    String edit = "/staff/sources/" + s.id() + "/edit";

    // Another path on the same host and port: the key still goes.
    HttpResponse<String> sameHost =
        editor.post(edit, form(name, "/moved.xml", "action", "preview"));
    assertThat(sameHost.statusCode()).isEqualTo(200);
    assertThat(partner.lastHeaders("/moved.xml")).containsEntry("Authorization", "Bearer k-789");
    assertThat(Jsoup.parse(sameHost.body()).getElementById("headers-dropped")).isNull();

    // Another port (a different server): the key stays behind, and the page says so.
    try (FakePublisher elsewhere = FakePublisher.start()) {
      elsewhere.serve("/grab.xml", rss(story("k-3", "Elsewhere", NOW)), "application/rss+xml");
      Map<String, String> moved = form(name, "/keyed.xml", "action", "preview");
      moved.put("url", elsewhere.url("/grab.xml").toString());
      HttpResponse<String> tested = editor.post(edit, moved);
      assertThat(tested.statusCode()).isEqualTo(200);
      assertThat(elsewhere.requests("/grab.xml")).isEqualTo(1);
      assertThat(elsewhere.lastHeaders("/grab.xml")).doesNotContainKey("Authorization");
      assertThat(Jsoup.parse(tested.body()).getElementById("headers-dropped").text())
          .contains("not carried to the new address");

      moved.put("action", "save");
      HttpResponse<String> saved = editor.post(edit, moved);
      assertThat(saved.headers().firstValue("Location"))
          .contains("/staff/sources?done=saved-without-headers");
      assertThat(site.app().sources().find(s.id()).orElseThrow().requestHeaders()).isEmpty();
      assertThat(editor.get("/staff/sources?done=saved-without-headers").body())
          .contains("not carried to the new address");
    }
  }

  @Test
  void aFeedFileAddedOnTheCommandLineKeepsItsPathWhenEditedHere() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("wire", ".xml");
    java.nio.file.Files.writeString(file, rss(story("f-1", "A story from a file", NOW)));
    String name = unique("File Wire");
    String id =
        site.app()
            .sources()
            .add(
                new pressroom.ingest.sources.SourceSettings(
                        name,
                        file.toString(),
                        "World",
                        "auto",
                        "1h",
                        "0",
                        null,
                        null,
                        "0",
                        "canonical",
                        false,
                        List.of())
                    .toNewSource(true));
    assertThat(editor.get("/staff/sources/" + id + "/edit").statusCode()).isEqualTo(200);
    HttpResponse<String> kept =
        editor.post(
            "/staff/sources/" + id + "/edit",
            form(name, "/unused", "url", file.toString(), "interval", "2h"));
    assertThat(kept.statusCode()).isEqualTo(303);
    assertThat(site.app().sources().find(id).orElseThrow().interval())
        .isEqualTo(Duration.ofHours(2));
    HttpResponse<String> other =
        editor.post("/staff/sources/" + id + "/edit", form(name, "/unused", "url", "/etc/passwd"));
    assertThat(other.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(other.body()).getElementById("url-error").text())
        .contains("command line only");
    assertThat(site.app().sources().find(id).orElseThrow().feedUrl()).isEqualTo(file.toString());
  }

  @Test
  void removingASourceShowsWhatItWithdrawsFirst() throws Exception {
    partner.serve(
        "/gone.xml",
        rss(
            story("g-1", "Harbour reopens after the storm", NOW.minusSeconds(600)),
            story("g-2", "Ferries run again", NOW.minusSeconds(300))),
        "application/rss+xml");
    String name = unique("Remove Wire");
    editor.post("/staff/sources/new", form(name, "/gone.xml"));
    FeedSource s = byName(name);
    HttpResponse<String> fetched = editor.post("/staff/sources/" + s.id() + "/fetch", Map.of());
    assertThat(fetched.statusCode()).isEqualTo(303);
    assertThat(fetched.headers().firstValue("Location"))
        .contains("/staff/sources?done=fetched&id=" + s.id());
    assertThat(audit("source.fetch", s.id()).get(0).after()).contains(name + ": 2 new");
    String slug =
        site.sqlOne(
            String.class,
            "SELECT slug FROM articles WHERE source_id = ? AND source_guid = 'g-2'",
            s.id());
    assertThat(site.get("/articles/" + slug).statusCode()).isEqualTo(200);

    // The list shows what the fetch did.
    Document list = Jsoup.parse(editor.get("/staff/sources").body());
    Element row = list.selectFirst("tr:has(th:contains(" + name + "))");
    assertThat(row.select(".last-run").text()).contains("2 new, 0 updated");

    HttpResponse<String> confirm = editor.get("/staff/sources/" + s.id() + "/remove");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertValid("the removal page", confirm.body());
    Document page = Jsoup.parse(confirm.body());
    assertThat(page.select(".notice").text()).contains("withdraws 2 published articles", "410");
    assertThat(page.select("ul.withdrawn li").eachText())
        .hasSize(2)
        .first()
        .asString()
        .contains("Ferries run again");
    assertThat(page.select("form button").text()).contains("and withdraw 2 articles");
    // Nothing happened yet.
    assertThat(site.get("/articles/" + slug).statusCode()).isEqualTo(200);

    HttpResponse<String> removed = editor.post("/staff/sources/" + s.id() + "/remove", Map.of());
    assertThat(removed.statusCode()).isEqualTo(303);
    assertThat(removed.headers().firstValue("Location"))
        .contains("/staff/sources?done=removed&withdrawn=2");
    site.app().applyContentChanges();
    assertThat(site.get("/articles/" + slug).statusCode()).isEqualTo(410);
    assertThat(site.app().sources().find(s.id())).isEmpty();
    assertThat(
            Jsoup.parse(editor.get("/staff/sources?done=removed&withdrawn=2").body())
                .select(".notice")
                .text())
        .contains("2 articles were withdrawn");
    assertThat(audit("source.remove", s.id()).get(0).after())
        .isEqualTo("removed; 2 articles withdrawn");
    assertThat(editor.get("/staff/sources/" + s.id() + "/remove").statusCode()).isEqualTo(404);
    assertThat(editor.post("/staff/sources/" + s.id() + "/remove", Map.of()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void disablingEnablingAndFetchingAreInTheAuditLog() {
    partner.serve("/state.xml", rss(story("s-1", "State story", NOW)), "application/rss+xml");
    String name = unique("State Wire");
    editor.post("/staff/sources/new", form(name, "/state.xml"));
    FeedSource s = byName(name);
    assertThat(editor.post("/staff/sources/" + s.id() + "/disable", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(editor.post("/staff/sources/" + s.id() + "/enable", Map.of()).statusCode())
        .isEqualTo(303);
    AuditLog.Entry disabled = audit("source.disable", s.id()).get(0);
    assertThat(disabled.before()).isEqualTo("active");
    assertThat(disabled.after()).isEqualTo("disabled");
    AuditLog.Entry enabled = audit("source.enable", s.id()).get(0);
    assertThat(enabled.before()).isEqualTo("disabled");
    assertThat(enabled.after()).isEqualTo("active");
    assertThat(enabled.actorName()).isNotBlank();
    assertThat(editor.post("/staff/sources/no-such-source/disable", Map.of()).statusCode())
        .isEqualTo(404);

    // Fetch now says what happened, a failure too.
    partner.respond("/down.xml", Response.status(500));
    String down = unique("Down Wire");
    editor.post("/staff/sources/new", form(down, "/down.xml"));
    String downId = byName(down).id();
    HttpResponse<String> failed = editor.post("/staff/sources/" + downId + "/fetch", Map.of());
    String notice =
        Jsoup.parse(editor.get(failed.headers().firstValue("Location").orElseThrow()).body())
            .select(".notice")
            .text();
    assertThat(notice).isEqualTo("Fetching " + down + " failed: HTTP 500 from the server");
    assertThat(audit("source.fetch", downId).get(0).after()).contains("FAILED — HTTP 500");
  }

  /**
   * Refused: 403 for a signed-in reader or moderator; anonymous visitors may be sent to sign in.
   */
  static void assertRefused(HttpResponse<String> r, String what) {
    assertThat(r.statusCode()).as(what).isIn(403, 302, 303);
    if (r.statusCode() != 403) {
      assertThat(r.headers().firstValue("Location"))
          .as(what)
          .hasValueSatisfying(l -> assertThat(l).contains("/signin"));
    }
  }

  @Test
  void onlyEditorsAndAdminsMayManageSources() {
    partner.serve("/perm.xml", rss(story("m-1", "Permission story", NOW)), "application/rss+xml");
    String name = unique("Permission Wire");
    editor.post("/staff/sources/new", form(name, "/perm.xml"));
    FeedSource s = byName(name);
    TestApp.Visitor moderator =
        site.signedInNewAccount("desk.moderator" + counter, PASSWORD, Role.MODERATOR);
    TestApp.Visitor reader = site.signedInNewAccount("a.reader" + counter, PASSWORD, Role.READER);
    TestApp.Visitor admin = site.signedInNewAccount("the.admin" + counter, PASSWORD, Role.ADMIN);
    for (TestApp.Visitor signedIn : List.of(moderator, reader)) {
      assertThat(signedIn.get("/staff/sources/new").statusCode()).isEqualTo(403);
      assertThat(signedIn.get("/staff/sources/" + s.id() + "/remove").statusCode()).isEqualTo(403);
    }
    for (TestApp.Visitor refused : List.of(moderator, reader, site.newVisitor())) {
      assertRefused(refused.get("/staff/sources/new"), "GET new");
      assertRefused(
          refused.post("/staff/sources/new", form(unique("Sneaky"), "/perm.xml")), "POST new");
      assertRefused(refused.get("/staff/sources/" + s.id() + "/edit"), "GET edit");
      assertRefused(
          refused.post("/staff/sources/" + s.id() + "/edit", form("Taken", "/perm.xml")),
          "POST edit");
      assertRefused(refused.get("/staff/sources/" + s.id() + "/remove"), "GET remove");
      assertRefused(refused.post("/staff/sources/" + s.id() + "/remove", Map.of()), "POST remove");
    }
    assertThat(byName(name).name()).isEqualTo(name);
    assertThat(site.app().sources().findByName("Taken")).isEmpty();
    assertThat(site.app().sources().list()).noneMatch(x -> x.name().startsWith("Sneaky"));
    assertThat(site.app().sources().find(s.id())).isPresent();
    assertThat(admin.get("/staff/sources/" + s.id() + "/edit").statusCode()).isEqualTo(200);
    // A form posted without its token is refused, whoever sends it.
    assertThat(
            editor
                .postRaw("/staff/sources/new", form(unique("No token"), "/perm.xml"))
                .statusCode())
        .isEqualTo(403);
  }
}
