package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pressroom.audit.AuditLog;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestApp.Visitor;
import pressroom.web.Access.Role;

/**
 * Two-factor sign-in over HTTP: enrolment, the code step after the password (pages and API), wrong
 * codes, replays, recovery codes, turning it off, and admins requiring it of staff. One subclass
 * per database.
 */
@RunningSite
abstract class TwoFactorContract implements RunningSite.OnDatabase {
  static final String PASSWORD = "correct horse battery";
  TestApp site;
  pressroom.testing.Fixtures f;
  int counter;

  /** Every key and recovery code the tests saw: none may appear in a log line. */
  final List<String> secrets = new java.util.ArrayList<>();

  final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
      new ch.qos.logback.core.read.ListAppender<>();

  @org.junit.jupiter.api.BeforeAll
  void listenToTheLogs() {
    logs.start();
    root().addAppender(logs);
  }

  @org.junit.jupiter.api.AfterAll
  void nothingSecretWasLogged() {
    root().detachAppender(logs);
    assertThat(secrets).isNotEmpty();
    for (var e : logs.list) {
      String line = e.getFormattedMessage() + " " + e.getThrowableProxy();
      assertThat(secrets).noneMatch(line::contains);
    }
  }

  private static ch.qos.logback.classic.Logger root() {
    return (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  @BeforeEach
  void clearThrottling() {
    site.clearThrottling();
  }

  /** What enrolling gave the test: the key, as the page showed it, and the recovery codes. */
  record Enrolled(String userId, byte[] key, List<String> recoveryCodes) {}

  String newAccount(Role role) {
    counter++;
    String userId = role.name().toLowerCase() + counter + db().name().toLowerCase().charAt(0);
    site.app().accounts().createVerified(userId, userId + "@mail.example", PASSWORD, role);
    return userId;
  }

  /** Sets up the second factor through the page, typing the code the page's key gives now. */
  Enrolled enrol(Visitor v, String userId) {
    HttpResponse<String> page = v.get("/profile/two-factor");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    Document d = Jsoup.parse(page.body());
    byte[] key = Totp.fromBase32(d.getElementById("totp-secret").text());
    HttpResponse<String> on = v.post("/profile/two-factor/enable", Map.of("code", codeNow(key)));
    assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
    List<String> codes =
        Jsoup.parse(on.body()).select(".recovery-codes code").stream().map(Element::text).toList();
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    secrets.add(Totp.base32(key));
    secrets.addAll(codes);
    return new Enrolled(userId, key, codes);
  }

  /** The code the app shows at the site's time. */
  String codeNow(byte[] key) {
    return Totp.code(key, Totp.step(site.clock().instant()), 6);
  }

  /** A code of the next 30-second step: a code is good once, so each use waits for a new one. */
  String nextCode(byte[] key) {
    site.clock().advance(Duration.ofSeconds(30));
    return codeNow(key);
  }

  /** A new browser that typed the right password and now stands at the code step. */
  Visitor atCodeStep(String userId) {
    Visitor v = site.newVisitor();
    HttpResponse<String> in =
        v.post("/signin", Map.of("login", userId, "password", PASSWORD, "return", "/reading-list"));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location").orElseThrow())
        .startsWith("/signin/code?return=%2Freading-list");
    return v;
  }

  HttpResponse<String> typeCode(Visitor v, String code) {
    return v.post("/signin/code", Map.of("code", code, "return", "/reading-list"));
  }

  boolean signedIn(Visitor v) {
    return v.get("/profile").statusCode() == 200;
  }

  List<String> auditActions() {
    return site.app().auditLog().find(AuditLog.Filter.ANY, null, 500).stream()
        .map(AuditLog.Entry::action)
        .toList();
  }

  @Test
  void theEnrolmentPageShowsTheKeyAsTextAndQrCodeAndWantsACodeFromIt() {
    String userId = newAccount(Role.EDITOR);
    Visitor v = site.signedIn(userId, PASSWORD);
    Document d = Jsoup.parse(v.get("/profile/two-factor").body());
    String secret = d.getElementById("totp-secret").text();
    assertThat(secret).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
    assertThat(d.select("figure.qr svg path").attr("d")).startsWith("M");
    assertThat(d.select("a[href^=otpauth://totp/]").attr("href"))
        .contains(":" + userId + "?secret=" + secret.replace(" ", ""))
        .contains("&digits=6&period=30");
    // A reload keeps the key: a phone that scanned it already still fits.
    assertThat(
            Jsoup.parse(v.get("/profile/two-factor").body()).getElementById("totp-secret").text())
        .isEqualTo(secret);
    HttpResponse<String> wrong = v.post("/profile/two-factor/enable", Map.of("code", "12345x"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("not the code the app shows now");
    assertThat(site.get("/profile/two-factor").statusCode()).isEqualTo(303);

    Enrolled e = enrol(v, userId);
    assertThat(e.key()).isEqualTo(Totp.fromBase32(secret));
    assertThat(auditActions()).contains("account.two-factor.enable");
    Document on = Jsoup.parse(v.get("/profile/two-factor").body());
    assertThat(on.text()).contains("Two-factor sign-in is on").contains("10 unused recovery codes");
    assertThat(on.getElementById("totp-secret")).isNull();
  }

  @Test
  void aRightPasswordAloneDoesNotSignAnEnrolledAccountIn() {
    String userId = newAccount(Role.EDITOR);
    Enrolled e = enrol(site.signedIn(userId, PASSWORD), userId);

    Visitor v = atCodeStep(userId);
    assertThat(v.cookies()).noneMatch(c -> c.getName().equals("pressroom-session"));
    assertThat(signedIn(v)).isFalse();
    HttpResponse<String> form = v.get("/signin/code?return=%2Freading-list");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(form.body()).select("input[name=return]").val())
        .isEqualTo("/reading-list");

    // The code accepted at enrolment is spent: the same step's code is refused.
    HttpResponse<String> replay = typeCode(v, codeNow(e.key()));
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("not right, or was used already");
    assertThat(signedIn(v)).isFalse();

    String code = nextCode(e.key());
    HttpResponse<String> in = typeCode(v, code.substring(0, 3) + " " + code.substring(3));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/reading-list");
    assertThat(signedIn(v)).isTrue();

    // The same code once more, from another browser that knows the password: refused.
    Visitor other = atCodeStep(userId);
    assertThat(typeCode(other, code).statusCode()).isEqualTo(401);
    assertThat(signedIn(other)).isFalse();

    // The waiting sign-in belongs to the browser that typed the password.
    Visitor stranger = site.newVisitor();
    HttpResponse<String> noPassword = typeCode(stranger, nextCode(e.key()));
    assertThat(noPassword.statusCode()).isEqualTo(401);
    assertThat(noPassword.body()).contains("took too long");
    assertThat(signedIn(stranger)).isFalse();
    assertThat(stranger.get("/signin/code").headers().firstValue("Location")).hasValue("/signin");

    // ...and lasts five minutes.
    Visitor slow = atCodeStep(userId);
    site.clock().advance(Duration.ofMinutes(6));
    assertThat(typeCode(slow, codeNow(e.key())).body()).contains("took too long");

    // ...and ends when the owner signs out everywhere (or changes the password).
    Visitor waiting = atCodeStep(userId);
    v.post("/signout/everywhere", Map.of());
    assertThat(typeCode(waiting, nextCode(e.key())).body()).contains("took too long");
  }

  @Test
  void keepMeSignedInIsCarriedThroughTheCodeStep() {
    String userId = newAccount(Role.MODERATOR);
    Enrolled e = enrol(site.signedIn(userId, PASSWORD), userId);
    Visitor v = site.newVisitor();
    v.post("/signin", Map.of("login", userId, "password", PASSWORD, "remember", "1"));
    assertThat(typeCode(v, nextCode(e.key())).headers().allValues("Set-Cookie"))
        .anyMatch(c -> c.startsWith("pressroom-session=") && c.contains("Max-Age="));
  }

  @Test
  void anArticleSavedBeforeSigningInIsSavedAfterTheCode() {
    String userId = newAccount(Role.READER);
    Enrolled e = enrol(site.signedIn(userId, PASSWORD), userId);
    Visitor v = site.newVisitor();
    String article = "/articles/" + f.wire.slug();
    HttpResponse<String> in =
        v.post(
            "/signin",
            Map.of(
                "login",
                userId,
                "password",
                PASSWORD,
                "return",
                article,
                "bookmark",
                f.wire.slug()));
    String codePage = in.headers().firstValue("Location").orElseThrow();
    Document form = Jsoup.parse(v.get(codePage).body());
    assertThat(form.select("input[name=bookmark]").val()).isEqualTo(f.wire.slug());
    HttpResponse<String> done =
        v.post(
            "/signin/code",
            Map.of("code", nextCode(e.key()), "return", article, "bookmark", f.wire.slug()));
    assertThat(done.headers().firstValue("Location")).hasValue(article);
    assertThat(v.get("/reading-list").body()).contains("/articles/" + f.wire.slug());
  }

  @Test
  void settingUpTheFactorEndsTheAccountsOtherSessions() {
    String userId = newAccount(Role.EDITOR);
    Visitor before = site.signedIn(userId, PASSWORD); // e.g. someone who had the password
    Visitor owner = site.signedIn(userId, PASSWORD);
    Enrolled e = enrol(owner, userId);
    assertThat(signedIn(owner)).isTrue();
    assertThat(signedIn(before)).as("a session from before the factor").isFalse();
    Visitor again = site.signedIn(userId, PASSWORD); // stands at the code step: no session
    assertThat(signedIn(again)).isFalse();
    HttpResponse<String> renewed =
        owner.post("/profile/two-factor/recovery-codes", Map.of("confirm", nextCode(e.key())));
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(signedIn(owner)).isTrue();
  }

  @Test
  void aKeyBeingSetUpIsOfferedAgainForTenMinutesThenReplaced() {
    String userId = newAccount(Role.EDITOR);
    Visitor v = site.signedIn(userId, PASSWORD);
    String first =
        Jsoup.parse(v.get("/profile/two-factor").body()).getElementById("totp-secret").text();
    site.clock().advance(Duration.ofMinutes(9));
    assertThat(
            Jsoup.parse(v.get("/profile/two-factor").body()).getElementById("totp-secret").text())
        .isEqualTo(first);
    site.clock().advance(Duration.ofMinutes(2));
    assertThat(
            Jsoup.parse(v.get("/profile/two-factor").body()).getElementById("totp-secret").text())
        .isNotEqualTo(first);
  }

  @Test
  void guessesSentAllAtOnceStillCountOneByOne() throws Exception {
    String userId = newAccount(Role.EDITOR);
    enrol(site.signedIn(userId, PASSWORD), userId);
    List<Visitor> browsers = new java.util.ArrayList<>();
    for (int i = 0; i < 16; i++) {
      browsers.add(atCodeStep(userId));
    }
    List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var start = new java.util.concurrent.CountDownLatch(1);
      for (Visitor b : browsers) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return typeCode(b, "000000").statusCode();
                }));
      }
      start.countDown();
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (var a : answers) {
      statuses.add(a.get());
    }
    // Each guess is counted before it is checked: at most the limit's worth are checked at all.
    assertThat(statuses.stream().filter(c -> c == 401).count())
        .isLessThanOrEqualTo(TwoFactor.WRONG_CODES.max());
    assertThat(statuses).contains(429);
  }

  @Test
  void wrongCodesAreThrottled() {
    String userId = newAccount(Role.EDITOR);
    Enrolled e = enrol(site.signedIn(userId, PASSWORD), userId);
    Visitor v = atCodeStep(userId);
    for (int i = 0; i < TwoFactor.WRONG_CODES.max(); i++) {
      assertThat(typeCode(v, "000000").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> blocked = typeCode(v, nextCode(e.key()));
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    assertThat(signedIn(v)).isFalse();
  }

  @Test
  void aRecoveryCodeSignsInOnce() {
    String userId = newAccount(Role.EDITOR);
    Enrolled e = enrol(site.signedIn(userId, PASSWORD), userId);
    String recovery = e.recoveryCodes().get(3);
    assertThat(recovery).matches("[a-z2-7]{5}-[a-z2-7]{5}");

    Visitor v = atCodeStep(userId);
    assertThat(typeCode(v, recovery.toUpperCase().replace("-", " ")).statusCode()).isEqualTo(303);
    assertThat(signedIn(v)).isTrue();
    assertThat(v.get("/profile/two-factor").body()).contains("9 unused recovery codes");

    Visitor again = atCodeStep(userId);
    assertThat(typeCode(again, recovery).statusCode()).isEqualTo(401);
  }

  @Test
  void theApiAsksForTheCodeWithThePassword() {
    String userId = newAccount(Role.EDITOR);
    Enrolled e = enrol(site.signedIn(userId, PASSWORD), userId);
    Visitor v = site.newVisitor();
    String login = "{\"login\":\"" + userId + "\",\"password\":\"" + PASSWORD + "\"";

    HttpResponse<String> missing = v.json("POST", "/api/v1/session", login + "}");
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("\"error\":\"code_required\"");
    assertThat(v.get("/api/v1/me").statusCode()).isEqualTo(401);

    HttpResponse<String> wrong = v.json("POST", "/api/v1/session", login + ",\"code\":\"000000\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("\"error\":\"wrong_code\"");

    HttpResponse<String> in =
        v.json("POST", "/api/v1/session", login + ",\"code\":\"" + nextCode(e.key()) + "\"}");
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    assertThat(v.get("/api/v1/me").body()).contains(userId);

    // A wrong password with a right code is a wrong password.
    HttpResponse<String> badPassword =
        site.newVisitor()
            .json(
                "POST",
                "/api/v1/session",
                "{\"login\":\""
                    + userId
                    + "\",\"password\":\"wrong one here\",\"code\":\""
                    + nextCode(e.key())
                    + "\"}");
    assertThat(badPassword.statusCode()).isEqualTo(401);
    assertThat(badPassword.body()).contains("\"error\":\"unauthorized\"");
  }

  @Test
  void newRecoveryCodesAndTurningItOffNeedACodeNotThePassword() {
    String userId = newAccount(Role.EDITOR);
    Visitor v = site.signedIn(userId, PASSWORD);
    Enrolled e = enrol(v, userId);

    // Whoever holds only the password (and a session) cannot mint recovery codes.
    HttpResponse<String> refused =
        v.post("/profile/two-factor/recovery-codes", Map.of("confirm", PASSWORD));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("neither a current code from your app nor an unused");
    HttpResponse<String> renewed =
        v.post("/profile/two-factor/recovery-codes", Map.of("confirm", nextCode(e.key())));
    assertThat(renewed.statusCode()).isEqualTo(200);
    List<String> fresh =
        Jsoup.parse(renewed.body()).select(".recovery-codes code").stream()
            .map(Element::text)
            .toList();
    assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(e.recoveryCodes());
    assertThat(typeCode(atCodeStep(userId), e.recoveryCodes().get(0)).statusCode()).isEqualTo(401);
    assertThat(typeCode(atCodeStep(userId), fresh.get(0)).statusCode()).isEqualTo(303);

    assertThat(v.post("/profile/two-factor/disable", Map.of("confirm", "000000")).statusCode())
        .isEqualTo(400);
    HttpResponse<String> off =
        v.post("/profile/two-factor/disable", Map.of("confirm", nextCode(e.key())));
    assertThat(off.statusCode()).isEqualTo(303);
    assertThat(v.get("/profile/two-factor?notice=off").body())
        .contains("Two-factor sign-in is off.");
    assertThat(auditActions())
        .contains("account.two-factor.recovery-codes", "account.two-factor.disable");

    // The password alone signs in again.
    HttpResponse<String> in = site.newVisitor().signIn(userId, PASSWORD);
    assertThat(in.headers().firstValue("Location")).hasValue("/");
  }

  @Test
  void adminsCanRequireASecondFactorOfStaffWhoThenSetItUpBeforeAnyStaffPage() {
    String admin = newAccount(Role.ADMIN);
    String moderator = newAccount(Role.MODERATOR);
    String reader = newAccount(Role.READER);
    Visitor a = site.signedIn(admin, PASSWORD);
    try {
      assertThat(a.get("/staff/security").statusCode()).isEqualTo(200);
      assertThat(site.signedIn(moderator, PASSWORD).get("/staff/security").statusCode())
          .isEqualTo(403);
      // Not before the admin has one: else the admin would be locked out at once.
      HttpResponse<String> first = a.post("/staff/security", Map.of("requireTwoFactor", "1"));
      assertThat(first.statusCode()).isEqualTo(400);
      assertThat(first.body()).contains("for your own account first");

      enrol(a, admin);
      HttpResponse<String> on = a.post("/staff/security", Map.of("requireTwoFactor", "1"));
      assertThat(on.statusCode()).isEqualTo(303);
      assertThat(auditActions()).contains("security.two-factor-required");
      Document page = Jsoup.parse(a.get("/staff/security").body());
      assertThat(page.getElementById("requireTwoFactor").hasAttr("checked")).isTrue();
      assertThat(page.select("table.staff-two-factor").text())
          .contains(moderator + " moderator not set up");

      Visitor m = site.newVisitor();
      HttpResponse<String> in = m.signIn(moderator, PASSWORD);
      assertThat(in.headers().firstValue("Location")).hasValue("/profile/two-factor");
      assertThat(m.get("/staff").headers().firstValue("Location")).hasValue("/profile/two-factor");
      assertThat(m.get("/staff/moderation").statusCode()).isEqualTo(303);
      HttpResponse<String> api = m.get("/api/v1/moderation/queue");
      assertThat(api.statusCode()).isEqualTo(403);
      assertThat(api.body()).contains("two_factor_required");
      assertThat(m.get("/profile/two-factor").body())
          .contains("requires staff to sign in with a second factor");
      // Meanwhile they comment as a reader does: a new account's first comment waits.
      HttpResponse<String> said =
          m.post("/articles/" + f.wire.slug() + "/comments", Map.of("body", "Before my code"));
      assertThat(said.headers().firstValue("Location").orElse("")).contains("comment=held");

      // Readers are not affected.
      HttpResponse<String> readerIn = site.newVisitor().signIn(reader, PASSWORD);
      assertThat(readerIn.headers().firstValue("Location")).hasValue("/");

      enrol(m, moderator);
      assertThat(m.get("/staff/moderation").statusCode()).isEqualTo(200);
      assertThat(m.get("/api/v1/moderation/queue").statusCode()).isEqualTo(200);
    } finally {
      assertThat(a.post("/staff/security", Map.of()).statusCode()).isEqualTo(303);
    }
    assertThat(
            site.app().auditLog().find(AuditLog.Filter.ANY, null, 500).stream()
                .filter(x -> x.action().equals("security.two-factor-required"))
                .map(AuditLog.Entry::after)
                .toList())
        .contains("required", "optional");
  }
}
