package pressroom.mail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.UUID;

/** Turns a {@link Mail} into the MIME message both mailers hand on: UTF-8 throughout. */
final class MimeMail {
  private static final String UTF_8 = "UTF-8";

  private MimeMail() {}

  static MimeMessage build(Session session, InternetAddress from, Mail mail) {
    String address = from.getAddress();
    String domain = address.substring(address.lastIndexOf('@') + 1);
    String messageId =
        "<" + UUID.randomUUID() + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    // Jakarta Mail would name the machine's host in the Message-ID (and may look it up in DNS to
    // do so); the sender's domain is what mail clients and spam filters expect.
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    try {
      message.setFrom(from);
      message.setRecipient(RecipientType.TO, new InternetAddress(mail.to(), true));
      message.setSubject(mail.subject(), UTF_8);
      message.setSentDate(new Date());
      // RFC 3834: out-of-office robots must not answer account mail.
      message.setHeader("Auto-Submitted", "auto-generated");
      if (mail.html() == null) {
        message.setText(mail.text(), UTF_8);
      } else {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), UTF_8);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), UTF_8, "html");
        // Simplest first: clients show the last part they understand.
        message.setContent(new MimeMultipart("alternative", text, html));
      }
      message.saveChanges();
    } catch (MessagingException e) {
      throw new MailException(
          "Could not build the mail to " + mail.to() + ": " + e.getMessage(), e);
    }
    return message;
  }
}
