package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.mail.Mail;
import pressroom.mail.MailTemplates;

/** The account mails' two parts: the text as it always read, and HTML with every value escaped. */
class AccountMailTemplatesTest {
  private final MailTemplates templates = new MailTemplates();

  private Mail render(String template, Map<String, Object> params) {
    return templates.render("ada@mail.example", "Subject", template, params);
  }

  @Test
  void theConfirmationMailReadsAsBefore() {
    Mail m =
        render(
            "accounts/mail/verify.jte",
            Map.of(
                "siteName",
                "The Daily",
                "userId",
                "ada",
                "link",
                "https://x.example/verify?token=t"));
    assertThat(m.text())
        .isEqualTo(
            "Hello ada,\n\nPlease confirm your e-mail address by opening this link within 48 hours:\n\n"
                + "https://x.example/verify?token=t\n\nIf you did not register at The Daily, ignore this message.\n");
    assertThat(m.html())
        .contains("<a href=\"https://x.example/verify?token=t\">Confirm my e-mail address</a>");
  }

  @Test
  void theRecoveryMailReadsAsBefore() {
    Mail m =
        render(
            "accounts/mail/recovery.jte",
            Map.of("userId", "ada", "link", "https://x.example/reset?token=t"));
    assertThat(m.text())
        .isEqualTo(
            "Hello,\n\nSomeone (hopefully you) asked to recover the sign-in details for this address.\n\n"
                + "Your user ID is: ada\n\nTo choose a new password, open this link within 30 minutes:\n\n"
                + "https://x.example/reset?token=t\n\n"
                + "The link works once. If you did not ask, ignore this message; your password stays as it is.\n");
    assertThat(m.html()).contains("<strong>ada</strong>");
  }

  @Test
  void theNotesReadAsBefore() {
    Mail taken =
        render(
            "accounts/mail/addressTaken.jte",
            Map.of("siteName", "The Daily", "recoverLink", "https://x.example/recover"));
    assertThat(taken.text())
        .isEqualTo(
            "Hello,\n\nSomeone asked to use this e-mail address for an account at The Daily, but it"
                + " already belongs to yours, so nothing was changed.\n\nIf it was you, sign in, or"
                + " recover your account at https://x.example/recover if you forgot how. If it was not"
                + " you, you need do nothing.\n");
    Mail changed =
        render(
            "accounts/mail/passwordChanged.jte",
            Map.of("userId", "ada", "recoverLink", "https://x.example/recover"));
    assertThat(changed.text())
        .isEqualTo(
            "Hello ada,\n\nThe password of your account was just changed, and every other session"
                + " was signed out.\n\nIf this was not you, recover your account at"
                + " https://x.example/recover and contact us.\n");
  }

  @Test
  void valuesAreEscapedInHtmlAndLeftAloneInText() {
    Mail m =
        render(
            "accounts/mail/verify.jte",
            Map.of(
                "siteName",
                "Tom & <b>Jerry</b>",
                "userId",
                "ada",
                "link",
                "https://x.example/\"><script>"));
    assertThat(m.html())
        .contains("Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;")
        .doesNotContain("<script>")
        .doesNotContain("<b>");
    assertThat(m.text()).contains("Tom & <b>Jerry</b>").contains("\"><script>");
  }
}
