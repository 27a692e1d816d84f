package pressroom.accounts;

import java.time.Duration;

/** Too many attempts: try again after {@code retryAfter}. */
public record Throttled(Duration retryAfter) {

  /** The wait in whole seconds, at least one: a Retry-After header's value. */
  public long seconds() {
    return Math.max(1, retryAfter.toSeconds());
  }

  /** The wait in minutes, rounded up, at least one: what the reader is told. */
  public long minutes() {
    return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
  }
}
