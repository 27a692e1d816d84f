package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Issue 14: every staff action lands in the audit log with who, what, when, before and after; an
 * admin filters it and downloads it as CSV; nobody else reads it.
 */
@RunningSite
abstract class AuditLogContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "a quiet editing room";
  TestApp site;
  Fixtures f;
  TestApp.Visitor admin;

  @BeforeAll
  void start() {
    site.app().accounts().createVerified("audit.admin", "aa@mail.example", PASSWORD, Role.ADMIN);
    site.app().accounts().createVerified("audit.mod", "am@mail.example", PASSWORD, Role.MODERATOR);
    site.app().accounts().createVerified("new.reader", "nr@mail.example", PASSWORD, Role.READER);
    site.app().accounts().createVerified("other.reader", "or@mail.example", PASSWORD, Role.READER);
    // A new reader's first comments wait; the moderator approves one and rejects the other.
    TestApp.Visitor reader = site.signedIn("new.reader", PASSWORD);
    reader.post("/articles/" + f.wire.slug() + "/comments", Map.of("body", "Worth approving"));
    site.clock().advance(java.time.Duration.ofMinutes(5)); // past the rate limit
    reader.post("/articles/" + f.wire.slug() + "/comments", Map.of("body", "Buy cheap pills now"));
    TestApp.Visitor mod = site.signedIn("audit.mod", PASSWORD);
    String approve = commentId("Worth approving");
    String reject = commentId("Buy cheap pills now");
    assertThat(mod.post("/staff/moderation/" + approve + "/approve", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(
            mod.post("/staff/moderation/" + reject + "/reject", Map.of("reason", "=spam"))
                .statusCode())
        .isEqualTo(303);
    admin = site.signedIn("audit.admin", PASSWORD);
    String target =
        site.sqlOne(String.class, "SELECT id FROM accounts WHERE user_id = ?", "other.reader");
    admin.post("/staff/users/" + target + "/role", Map.of("role", "moderator"));
    admin.post("/staff/users/" + target + "/suspend", Map.of("days", "3", "reason", "heated"));
  }

  String commentId(String body) {
    return site.sqlOne(
        String.class, "SELECT id FROM comments WHERE body_html LIKE ?", "%" + body + "%");
  }

  @Test
  void everyStaffActionIsListedWithWhoWhatBeforeAndAfter() {
    Document page = Jsoup.parse(admin.get("/staff/audit").body());
    List<String> rows = page.select("table.audit tbody tr").eachText();
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("audit.mod", "comment.approve", "Worth approving", "pending")
                    .contains("published"))
        .anySatisfy(r -> assertThat(r).contains("comment.reject", "rejected: =spam"))
        .anySatisfy(
            r -> assertThat(r).contains("audit.admin", "account.role", "reader", "moderator"))
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("account.suspend", "other.reader", "active", "suspended until"));
    // Newest first: the suspension came last.
    assertThat(rows.getFirst()).contains("account.suspend");
    // The users page says the same standing, by the site's clock.
    assertThat(
            Jsoup.parse(admin.get("/staff/users?q=other.reader").body()).select("tbody tr").text())
        .contains("suspended until", "heated");
  }

  @Test
  void theLogIsFilteredByWhoWhatWordsAndDates() {
    assertThat(rows("/staff/audit?actor=audit.mod"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r).contains("audit.mod"));
    assertThat(rows("/staff/audit?action=comment")).hasSize(2);
    assertThat(rows("/staff/audit?action=account.role")).hasSize(1);
    assertThat(rows("/staff/audit?words=PILLS"))
        .singleElement()
        .asString()
        .contains("comment.reject");
    String today = site.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    assertThat(rows("/staff/audit?from=" + today + "&until=" + today)).hasSize(4);
    assertThat(rows("/staff/audit?from=2001-01-01&until=2001-01-02")).isEmpty();
    // A LIKE wildcard typed as words matches itself only.
    assertThat(rows("/staff/audit?words=%25")).isEmpty();
  }

  @Test
  void aBadDateIsNamedAndNothingIsLost() {
    HttpResponse<String> r = admin.get("/staff/audit?from=yesterday&words=pills");
    assertThat(r.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("[role=alert]").text()).contains("From", "2026-12-06", "yesterday");
    assertThat(page.select("#from").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#words").val()).isEqualTo("pills");
    assertThat(admin.get("/staff/audit.csv?until=12/06/2026").statusCode()).isEqualTo(400);
    // Dates a parser accepts but no instant holds are named too, not a 500.
    for (String day : new String[] {"%2B300000000-01-01", "%2B999999999-12-31", "1969-12-31"}) {
      assertThat(admin.get("/staff/audit?from=" + day).statusCode()).as(day).isEqualTo(400);
      assertThat(admin.get("/staff/audit.csv?until=" + day).statusCode()).as(day).isEqualTo(400);
    }
  }

  @Test
  void theSameSelectionDownloadsAsCsv() {
    HttpResponse<String> r = admin.get("/staff/audit.csv?actor=audit.mod");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("time,user_id,name,action,subject,before,after");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains("audit.mod", "comment.reject", "\"rejected: =spam\"");
  }

  @Test
  void aSpreadsheetFormulaIsNeverACellsFirstCharacter() {
    assertThat(AuditPages.cell("=HYPERLINK(\"http://evil\")")).startsWith("'=");
    assertThat(AuditPages.cell("+1")).isEqualTo("'+1");
    assertThat(AuditPages.cell("-1")).isEqualTo("'-1");
    assertThat(AuditPages.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditPages.cell("plain")).isEqualTo("plain");
  }

  @Test
  void onlyAdminsReadTheLog() {
    TestApp.Visitor mod = site.signedIn("audit.mod", PASSWORD);
    assertThat(mod.get("/staff/audit").statusCode()).isEqualTo(403);
    assertThat(mod.get("/staff/audit.csv").statusCode()).isEqualTo(403);
    assertThat(site.newVisitor().get("/staff/audit").statusCode()).isEqualTo(403);
  }

  private List<String> rows(String path) {
    HttpResponse<String> r = admin.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body()).select("table.audit tbody tr").eachText();
  }
}
