package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** Issue 12.13: behind a reverse proxy, one visitor's failures do not lock out everyone. */
class TrustedProxiesTest {
  static final String PASSWORD = "correct horse battery";

  @Test
  void behindATrustedProxyEachVisitorHasTheirOwnLimit() {
    try (TestApp site =
        TestApp.start(
            TestApp.Db.SQLITE,
            false,
            Map.of("PRESSROOM_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"))) {
      site.app()
          .accounts()
          .createVerified("patient", "patient@mail.example", PASSWORD, Role.READER);
      for (int i = 0; i < 25; i++) { // more than the 20 failures an address may have
        var v = site.newVisitor().always("X-Forwarded-For", "198.51.100.7, 10.1.2.3");
        assertThat(
                v.post("/signin", Map.of("login", "nobody" + i, "password", "wrong password"))
                    .statusCode())
            .isIn(401, 429);
      }
      var attacker = site.newVisitor().always("X-Forwarded-For", "198.51.100.7");
      assertThat(
              attacker
                  .post("/signin", Map.of("login", "patient", "password", PASSWORD))
                  .statusCode())
          .isEqualTo(429);
      // A forged first hop does not help: the proxy appended the real address last.
      var forged = site.newVisitor().always("X-Forwarded-For", "203.0.113.99, 198.51.100.7");
      assertThat(
              forged.post("/signin", Map.of("login", "patient", "password", PASSWORD)).statusCode())
          .isEqualTo(429);
      var neighbour = site.newVisitor().always("X-Forwarded-For", "192.0.2.44");
      assertThat(
              neighbour
                  .post("/signin", Map.of("login", "patient", "password", PASSWORD))
                  .statusCode())
          .isEqualTo(303);
    }
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      site.app()
          .accounts()
          .createVerified("patient", "patient@mail.example", PASSWORD, Role.READER);
      for (int i = 0; i < 20; i++) {
        var v = site.newVisitor().always("X-Forwarded-For", "198.51.100." + i);
        assertThat(
                v.post("/signin", Map.of("login", "nobody" + i, "password", "wrong password"))
                    .statusCode())
            .isEqualTo(401);
      }
      var spoofing = site.newVisitor().always("X-Forwarded-For", "192.0.2.44");
      assertThat(
              spoofing
                  .post("/signin", Map.of("login", "patient", "password", PASSWORD))
                  .statusCode())
          .isEqualTo(429);
    }
  }

  @Test
  void failuresCountAgainstTheAccountWhicheverNameWasTyped() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      site.app()
          .accounts()
          .createVerified("patient", "patient@mail.example", PASSWORD, Role.READER);
      for (int i = 0; i < 5; i++) {
        String login = i % 2 == 0 ? "patient" : "Patient@Mail.example";
        assertThat(
                site.newVisitor()
                    .post("/signin", Map.of("login", login, "password", "wrong " + i))
                    .statusCode())
            .isEqualTo(401);
      }
      assertThat(
              site.newVisitor()
                  .post("/signin", Map.of("login", "patient@mail.example", "password", PASSWORD))
                  .statusCode())
          .isEqualTo(429);
    }
  }

  @Test
  void aBadProxySettingIsRefusedByName() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            pressroom.config.Config.ConfigException.class,
            () ->
                pressroom.config.Config.Builder.empty()
                    .set("PRESSROOM_TRUSTED_PROXIES", "10.0.0.0/8, proxy.internal")
                    .build());
    assertThat(e.getMessage()).contains("PRESSROOM_TRUSTED_PROXIES").contains("proxy.internal");
  }
}
