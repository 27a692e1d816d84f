package pressroom.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail as an RFC 822 {@code .eml} file that any mail client opens, for sites without an
 * SMTP server. Files are named by UTC time, so a listing is in sending order.
 */
final class OutboxMailer implements Mailer {
  private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path outbox;
  private final InternetAddress from;
  private final Session session = Session.getInstance(new Properties());

  OutboxMailer(Path outbox, InternetAddress from) {
    this.outbox = outbox;
    this.from = from;
  }

  @Override
  public void send(Mail mail) {
    MimeMessage message = MimeMail.build(session, from, mail);
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path target = outbox.resolve(STAMP.format(Instant.now()) + "-" + suffix + ".eml");
    Path temp = null;
    try {
      Files.createDirectories(outbox);
      // A dot file until complete, so nothing watching the folder reads half a mail. On POSIX
      // systems it is created readable by its owner only, which suits mail holding tokens.
      temp = Files.createTempFile(outbox, ".", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        message.writeTo(out);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | MessagingException e) {
      deleteQuietly(temp);
      throw new MailException(
          "Could not write the mail to " + mail.to() + " into " + outbox + ": " + e.getMessage(),
          e);
    }
    log.info("Mail to {} written to {}", mail.to(), target);
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", temp, e.toString());
    }
  }

  @Override
  public String toString() {
    return "OutboxMailer[" + outbox + "]";
  }
}
