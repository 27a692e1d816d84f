package pressroom.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One mail to one person, in plain text and optionally HTML.
 *
 * <p>Account mail carries sign-in and reset tokens, so {@link #toString()} leaves the bodies out.
 *
 * @param to the recipient, e.g. {@code reader@example.org} or {@code Ada <ada@example.org>}
 * @param subject one line; any language
 * @param text the plain-text body every mail client can show
 * @param html the same content as HTML, or null for a text-only mail
 */
public record Mail(String to, String subject, String text, String html) {

  public Mail {
    requireText("to", to);
    requireText("subject", subject);
    requireText("text", text);
    if (html != null && html.isBlank()) {
      throw new IllegalArgumentException("html is blank; pass null for a text-only mail");
    }
    // A line break in a header would let whoever chose the value add headers of their own.
    if (to.indexOf('\r') >= 0 || to.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("to must be one line");
    }
    if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("subject must be one line");
    }
    try {
      new InternetAddress(to, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("to: '" + to + "' is not a mail address");
    }
  }

  /** A text-only mail. */
  public Mail(String to, String subject, String text) {
    this(to, subject, text, null);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }

  @Override
  public String toString() {
    return "Mail[to=" + to + ", subject=" + subject + "]";
  }
}
