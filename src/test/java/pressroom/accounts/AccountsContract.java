package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.testing.MailCatcher;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;

/** Accounts over HTTP with mail through a real SMTP server; one subclass per database. */
@RunningSite
abstract class AccountsContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "correct horse battery";
  TestApp site;
  MailCatcher mail;
  int counter;

  final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
      new ch.qos.logback.core.read.ListAppender<>();

  @BeforeAll
  void start() {
    var root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
  }

  /** Every test comes from 127.0.0.1: start each with no throttling history. */
  @org.junit.jupiter.api.BeforeEach
  void clearThrottling() {
    site.clearThrottling();
  }

  @AfterAll
  void stop() {
    var root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(logs);
    // Nothing any flow logged holds a password or a token.
    for (var e : logs.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(PASSWORD).doesNotContain("token=");
    }
  }

  /** A fresh user ID and e-mail for each test. */
  record Reader(String userId, String email) {}

  Reader newReader() {
    counter++;
    String id = "reader" + counter + db().name().toLowerCase().charAt(0);
    return new Reader(id, id + "@mail.example");
  }

  /** {@link #registered}, then signed in with the password in {@code v}. */
  Reader registeredAndSignedIn(Visitor v) {
    Reader r = registered(v);
    assertThat(signIn(v, r.userId(), PASSWORD).statusCode()).isEqualTo(303);
    return r;
  }

  /** Registers through the page and follows the mailed confirmation link. */
  Reader registered(Visitor v) {
    Reader r = newReader();
    int before = mail.count(r.email());
    HttpResponse<String> res =
        v.post("/register", Map.of("userId", r.userId(), "email", r.email(), "password", PASSWORD));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    String link = MailCatcher.link(mail.awaitMail(r.email(), before), "/verify");
    assertThat(link).startsWith(TestApp.BASE_URL + "/verify?token=");
    // Opened where the mail is read, another browser than the one that registered: confirmed,
    // and asked to sign in.
    assertThat(confirm(site.newVisitor(), link).statusCode()).isEqualTo(200);
    return r;
  }

  /** The whole mailed confirmation link, with the page to come back to if there is one. */
  static String confirmationLink(String mailText) {
    var m =
        java.util.regex.Pattern.compile("(https?://\\S+/verify\\?token=\\S+)").matcher(mailText);
    assertThat(m.find()).as(mailText).isTrue();
    return m.group(1);
  }

  /** Opens a confirmation link as a reader does: the page it shows, then its button. */
  HttpResponse<String> confirm(Visitor v, String link) {
    HttpResponse<String> page = v.get(link.substring(TestApp.BASE_URL.length()));
    if (page.statusCode() != 200) {
      return page;
    }
    Document d = Jsoup.parse(page.body());
    return v.post(
        "/verify",
        Map.of(
            "token",
            d.select("input[name=token]").attr("value"),
            "return",
            d.select("input[name=return]").attr("value")));
  }

  HttpResponse<String> signIn(Visitor v, String login, String password) {
    return v.post("/signin", Map.of("login", login, "password", password, "return", "/"));
  }

  /** How many stored sessions have {@code idHash} as their key. */
  int sessionRows(String idHash) {
    return site.sqlOne(Integer.class, "SELECT count(*) FROM sessions WHERE id_hash = ?", idHash);
  }

  String sessionCookie(Visitor v) {
    return v.cookies().stream()
        .filter(c -> c.getName().equals("pressroom-session"))
        .map(c -> c.getValue())
        .findFirst()
        .orElse(null);
  }

  @Test
  void aReaderRegistersConfirmsSignsInWithUserIdOrEmailAndSignsOut() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    HttpResponse<String> in = signIn(v, r.userId().toUpperCase(), PASSWORD);
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/");
    HttpResponse<String> me = v.get("/api/v1/me");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body())
        .contains(
            "\"userId\":\"" + r.userId() + "\"", "\"verified\":true", "\"roles\":[\"reader\"]");
    assertThat(Jsoup.parse(v.get("/").body()).select(".account-nav").text())
        .contains(r.userId())
        .contains("Sign out");

    assertThat(v.post("/signout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(401);

    Visitor other = site.newVisitor();
    assertThat(signIn(other, r.email(), PASSWORD).statusCode()).isEqualTo(303);
    assertThat(other.get("/api/v1/me").statusCode()).isEqualTo(200);
  }

  /** Registers {@code r} in {@code v}, starting from {@code returnTo}; the mailed link. */
  String registerFrom(Visitor v, Reader r, String returnTo) {
    int before = mail.count(r.email());
    v.post(
        "/register",
        Map.of("userId", r.userId(), "email", r.email(), "password", PASSWORD, "return", returnTo));
    return confirmationLink(mail.awaitMail(r.email(), before));
  }

  @Test
  void theConfirmationLinkSignsInOnceAndReturnsToTheArticleTheReaderStartedFrom() {
    Reader r = newReader();
    Visitor reader = site.newVisitor();
    assertThat(
            Jsoup.parse(reader.get("/register?return=/articles/harbour-cranes").body())
                .select("input[name=return]")
                .attr("value"))
        .isEqualTo("/articles/harbour-cranes");
    String link = registerFrom(reader, r, "/articles/harbour-cranes");
    assertThat(link).contains("&return=%2Farticles%2Fharbour-cranes");

    // Opening the link changes nothing (a mail scanner may fetch it): the button does.
    HttpResponse<String> page = reader.get(link.substring(TestApp.BASE_URL.length()));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select("main").text())
        .contains(r.userId(), "You will be signed in");
    assertThat(Jsoup.parse(page.body()).select("main button").text())
        .isEqualTo("Confirm and sign in");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(reader.get("/api/v1/me").statusCode()).isEqualTo(401);

    HttpResponse<String> done = confirm(reader, link);
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("Location"))
        .hasValue("/articles/harbour-cranes?confirmed=email");
    assertThat(reader.get("/api/v1/me").body())
        .contains("\"userId\":\"" + r.userId() + "\"", "\"verified\":true");

    // Single use: the same link again works for nobody.
    Visitor again = site.newVisitor();
    assertThat(confirm(again, link).statusCode()).isEqualTo(400);
    String token = link.substring(link.indexOf("token=") + 6, link.indexOf('&'));
    assertThat(again.post("/verify", Map.of("token", token, "return", "/")).statusCode())
        .isEqualTo(400);
    assertThat(again.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aConfirmationLinkOpenedInAnotherBrowserConfirmsAndAsksToSignInThenReturnsToTheArticle() {
    Reader r = newReader();
    String link = registerFrom(site.newVisitor(), r, "/articles/harbour-cranes");

    Visitor elsewhere = site.newVisitor();
    HttpResponse<String> page = elsewhere.get(link.substring(TestApp.BASE_URL.length()));
    assertThat(Jsoup.parse(page.body()).select("main").text())
        .contains(r.userId())
        .doesNotContain("signed in");
    assertThat(Jsoup.parse(page.body()).select("main button").text()).isEqualTo("Confirm");
    HttpResponse<String> done = confirm(elsewhere, link);
    assertThat(done.statusCode()).isEqualTo(200);
    Document notice = Jsoup.parse(done.body());
    assertThat(notice.select("main").text()).contains("confirmed", "Sign in");
    assertThat(elsewhere.get("/api/v1/me").statusCode()).isEqualTo(401);

    String signInLink = notice.select("main a[href^=/signin]").attr("href");
    assertThat(signInLink).isEqualTo("/signin?return=%2Farticles%2Fharbour-cranes");
    String back =
        Jsoup.parse(elsewhere.get(signInLink).body()).select("input[name=return]").attr("value");
    HttpResponse<String> in =
        elsewhere.post(
            "/signin", Map.of("login", r.userId(), "password", PASSWORD, "return", back));
    assertThat(in.headers().firstValue("Location")).hasValue("/articles/harbour-cranes");
    assertThat(elsewhere.get("/api/v1/me").body()).contains("\"verified\":true");
  }

  /**
   * Someone registers with another person's address: that person's click on "Confirm" must not sign
   * them into an account whose password the registrant chose.
   */
  @Test
  void confirmingAnAccountSomeoneElseRegisteredWithYourAddressDoesNotSignYouIntoIt() {
    Reader victim = newReader();
    int before = mail.count(victim.email());
    site.newVisitor()
        .post(
            "/register",
            Map.of(
                "userId",
                "other" + victim.userId(),
                "email",
                victim.email(),
                "password",
                PASSWORD));
    String link = confirmationLink(mail.awaitMail(victim.email(), before));

    Visitor owner = site.newVisitor();
    assertThat(confirm(owner, link).statusCode()).isEqualTo(200);
    assertThat(owner.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aConfirmationLinkSendsOnlyToAPageOfThisSite() {
    for (String foreign :
        new String[] {
          "//evil.example/", "https://evil.example/", "/\t/evil.example/", "/\\evil.example"
        }) {
      Reader r = newReader();
      Visitor v = site.newVisitor();
      String link = registerFrom(v, r, foreign);
      assertThat(link).as(foreign).doesNotContain("return=");
      String token = link.substring(link.indexOf("token=") + 6);
      // Edited by hand, the link still lands on this site.
      v.get("/verify?token=" + token);
      HttpResponse<String> done = v.post("/verify", Map.of("token", token, "return", foreign));
      assertThat(done.statusCode()).isEqualTo(303);
      assertThat(done.headers().firstValue("Location")).as(foreign).hasValue("/?confirmed=email");
    }
  }

  @Test
  void aConfirmationLinkExpiresAfter48Hours() {
    Reader r = newReader();
    int before = mail.count(r.email());
    site.newVisitor()
        .post("/register", Map.of("userId", r.userId(), "email", r.email(), "password", PASSWORD));
    String link = confirmationLink(mail.awaitMail(r.email(), before));
    site.clock().advance(Duration.ofHours(48).plusMinutes(1));
    Visitor v = site.newVisitor();
    assertThat(v.get(link.substring(TestApp.BASE_URL.length())).statusCode()).isEqualTo(400);
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(v.post("/verify", Map.of("token", token, "return", "/")).statusCode())
        .isEqualTo(400);
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void aConfirmationLinkConfirmsButDoesNotSignInAnAccountWithASecondFactor() {
    Visitor owner = site.newVisitor();
    Reader r = registeredAndSignedIn(owner);
    Document setup = Jsoup.parse(owner.get("/profile/two-factor").body());
    byte[] key = Totp.fromBase32(setup.getElementById("totp-secret").text());
    String code = Totp.code(key, Totp.step(site.clock().instant()), 6);
    assertThat(owner.post("/profile/two-factor/enable", Map.of("code", code)).statusCode())
        .isEqualTo(200);
    String address = "new." + r.email();
    int before = mail.count(address);
    assertThat(owner.post("/profile/email", Map.of("email", address)).statusCode()).isEqualTo(303);
    String link = confirmationLink(mail.awaitMail(address, before));

    Visitor elsewhere = site.newVisitor();
    HttpResponse<String> done = confirm(elsewhere, link);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(done.body()).select("main").text()).contains("confirmed", "Sign in");
    assertThat(elsewhere.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(owner.get("/api/v1/me").body()).contains(address);
  }

  /** The mailed link for an address change the signed-in {@code owner} asks for. */
  String changeLink(Visitor owner, String address) {
    int before = mail.count(address);
    assertThat(owner.post("/profile/email", Map.of("email", address)).statusCode()).isEqualTo(303);
    return confirmationLink(mail.awaitMail(address, before));
  }

  /** The account's stored address. */
  String storedEmail(Reader r) {
    return site.sqlOne(String.class, "SELECT email FROM accounts WHERE user_id = ?", r.userId());
  }

  @Test
  void aLinkToAMistypedAddressStopsWorkingOnceTheReaderAsksForAnother() {
    Visitor owner = site.newVisitor();
    Reader r = registeredAndSignedIn(owner);
    String typoLink = changeLink(owner, "typo." + r.email());
    String right = "right." + r.email();
    assertThat(confirm(owner, changeLink(owner, right)).statusCode()).isEqualTo(303);
    assertThat(
            owner
                .post(
                    "/profile/password", Map.of("current", PASSWORD, "password", PASSWORD + " two"))
                .statusCode())
        .isEqualTo(303);
    owner.post("/signout/everywhere", Map.of());

    // Whoever holds the mistyped address's mail can neither sign in nor take the address.
    Visitor stranger = site.newVisitor();
    assertThat(confirm(stranger, typoLink).statusCode()).isEqualTo(400);
    assertThat(stranger.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(storedEmail(r)).isEqualTo(right);
  }

  @Test
  void anAddressChangeIsConfirmedWithoutSigningInTheBrowserThatConfirmsIt() {
    Visitor owner = site.newVisitor();
    Reader r = registeredAndSignedIn(owner);
    String address = "new." + r.email();
    String link = changeLink(owner, address);

    Visitor elsewhere = site.newVisitor();
    HttpResponse<String> page = elsewhere.get(link.substring(TestApp.BASE_URL.length()));
    assertThat(Jsoup.parse(page.body()).select("main").text()).doesNotContain("signed in");
    HttpResponse<String> done = confirm(elsewhere, link);
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(done.body()).select("main").text()).contains("confirmed", "Sign in");
    assertThat(elsewhere.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(storedEmail(r)).isEqualTo(address);

    // Where the reader is signed in, the confirmation takes them back with a note.
    String again = changeLink(owner, "newer." + r.email());
    HttpResponse<String> there = confirm(owner, again);
    assertThat(there.statusCode()).isEqualTo(303);
    assertThat(there.headers().firstValue("Location")).hasValue("/?confirmed=email");
  }

  @Test
  void onceAConfirmationLinkIsUsedNoOtherLinkOfTheAccountWorks() {
    Reader r = newReader();
    Visitor v = site.newVisitor();
    String first = registerFrom(v, r, "/");
    assertThat(signIn(v, r.userId(), PASSWORD).statusCode()).isEqualTo(303);
    int before = mail.count(r.email());
    assertThat(v.post("/verify/resend", Map.of()).statusCode()).isEqualTo(303);
    String second = confirmationLink(mail.awaitMail(r.email(), before));
    assertThat(confirm(site.newVisitor(), second).statusCode()).isEqualTo(200);

    Visitor later = site.newVisitor();
    assertThat(confirm(later, first).statusCode()).isEqualTo(400);
    assertThat(later.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void signingOutEverywhereOrChangingThePasswordEndsOutstandingConfirmationLinks() {
    Visitor owner = site.newVisitor();
    Reader r = registeredAndSignedIn(owner);
    String beforeSignOut = changeLink(owner, "one." + r.email());
    owner.post("/signout/everywhere", Map.of());
    assertThat(confirm(site.newVisitor(), beforeSignOut).statusCode()).isEqualTo(400);

    assertThat(signIn(owner, r.userId(), PASSWORD).statusCode()).isEqualTo(303);
    String beforeChange = changeLink(owner, "two." + r.email());
    assertThat(
            owner
                .post(
                    "/profile/password", Map.of("current", PASSWORD, "password", PASSWORD + " two"))
                .statusCode())
        .isEqualTo(303);
    assertThat(confirm(site.newVisitor(), beforeChange).statusCode()).isEqualTo(400);
    assertThat(storedEmail(r)).isEqualTo(r.email());
  }

  @Test
  void confirmingAnAddressAnotherAccountTookMeanwhileSaysSoAndChangesNothing() {
    Visitor owner = site.newVisitor();
    Reader r = registeredAndSignedIn(owner);
    Reader other = newReader();
    String link = changeLink(owner, other.email());
    Visitor otherBrowser = site.newVisitor();
    assertThat(confirm(otherBrowser, registerFrom(otherBrowser, other, "/")).statusCode())
        .isEqualTo(303);

    HttpResponse<String> done = confirm(site.newVisitor(), link);
    assertThat(done.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(done.body()).select("main").text())
        .contains("belongs to another account");
    assertThat(storedEmail(r)).isEqualTo(r.email());
  }

  @Test
  void goingBetweenSignInAndRegisterKeepsTheWholePageToComeBackTo() {
    Visitor v = site.newVisitor();
    for (String back :
        new String[] {"/search?q=harbour&sort=newest", "/search?q=harbour%20cranes#results"}) {
      String encoded = java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
      String toRegister =
          Jsoup.parse(v.get("/signin?return=" + encoded).body())
              .select("main a[href^=/register]")
              .attr("href");
      assertThat(Jsoup.parse(v.get(toRegister).body()).select("input[name=return]").attr("value"))
          .as(back)
          .isEqualTo(back);
      String toSignIn =
          Jsoup.parse(v.get("/register?return=" + encoded).body())
              .select("main a[href^=/signin]")
              .attr("href");
      assertThat(Jsoup.parse(v.get(toSignIn).body()).select("input[name=return]").attr("value"))
          .as(back)
          .isEqualTo(back);
    }
  }

  /** Issue 12.1: a return address a browser would read as another site sends the reader home. */
  @Test
  void afterSignInAReaderIsSentOnlyToAPageOfThisSite() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    String form = v.get("/signin?return=/%09/evil.example/").body();
    assertThat(Jsoup.parse(form).select("input[name=return]").attr("value")).isEqualTo("/");
    HttpResponse<String> in =
        v.post(
            "/signin",
            Map.of("login", r.userId(), "password", PASSWORD, "return", "/\t/evil.example/"));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/");
    Visitor w = site.newVisitor();
    HttpResponse<String> kept =
        w.post(
            "/signin",
            Map.of("login", r.userId(), "password", PASSWORD, "return", "/articles/x#comments"));
    assertThat(kept.headers().firstValue("Location")).hasValue("/articles/x#comments");
  }

  @Test
  void wrongCredentialsGetOneGenericAnswerWhicheverPartWasWrong() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    HttpResponse<String> wrongPassword =
        signIn(site.newVisitor(), r.userId(), "wrong password here");
    HttpResponse<String> unknownUser =
        signIn(site.newVisitor(), "nobody-" + counter, "wrong password here");
    assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
    String a = Jsoup.parse(wrongPassword.body()).select("main").text();
    String b = Jsoup.parse(unknownUser.body()).select("main").text();
    assertThat(a).contains("do not match an account");
    assertThat(a.replace(r.userId(), "X")).isEqualTo(b.replace("nobody-" + counter, "X"));
  }

  @Test
  void registrationExplainsEachProblemBesideItsFieldAndKeepsWhatWasTyped() {
    Visitor v = site.newVisitor();
    HttpResponse<String> bad =
        v.post(
            "/register",
            Map.of(
                "userId",
                "Admin",
                "email",
                "not-an-address",
                "password",
                "short",
                "displayName",
                "Ayşe"));
    assertThat(bad.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(bad.body());
    assertThat(d.select("#userId-error").text()).isEqualTo("This user ID is reserved.");
    assertThat(d.select("#email-error").text()).isNotBlank();
    assertThat(d.select("#password-error").text()).isNotBlank();
    assertThat(d.select("#userId").val()).isEqualTo("Admin");
    assertThat(d.select("#email").val()).isEqualTo("not-an-address");
    assertThat(d.select("#displayName").val()).isEqualTo("Ayşe");
    assertThat(d.select("#password").val()).isEmpty();
    assertThat(d.select("label[for=userId] .req").text()).isEqualTo("*");

    HttpResponse<String> common =
        v.post(
            "/register",
            Map.of(
                "userId",
                "fresh" + counter,
                "email",
                "fresh" + counter + "@mail.example",
                "password",
                "password123"));
    assertThat(Jsoup.parse(common.body()).select("#password-error").text()).contains("too common");

    Reader r = registered(site.newVisitor());
    HttpResponse<String> taken =
        v.post(
            "/register",
            Map.of(
                "userId",
                r.userId().toUpperCase(),
                "email",
                "other" + counter + "@mail.example",
                "password",
                PASSWORD));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(taken.body()).select("#userId-error").text()).contains("taken");
  }

  /**
   * Issue 12.5: registering with a taken e-mail address answers as for a free one; its owner is
   * told.
   */
  @Test
  void registrationDoesNotTellWhetherAnAddressHasAnAccount() {
    Reader owner = registered(site.newVisitor());
    Reader fresh = newReader();
    int ownerMail = mail.count(owner.email());
    HttpResponse<String> probe =
        site.newVisitor()
            .post(
                "/register",
                Map.of("userId", "probe" + counter, "email", owner.email(), "password", PASSWORD));
    HttpResponse<String> real =
        site.newVisitor()
            .post(
                "/register",
                Map.of("userId", fresh.userId(), "email", fresh.email(), "password", PASSWORD));
    assertThat(probe.statusCode()).isEqualTo(real.statusCode()).isEqualTo(201);
    assertThat(Jsoup.parse(probe.body()).select("main").text().replace(owner.email(), "ADDRESS"))
        .isEqualTo(
            Jsoup.parse(real.body()).select("main").text().replace(fresh.email(), "ADDRESS"));
    assertThat(mail.awaitMail(owner.email(), ownerMail))
        .contains("already belongs to yours")
        .doesNotContain("token=");
    assertThat(mail.awaitMail(fresh.email(), 0)).contains("/verify?token=");

    Visitor api = site.newVisitor();
    Reader another = newReader();
    HttpResponse<String> apiProbe =
        api.json(
            "POST",
            "/api/v1/accounts",
            "{\"userId\":\"apiprobe"
                + counter
                + "\",\"email\":\""
                + owner.email()
                + "\",\"password\":\""
                + PASSWORD
                + "\"}");
    HttpResponse<String> apiReal =
        api.json(
            "POST",
            "/api/v1/accounts",
            "{\"userId\":\""
                + another.userId()
                + "\",\"email\":\""
                + another.email()
                + "\",\"password\":\""
                + PASSWORD
                + "\"}");
    assertThat(apiProbe.statusCode()).isEqualTo(apiReal.statusCode()).isEqualTo(201);
    assertThat(apiProbe.body()).isEqualTo(apiReal.body());
  }

  /**
   * Issue 12.5: every registration attempt from an address counts against its limit, failed ones
   * too.
   */
  @Test
  void failedRegistrationsCountAgainstTheLimit() {
    Visitor v = site.newVisitor();
    for (int i = 0; i < 10; i++) {
      assertThat(
              v.post("/register", Map.of("userId", "x", "email", "bad", "password", "short"))
                  .statusCode())
          .isEqualTo(400);
    }
    Reader r = newReader();
    HttpResponse<String> blocked =
        v.post("/register", Map.of("userId", r.userId(), "email", r.email(), "password", PASSWORD));
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
  }

  /** Issue 12.7: confirmation links and e-mail changes are limited per account and per address. */
  @Test
  void nobodyCanMakeTheSiteFloodAMailbox() {
    Visitor v = site.newVisitor();
    Reader r = newReader();
    assertThat(
            v.post(
                    "/register",
                    Map.of("userId", r.userId(), "email", r.email(), "password", PASSWORD))
                .statusCode())
        .isEqualTo(201);
    mail.awaitMail(r.email(), 0);
    signIn(v, r.userId(), PASSWORD);
    for (int i = 0; i < 6; i++) {
      assertThat(v.post("/verify/resend", Map.of()).statusCode()).isEqualTo(303);
    }
    mail.awaitMail(r.email(), 3); // sent before each answer; this only waits for delivery
    assertThat(mail.count(r.email())).as("the first link and three more").isEqualTo(4);
    assertThat(Jsoup.parse(v.get("/profile?notice=wait").body()).text()).contains("sent no other");

    // Per target address: three, whoever asks.
    String victim = "victim" + counter + "@mail.example";
    int accepted = 0;
    for (int i = 0; i < 6; i++) {
      Visitor other = site.newVisitor();
      signIn(other, registered(site.newVisitor()).userId(), PASSWORD);
      if (other.post("/profile/email", Map.of("email", victim)).statusCode() == 303) {
        accepted++;
      }
    }
    mail.awaitMail(victim, 2);
    assertThat(accepted).isEqualTo(3);
    assertThat(mail.count(victim)).isEqualTo(3);
    // Per account: five, whatever the addresses (three went out above as resends).
    HttpResponse<String> second =
        v.post("/profile/email", Map.of("email", "first" + counter + "@mail.example"));
    HttpResponse<String> third =
        v.post("/profile/email", Map.of("email", "second" + counter + "@mail.example"));
    HttpResponse<String> refused =
        v.post("/profile/email", Map.of("email", "third" + counter + "@mail.example"));
    assertThat(second.statusCode()).isEqualTo(303);
    assertThat(third.statusCode()).isEqualTo(303);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.body()).text()).contains("Too many messages");
  }

  @Test
  void recoveryWorksWithUserIdOrEmailAndAnswersTheSameForUnknownOnes() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    for (String login : new String[] {r.email(), r.userId()}) {
      int before = mail.count(r.email());
      HttpResponse<String> sent = site.newVisitor().post("/recover", Map.of("login", login));
      assertThat(sent.statusCode()).isEqualTo(200);
      String text = mail.awaitMail(r.email(), before);
      assertThat(text).contains("Your user ID is: " + r.userId());
      assertThat(MailCatcher.link(text, "/reset")).startsWith(TestApp.BASE_URL + "/reset?token=");
    }
    HttpResponse<String> known = site.newVisitor().post("/recover", Map.of("login", r.email()));
    HttpResponse<String> unknown =
        site.newVisitor().post("/recover", Map.of("login", "nobody" + counter + "@mail.example"));
    assertThat(known.statusCode()).isEqualTo(unknown.statusCode());
    assertThat(Jsoup.parse(known.body()).select("main").text())
        .isEqualTo(Jsoup.parse(unknown.body()).select("main").text());
  }

  @Test
  void aResetLinkWorksOnceSignsOutEverySessionAndMailsAWarning() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    assertThat(signIn(v, r.userId(), PASSWORD).statusCode()).isEqualTo(303);
    int before = mail.count(r.email());
    site.newVisitor().post("/recover", Map.of("login", r.userId()));
    String link = MailCatcher.link(mail.awaitMail(r.email(), before), "/reset");
    String path = link.substring(TestApp.BASE_URL.length());
    String token = path.substring(path.indexOf("token=") + 6);

    Visitor resetter = site.newVisitor();
    HttpResponse<String> form = resetter.get(path);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    int beforeChange = mail.count(r.email());
    String newPassword = "a brand new passphrase";
    HttpResponse<String> done =
        resetter.post("/reset", Map.of("token", token, "password", newPassword));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(mail.awaitMail(r.email(), beforeChange)).contains("password was changed");
    assertThat(resetter.get("/api/v1/me").statusCode())
        .as("a reset does not sign in")
        .isEqualTo(401);
    assertThat(v.get("/api/v1/me").statusCode()).as("other sessions end").isEqualTo(401);

    assertThat(
            resetter
                .post("/reset", Map.of("token", token, "password", "yet another passphrase"))
                .statusCode())
        .isEqualTo(400);
    assertThat(signIn(site.newVisitor(), r.userId(), PASSWORD).statusCode()).isEqualTo(401);
    assertThat(signIn(site.newVisitor(), r.userId(), newPassword).statusCode()).isEqualTo(303);
  }

  /**
   * Issue 12.11: a new password ends every other reset link, and a reset keeps the password rules.
   */
  @Test
  void aPasswordChangeEndsEveryOutstandingResetLinkAndResetsFollowThePasswordRules() {
    Reader r = registered(site.newVisitor());
    String[] tokens = new String[2];
    for (int i = 0; i < 2; i++) {
      int before = mail.count(r.email());
      site.newVisitor().post("/recover", Map.of("login", r.email()));
      String link = MailCatcher.link(mail.awaitMail(r.email(), before), "/reset");
      tokens[i] = link.substring(link.indexOf("token=") + 6);
    }
    Visitor resetter = site.newVisitor();
    HttpResponse<String> withUserId =
        resetter.post(
            "/reset", Map.of("token", tokens[0], "password", "my name is " + r.userId() + " ok"));
    assertThat(withUserId.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(withUserId.body()).text()).containsIgnoringCase("user ID");
    assertThat(
            resetter
                .post("/reset", Map.of("token", tokens[0], "password", "a brand new passphrase"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            resetter
                .post("/reset", Map.of("token", tokens[1], "password", "an attackers passphrase"))
                .statusCode())
        .as("the second link died with the first use")
        .isEqualTo(400);
    assertThat(signIn(site.newVisitor(), r.userId(), "an attackers passphrase").statusCode())
        .isEqualTo(401);

    // A change from the profile ends outstanding links too.
    int before = mail.count(r.email());
    site.newVisitor().post("/recover", Map.of("login", r.userId()));
    String link = MailCatcher.link(mail.awaitMail(r.email(), before), "/reset");
    Visitor v = site.newVisitor();
    assertThat(signIn(v, r.userId(), "a brand new passphrase").statusCode()).isEqualTo(303);
    assertThat(
            v.post(
                    "/profile/password",
                    Map.of(
                        "current", "a brand new passphrase", "password", "a third good passphrase"))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            site.newVisitor()
                .post(
                    "/reset",
                    Map.of(
                        "token",
                        link.substring(link.indexOf("token=") + 6),
                        "password",
                        "a fourth passphrase here"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void anExpiredResetLinkIsRefused() {
    Reader r = registered(site.newVisitor());
    int before = mail.count(r.email());
    site.newVisitor().post("/recover", Map.of("login", r.email()));
    String link = MailCatcher.link(mail.awaitMail(r.email(), before), "/reset");
    String token = link.substring(link.indexOf("token=") + 6);
    site.clock().advance(Duration.ofMinutes(29));
    assertThat(site.newVisitor().get("/reset?token=" + token).statusCode())
        .as("within 30 minutes")
        .isEqualTo(200);
    site.clock().advance(Duration.ofMinutes(2));
    assertThat(site.newVisitor().get("/reset?token=" + token).statusCode()).isEqualTo(400);
    assertThat(
            site.newVisitor()
                .post("/reset", Map.of("token", token, "password", "some new passphrase"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void repeatedFailuresAreThrottledWithRetryAfterEvenForTheRightPassword() {
    Reader r = registered(site.newVisitor());
    for (int i = 0; i < 5; i++) {
      assertThat(signIn(site.newVisitor(), r.userId(), "wrong password " + i).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> locked = signIn(site.newVisitor(), r.userId(), PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(Jsoup.parse(locked.body()).text()).contains("Too many attempts");
    // Recovery still works for the locked-out reader: a recovery request never locks an account.
    assertThat(site.newVisitor().post("/recover", Map.of("login", r.userId())).statusCode())
        .isEqualTo(200);
  }

  @Test
  void stateChangesWithoutTheRightTokenAre403() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    assertThat(v.postRaw("/signin", Map.of("login", r.userId(), "password", PASSWORD)).statusCode())
        .isEqualTo(403);
    assertThat(
            v.postRaw(
                    "/signin",
                    Map.of("login", r.userId(), "password", PASSWORD, "_csrf", "x".repeat(43)))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> api =
        v.jsonRaw(
            "POST",
            "/api/v1/session",
            "{\"login\":\"" + r.userId() + "\",\"password\":\"" + PASSWORD + "\"}",
            null);
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(api.body()).contains("\"error\":\"forbidden\"");
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(401);
  }

  @Test
  void signingInRotatesTheSessionAndTheCsrfToken() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    String tokenBefore = v.csrfToken();
    signIn(v, r.userId(), PASSWORD);
    String first = sessionCookie(v);
    assertThat(first).isNotNull();
    assertThat(v.csrfToken()).isNotEqualTo(tokenBefore);
    signIn(v, r.userId(), PASSWORD);
    assertThat(sessionCookie(v)).isNotEqualTo(first);
    // The old session no longer exists server-side.
    String hash = Sessions.hash(first);
    assertThat(sessionRows(hash)).isZero();
  }

  @Test
  void secretsAreNeverStoredInClear() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    signIn(v, r.userId(), PASSWORD);
    var row =
        site.sqlOne(
            String.class, "SELECT password_hash FROM accounts WHERE user_id = ?", r.userId());
    assertThat(row).startsWith("$argon2id$").doesNotContain(PASSWORD);
    String cookie = sessionCookie(v);
    assertThat(sessionRows(cookie)).as("the cookie value itself is never a key").isZero();
  }

  @Test
  void idleAndAbsoluteTimeOutsEndSessions() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    signIn(v, r.userId(), PASSWORD);
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(200);
    site.clock().advance(Duration.ofMinutes(110));
    assertThat(v.get("/api/v1/me").statusCode()).as("idle for less than two hours").isEqualTo(200);
    site.clock().advance(Duration.ofHours(2));
    assertThat(v.get("/api/v1/me").statusCode())
        .as("idle for longer than two hours")
        .isEqualTo(401);

    Visitor w = site.newVisitor();
    w.post("/signin", Map.of("login", r.userId(), "password", PASSWORD, "remember", "1"));
    assertThat(
            w.cookies().stream()
                .filter(c -> c.getName().equals("pressroom-session"))
                .findFirst()
                .orElseThrow()
                .getMaxAge())
        .as("keep me signed in: the cookie outlives the browser")
        .isGreaterThan(86_400L);
    // Used every 25 days, so never idle for the 30 allowed, until the 60 days are past.
    site.clock().advance(Duration.ofDays(25));
    assertThat(w.get("/api/v1/me").statusCode()).isEqualTo(200);
    site.clock().advance(Duration.ofDays(25));
    assertThat(w.get("/api/v1/me").statusCode()).as("50 days in").isEqualTo(200);
    site.clock().advance(Duration.ofDays(25));
    assertThat(w.get("/api/v1/me").statusCode()).as("past the absolute limit").isEqualTo(401);
  }

  @Test
  void aSessionEndedOnAnotherNodeEndsHereWithinAFewMoments() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    signIn(v, r.userId(), PASSWORD);
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(200);
    // Another node signs the reader out: only the shared database knows.
    site.sql(
        "DELETE FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE user_id = ?)",
        r.userId());
    long started = System.nanoTime();
    pressroom.testing.Eventually.until(
        "the session ended here too", () -> v.get("/api/v1/me").statusCode() == 401);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("this node keeps a session it read for at most " + Sessions.KEPT)
        .isLessThan(Sessions.KEPT.plusSeconds(2));
  }

  @Test
  void theJsonApiFollowsTheSameRules() {
    Visitor v = site.newVisitor();
    Reader r = newReader();
    int before = mail.count(r.email());
    HttpResponse<String> created =
        v.json(
            "POST",
            "/api/v1/accounts",
            "{\"userId\":\""
                + r.userId()
                + "\",\"email\":\""
                + r.email()
                + "\",\"password\":\""
                + PASSWORD
                + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(
            v.json(
                    "POST",
                    "/api/v1/accounts",
                    "{\"userId\":\""
                        + r.userId()
                        + "\",\"email\":\"x"
                        + r.email()
                        + "\",\"password\":\""
                        + PASSWORD
                        + "\"}")
                .statusCode())
        .isEqualTo(409);
    HttpResponse<String> invalid =
        v.json("POST", "/api/v1/accounts", "{\"userId\":\"a\",\"email\":\"b\",\"password\":\"c\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"errors\"", "\"userId\"", "\"email\"", "\"password\"");
    assertThat(v.json("POST", "/api/v1/accounts", "{not json").statusCode()).isEqualTo(400);

    String link = MailCatcher.link(mail.awaitMail(r.email(), before), "/verify");
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(
            v.json("POST", "/api/v1/accounts/verify", "{\"token\":\"" + token + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            v.json("POST", "/api/v1/accounts/verify", "{\"token\":\"" + token + "\"}").statusCode())
        .isEqualTo(400);

    assertThat(
            v.json(
                    "POST",
                    "/api/v1/session",
                    "{\"login\":\"" + r.email() + "\",\"password\":\"nope nope nope\"}")
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> session =
        v.json(
            "POST",
            "/api/v1/session",
            "{\"login\":\"" + r.email() + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(v.get("/api/v1/me").body()).contains("\"verified\":true");
    assertThat(v.json("DELETE", "/api/v1/session", null).statusCode()).isEqualTo(204);
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(401);

    assertThat(
            v.json("POST", "/api/v1/recovery", "{\"login\":\"" + r.userId() + "\"}").statusCode())
        .isEqualTo(202);
    assertThat(v.json("POST", "/api/v1/recovery", "{\"login\":\"no-such-user\"}").statusCode())
        .isEqualTo(202);
    assertThat(
            v.json(
                    "POST",
                    "/api/v1/recovery/reset",
                    "{\"token\":\"bogus\",\"password\":\"whatever it is\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theProfileChangesNameExportsDataAndDeletesTheAccount() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    signIn(v, r.userId(), PASSWORD);
    assertThat(
            v.post("/profile", Map.of("displayName", "Rêbaz Şêxanî", "notifyReplies", "1"))
                .statusCode())
        .isEqualTo(303);
    assertThat(Jsoup.parse(v.get("/profile").body()).select("#displayName").val())
        .isEqualTo("Rêbaz Şêxanî");
    HttpResponse<String> export = v.get("/profile/export");
    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(s -> assertThat(s).contains("attachment"));
    assertThat(export.body()).contains("\"profile\"", "\"comments\"", "\"bookmarks\"", r.email());

    assertThat(v.post("/profile/delete", Map.of("password", "wrong password!")).statusCode())
        .isEqualTo(400);
    assertThat(v.post("/profile/delete", Map.of("password", PASSWORD)).statusCode()).isEqualTo(200);
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(signIn(site.newVisitor(), r.userId(), PASSWORD).statusCode()).isEqualTo(401);
  }

  /**
   * Issue 12.14: the profile stores a display name in one form and refuses one that passes for
   * staff.
   */
  @Test
  void aReadersDisplayNameIsNormalisedAndCannotImitateStaff() {
    Visitor v = site.newVisitor();
    Reader r = registered(v);
    signIn(v, r.userId(), PASSWORD);
    HttpResponse<String> staffLike = v.post("/profile", Map.of("displayName", "The Editor"));
    assertThat(staffLike.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(staffLike.body()).text()).contains("staff");
    assertThat(
            v.post("/profile", Map.of("displayName", "  Ayşe\u0001   \u202EYılmaz ")).statusCode())
        .isEqualTo(303);
    assertThat(site.app().accountDao().find(site.accountId(r.userId())).orElseThrow().displayName())
        .isEqualTo("Ayşe Yılmaz");
    HttpResponse<String> registering =
        site.newVisitor()
            .post(
                "/register",
                Map.of(
                    "userId",
                    "imitator" + counter,
                    "email",
                    "imitator" + counter + "@mail.example",
                    "password",
                    PASSWORD,
                    "displayName",
                    "Moderator"));
    assertThat(registering.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(registering.body()).select("#displayName-error").text()).isNotBlank();
  }

  @Test
  void staffPagesNeedTheRightRole() {
    Visitor reader = site.newVisitor();
    Reader r = registered(reader);
    signIn(reader, r.userId(), PASSWORD);
    assertThat(reader.get("/staff/sources").statusCode()).isEqualTo(403);
    assertThat(reader.get("/staff/users").statusCode()).isEqualTo(403);

    String admin = "chief" + counter;
    assertThat(
            site.app()
                .accounts()
                .createVerified(
                    admin, admin + "@mail.example", PASSWORD, pressroom.web.Access.Role.ADMIN))
        .isInstanceOf(Registrations.Registration.Created.class);
    Visitor a = site.newVisitor();
    signIn(a, admin, PASSWORD);
    assertThat(a.get("/staff/sources").statusCode()).isEqualTo(200);
    HttpResponse<String> users = a.get("/staff/users?q=" + r.userId());
    assertThat(users.statusCode()).isEqualTo(200);
    assertThat(users.body()).contains(r.email());
  }

  /**
   * Issue 12.12: nobody suspends, bans or demotes an equal or higher role; a suspended staff member
   * loses the staff pages.
   */
  @Test
  void staffCanActOnlyOnLowerRolesAndASuspendedStaffMemberLosesTheStaffPages() {
    counter++;
    String[] ids = new String[3];
    pressroom.web.Access.Role[] roles = {
      pressroom.web.Access.Role.ADMIN,
      pressroom.web.Access.Role.ADMIN,
      pressroom.web.Access.Role.MODERATOR
    };
    for (int i = 0; i < 3; i++) {
      String userId = "staff" + counter + "x" + i;
      var created =
          (Registrations.Registration.Created)
              site.app()
                  .accounts()
                  .createVerified(userId, userId + "@mail.example", PASSWORD, roles[i]);
      ids[i] = created.accountId();
    }
    Visitor admin = site.newVisitor();
    signIn(admin, "staff" + counter + "x0", PASSWORD);
    Visitor moderator = site.newVisitor();
    signIn(moderator, "staff" + counter + "x2", PASSWORD);
    assertThat(moderator.get("/staff/moderation").statusCode()).isEqualTo(200);

    assertThat(
            admin
                .post("/staff/users/" + ids[1] + "/suspend", Map.of("days", "3", "reason", "coup"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            admin.post("/staff/users/" + ids[1] + "/role", Map.of("role", "reader")).statusCode())
        .isEqualTo(403);
    assertThat(
            admin.post("/staff/users/" + ids[0] + "/role", Map.of("role", "reader")).statusCode())
        .as("not even oneself")
        .isEqualTo(403);
    var other = site.app().accountDao().find(ids[1]).orElseThrow();
    assertThat(other.role()).isEqualTo(pressroom.web.Access.Role.ADMIN);
    assertThat(other.suspendedUntil()).isNull();

    assertThat(
            admin
                .post(
                    "/staff/users/" + ids[2] + "/suspend", Map.of("days", "3", "reason", "a test"))
                .statusCode())
        .isEqualTo(303);
    assertThat(moderator.get("/staff/moderation").statusCode())
        .as("suspended staff lose the staff pages")
        .isEqualTo(403);
    assertThat(admin.post("/staff/users/" + ids[2] + "/suspend", Map.of("days", "0")).statusCode())
        .isEqualTo(303);
    assertThat(moderator.get("/staff/moderation").statusCode()).isEqualTo(200);
  }
}
