package pressroom.mail;

/** A mail that could not be sent or written; the message says why in plain words. */
public final class MailException extends RuntimeException {
  public MailException(String message) {
    super(message);
  }

  public MailException(String message, Throwable cause) {
    super(message, cause);
  }
}
