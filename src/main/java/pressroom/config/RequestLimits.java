package pressroom.config;

import java.time.Duration;

/**
 * How much work the site takes on at once before it turns requests away: beyond {@code maxActive}
 * requests in the application, up to {@code maxQueued} more wait, each at most {@code maxWait}, for
 * a turn; the rest are answered at once with 503 and Retry-After.
 *
 * @param maxActive requests handled at once ({@code PRESSROOM_MAX_ACTIVE_REQUESTS})
 * @param maxQueued requests waiting for a turn, holding no thread ({@code
 *     PRESSROOM_MAX_QUEUED_REQUESTS})
 * @param maxWait how long one waits before it gets the 503 ({@code PRESSROOM_MAX_QUEUE_WAIT_MS})
 */
public record RequestLimits(int maxActive, int maxQueued, Duration maxWait) {
  /**
   * Measured on two cores: a signed-in reader's article page reached its most requests a second
   * with 4 to 8 in flight; 16 to 64 only lengthened p99 (50 to 170+ ms). Twice the knee leaves room
   * for requests that wait on a remote PostgreSQL rather than on the processor.
   */
  static final int ACTIVE_PER_CORE = 8;

  static final int QUEUED_PER_ACTIVE = 4;
  static final int WAIT_MS = 500;

  public RequestLimits {
    if (maxActive < 1 || maxQueued < 1 || maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The defaults for a machine with {@code cores} processors. */
  public static RequestLimits forCores(int cores) {
    int active = ACTIVE_PER_CORE * Math.max(1, cores);
    return new RequestLimits(active, QUEUED_PER_ACTIVE * active, Duration.ofMillis(WAIT_MS));
  }
}
