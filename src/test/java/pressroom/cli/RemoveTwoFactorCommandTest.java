package pressroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.App;
import pressroom.audit.AuditLog;
import pressroom.config.Config;
import pressroom.web.Access.Role;

/** The operator's way back in for a staff member who lost both phone and recovery codes. */
class RemoveTwoFactorCommandTest {
  @TempDir Path data;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    return PressroomCommand.run(
        args,
        Map.of("PRESSROOM_DATA", data.toString()),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void removesTheSecondFactorAndSaysSoInTheAuditLog() {
    Config.Builder config = Config.Builder.empty();
    config.set("PRESSROOM_DATA", data.toString());
    String accountId;
    try (App app = App.create(config.build())) {
      app.accounts()
          .createVerified("lost.phone", "lost@mail.example", "a long password here", Role.EDITOR);
      accountId = app.accountDao().search("lost.phone", 1).get(0).id();
      app.twoFactor().unconfirmedSecret(accountId);
      app.database().jdbi().useHandle(h -> h.execute("UPDATE account_totp SET confirmed_at = 1"));
      assertThat(app.twoFactor().enrolled(accountId)).isTrue();
    }

    assertThat(run("users", "remove-two-factor", "--user-id", "lost@mail.example")).isZero();
    assertThat(out.toString()).contains("Two-factor sign-in is off for lost.phone.");
    assertThat(run("users", "remove-two-factor", "--user-id", "nobody")).isEqualTo(2);
    assertThat(err.toString()).contains("no account has the name nobody");

    try (App app = App.create(config.build())) {
      assertThat(app.twoFactor().enrolled(accountId)).isFalse();
      assertThat(app.auditLog().find(AuditLog.Filter.ANY, null, 10))
          .anySatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("account.two-factor.disable");
                assertThat(e.actorUserId()).isEqualTo("(command line)");
                assertThat(e.subject()).isEqualTo("Account ‘lost.phone’");
              });
    }
  }
}
