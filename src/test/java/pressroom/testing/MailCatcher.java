package pressroom.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the test JVM (GreenMail) that the app sends its mail to. */
public final class MailCatcher implements AutoCloseable {
  private final GreenMail greenMail;

  public MailCatcher() {
    greenMail =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    greenMail.start();
  }

  public String smtpUrl() {
    return "smtp://127.0.0.1:" + greenMail.getSmtp().getPort();
  }

  /** The text of the newest mail to {@code to} after {@code before} mails were already there. */
  public String awaitMail(String to, int before) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<MimeMessage> all = List.of(greenMail.getReceivedMessages());
      List<MimeMessage> mine =
          all.stream()
              .filter(m -> recipients(m).contains(to.toLowerCase(java.util.Locale.ROOT)))
              .toList();
      if (mine.size() > before) {
        return text(mine.get(mine.size() - 1));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no new mail to " + to);
  }

  public int count(String to) {
    return (int)
        List.of(greenMail.getReceivedMessages()).stream()
            .filter(m -> recipients(m).contains(to.toLowerCase(java.util.Locale.ROOT)))
            .count();
  }

  public static String link(String mailText, String path) {
    Matcher m =
        Pattern.compile("(https?://\\S+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)")
            .matcher(mailText);
    if (!m.find()) {
      throw new AssertionError("no " + path + " link in:\n" + mailText);
    }
    return m.group(1);
  }

  private static String recipients(MimeMessage m) {
    try {
      return java.util.Arrays.toString(m.getAllRecipients()).toLowerCase(java.util.Locale.ROOT);
    } catch (jakarta.mail.MessagingException e) {
      return "";
    }
  }

  /** The decoded text/plain part, then the subject. */
  private static String text(MimeMessage m) {
    try {
      return plain(m.getContent()) + "\nSUBJECT: " + m.getSubject();
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String plain(Object content)
      throws jakarta.mail.MessagingException, java.io.IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof jakarta.mail.Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        var part = mp.getBodyPart(i);
        if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
          return plain(part.getContent());
        }
      }
    }
    return String.valueOf(content);
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
