package pressroom.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Sends account mail: through an SMTP server, or, when none is configured, into {@code .eml} files
 * in the outbox folder so a site runs (and can be tried out) without one.
 *
 * <p>Not sealed on purpose: tests of other features put a recording fake in its place.
 */
public interface Mailer {

  /**
   * Sends one mail, or throws.
   *
   * @throws MailException when the mail could not be handed over; the message says why and never
   *     holds the SMTP password
   */
  void send(Mail mail);

  /**
   * The mailer the configuration asks for.
   *
   * @param smtpUrl {@code PRESSROOM_SMTP_URL}: {@code smtp://user:password@host:port}, {@code
   *     smtps://…} or {@code smtp://…?starttls=true}; null or blank means the outbox
   * @param from the From header, e.g. {@code Pressroom <no-reply@news.example.org>}
   * @param dataDir the data folder; the outbox is its {@code outbox} subfolder
   * @throws IllegalArgumentException when the URL or the From address is unusable
   */
  /**
   * The mailer the settings ask for.
   *
   * @throws pressroom.config.Config.ConfigException naming the setting that is unusable
   */
  public static Mailer from(pressroom.config.Config config) {
    try {
      return from(config.smtpUrl(), config.mailFrom(), config.dataDir());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      String key =
          m.startsWith("PRESSROOM_SMTP_URL") ? "PRESSROOM_SMTP_URL" : "PRESSROOM_MAIL_FROM";
      throw new pressroom.config.Config.ConfigException(
          key, m.startsWith(key + ": ") ? m.substring(key.length() + 2) : m);
    }
  }

  static Mailer from(String smtpUrl, String from, Path dataDir) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(dataDir, "dataDir");
    InternetAddress sender = sender(from);
    if (smtpUrl == null || smtpUrl.isBlank()) {
      return new OutboxMailer(dataDir.resolve("outbox"), sender);
    }
    return new SmtpMailer(SmtpUrl.parse(smtpUrl), sender);
  }

  private static InternetAddress sender(String from) {
    try {
      InternetAddress parsed = new InternetAddress(from, true);
      // Re-created so a non-ASCII display name is encoded as UTF-8 in the header.
      return new InternetAddress(
          parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException(
          "From address '"
              + from
              + "' is not a mail address such as Pressroom <no-reply@news.example.org>");
    }
  }
}
