package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.HtmlChecker;
import pressroom.testing.MailCatcher;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** Every kind of page the site serves passes the Nu Html Checker. */
// Indexed, so the search pages below show results and filters.
@RunningSite(indexed = true)
class ValidHtmlTest {
  TestApp site;
  Fixtures f;
  HtmlChecker checker;
  MailCatcher mail;

  @BeforeAll
  void start() throws Exception {
    checker = new HtmlChecker();
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    List<String> paths =
        List.of(
            "/",
            "/sections/syndicated-news",
            "/articles/" + f.wire.slug(),
            "/articles/" + f.noindex.slug(),
            "/articles/" + f.arabic.slug(),
            "/authors/jane-roe",
            "/tags/ports",
            "/no-such-page",
            "/register",
            "/signin",
            "/recover",
            "/sections/world?page=x",
            "/search?q=summary",
            "/search?q=summary&section=world&within=year&from=2020-01-01",
            "/search?q=zeppelin",
            "/search?q=x&from=never");
    for (String path : paths) {
      HttpResponse<String> r = site.get(path);
      assertThat(checker.errors(r.body())).as("HTML errors in " + path).isEmpty();
    }
  }

  /** The account forms with their problems marked, the confirmation step, a reader's own pages. */
  @Test
  void formsWithProblemsAndAReadersOwnPagesAreValidHtml() throws Exception {
    var v = site.newVisitor();
    Map<String, HttpResponse<String>> pages = new java.util.LinkedHashMap<>();
    pages.put("register with problems", v.post("/register", Map.of("email", "not an address")));
    pages.put("sign-in refused", v.post("/signin", Map.of("login", "nobody", "password", "x")));
    pages.put("recover with nothing", v.post("/recover", Map.of()));
    int before = mail.count("valid.html@mail.example");
    v.post(
        "/register",
        Map.of(
            "userId", "valid.html",
            "email", "valid.html@mail.example",
            "password", "a page with no errors",
            "return", "/articles/" + f.wire.slug()));
    String link = MailCatcher.link(mail.awaitMail("valid.html@mail.example", before), "/verify");
    pages.put("confirm", v.get(link.substring(TestApp.BASE_URL.length())));
    var reader = site.signedInNewAccount("valid.reader", "a page with no errors", Role.READER);
    reader.post("/articles/" + f.arabic.slug() + "/bookmark", Map.of("action", "add"));
    pages.put("reading list", reader.get("/reading-list"));
    pages.put("profile", reader.get("/profile"));
    pages.put("profile with a problem", reader.post("/profile/email", Map.of("email", "x")));
    pages.put("search signed in", reader.get("/search?q=summary&from=6+December+2026"));
    for (var page : pages.entrySet()) {
      assertThat(checker.errors(page.getValue().body()))
          .as("HTML errors in " + page.getKey())
          .isEmpty();
    }
  }

  /** What only a signed-in reader sees: the composer, comment actions, their lists and forms. */
  @Test
  void everySignedInReaderPageIsValidHtml() throws Exception {
    TestApp.Visitor desk =
        site.signedInNewAccount("valid.desk", "a quiet valid room", Role.MODERATOR);
    TestApp.Visitor reader =
        site.signedInNewAccount("valid.commenter", "a quiet valid room", Role.READER);
    String comments = "/articles/" + f.wire.slug() + "/comments";
    reader.post(comments, java.util.Map.of("body", "A reader's first comment."));
    for (String id : site.pendingCommentIds()) {
      desk.post("/staff/moderation/" + id + "/approve", java.util.Map.of());
    }
    desk.post(comments, java.util.Map.of("body", "The desk answers."));
    reader.post("/articles/" + f.wire.slug() + "/bookmark", java.util.Map.of("action", "add"));
    reader.post("/articles/" + f.arabic.slug() + "/bookmark", java.util.Map.of("action", "add"));
    String commentId =
        site.sqlOne(String.class, "SELECT id FROM comments WHERE body LIKE 'The desk answers%'");
    for (String path :
        List.of(
            "/",
            "/articles/" + f.wire.slug(),
            "/articles/" + f.wire.slug() + "?sort=newest",
            "/comments/" + commentId + "/reply",
            "/search?q=summary")) {
      HttpResponse<String> r = reader.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(checker.errors(r.body())).as("HTML errors in " + path).isEmpty();
    }
  }

  @Test
  void theCheckerCatchesInvalidPages() throws Exception {
    assertThat(checker.errors("<!DOCTYPE html><html lang=en><title>x</title><p><div></p>"))
        .isNotEmpty();
  }
}
