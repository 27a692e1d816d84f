package pressroom.ingest.formats;

/** A feed that cannot be read at all; the message says why in plain words. */
public final class FeedException extends Exception {
  public FeedException(String message) {
    super(message);
  }

  public FeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
