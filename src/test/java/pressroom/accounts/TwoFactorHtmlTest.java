package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import pressroom.testing.HtmlChecker;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** Each state of the two-factor pages passes the Nu Html Checker. */
@RunningSite
class TwoFactorHtmlTest {
  static final String PASSWORD = "correct horse battery";
  TestApp site;

  @Test
  void everyStateOfThePagesIsValidHtml() throws Exception {
    HtmlChecker checker = new HtmlChecker();
    site.app().accounts().createVerified("html.admin", "h@mail.example", PASSWORD, Role.ADMIN);
    TestApp.Visitor v = site.signedIn("html.admin", PASSWORD);
    String setup = v.get("/profile/two-factor").body();
    assertThat(checker.errors(setup)).as("setting up").isEmpty();
    assertThat(checker.errors(v.post("/profile/two-factor/enable", Map.of("code", "x")).body()))
        .as("a wrong code")
        .isEmpty();
    byte[] key = Totp.fromBase32(Jsoup.parse(setup).getElementById("totp-secret").text());
    String codes =
        v.post(
                "/profile/two-factor/enable",
                Map.of("code", Totp.code(key, Totp.step(site.clock().instant()), 6)))
            .body();
    assertThat(checker.errors(codes)).as("the recovery codes").isEmpty();
    assertThat(checker.errors(v.get("/profile/two-factor").body())).as("on").isEmpty();
    assertThat(
            checker.errors(
                v.post("/profile/two-factor/disable", Map.of("confirm", "wrong")).body()))
        .as("a refused change")
        .isEmpty();
    assertThat(checker.errors(v.get("/staff/security").body())).as("security").isEmpty();
    TestApp.Visitor other = site.newVisitor();
    other.signIn("html.admin", PASSWORD);
    assertThat(checker.errors(other.get("/signin/code").body())).as("the code step").isEmpty();
    assertThat(checker.errors(other.post("/signin/code", Map.of("code", "000000")).body()))
        .as("a wrong code at sign-in")
        .isEmpty();
  }
}
