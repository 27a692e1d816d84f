package pressroom.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The site's clock in tests: real time plus an offset a test moves forward, so a rule about time
 * (an embargo, an edit window, an expiry, a throttle) is tested by moving the clock, not by
 * sleeping. It keeps running between moves, so ordering by time still works as it does live.
 */
public final class TestClock implements InstantSource {
  private final AtomicLong offsetNanos = new AtomicLong();

  @Override
  public Instant instant() {
    return Instant.now().plusNanos(offsetNanos.get());
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public void advance(Duration by) {
    offsetNanos.addAndGet(by.toNanos());
  }
}
