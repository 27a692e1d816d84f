package pressroom.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each mail to an SMTP server, one connection per mail (account mail is rare). */
final class SmtpMailer implements Mailer {
  private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final SmtpUrl server;
  private final InternetAddress from;
  private final Session session;

  SmtpMailer(SmtpUrl server, InternetAddress from) {
    this.server = server;
    this.from = from;
    this.session = Session.getInstance(properties(server));
  }

  private static Properties properties(SmtpUrl server) {
    String millis = String.valueOf(TIMEOUT.toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", server.host());
    p.setProperty("mail.smtp.port", String.valueOf(server.port()));
    p.setProperty("mail.smtp.connectiontimeout", millis);
    p.setProperty("mail.smtp.timeout", millis);
    p.setProperty("mail.smtp.writetimeout", millis);
    if (server.tls()) {
      p.setProperty("mail.smtp.ssl.enable", "true");
    }
    if (server.startTls()) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    // Said explicitly: the default has changed between releases.
    p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    if (server.user() != null) {
      p.setProperty("mail.smtp.auth", "true");
    }
    return p;
  }

  @Override
  public void send(Mail mail) {
    MimeMessage message = MimeMail.build(session, from, mail);
    try {
      if (server.user() == null) {
        Transport.send(message);
      } else {
        Transport.send(message, server.user(), server.password());
      }
    } catch (MessagingException e) {
      throw new MailException(redact(describe(e, mail)), e);
    }
    log.info("Mail to {} sent through {}", mail.to(), server.address());
  }

  private String describe(MessagingException e, Mail mail) {
    String where = "the SMTP server " + server.address();
    return switch (e) {
      case AuthenticationFailedException a ->
          "Login refused: "
              + where
              + " did not accept the user name '"
              + server.user()
              + "' and its password"
              + reason(a);
      case MailConnectException c -> "Could not connect to " + where + reason(c);
      case SendFailedException s
          when s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0 ->
          "Recipient refused: " + where + " will not send to " + mail.to() + reason(s);
      default -> "Could not send the mail to " + mail.to() + " through " + where + reason(e);
    };
  }

  /** What the server or the network said, from the innermost cause. */
  private static String reason(Exception e) {
    boolean tls = false;
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      tls |= root instanceof SSLException;
    }
    String said =
        switch (root) {
          case UnknownHostException u -> "unknown host";
          case SocketTimeoutException t -> "no answer within " + TIMEOUT.toSeconds() + " s";
          default ->
              root.getMessage() == null || root.getMessage().isBlank()
                  ? root.getClass().getSimpleName()
                  : root.getMessage().strip();
        };
    return tls ? " (TLS failed: " + said + ")" : " (" + said + ")";
  }

  private String redact(String message) {
    String password = server.password();
    return password == null || password.isEmpty() ? message : message.replace(password, "***");
  }

  @Override
  public String toString() {
    return "SmtpMailer[" + server + ", from " + from.getAddress() + "]";
  }
}
