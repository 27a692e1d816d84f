package pressroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

/**
 * Waits for something changes make true "within a second or so" (caches, the search index). The
 * limit is ten seconds: it only matters when something is wrong, and a loaded CI machine may take a
 * few seconds for what takes a fraction of one here.
 */
public final class Eventually {
  private Eventually() {}

  /** Polls {@code condition} every 50 ms; fails naming {@code what} after 10 seconds. */
  public static void until(String what, BooleanSupplier condition) {
    value(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
  }

  /**
   * Polls {@code read} every 50 ms until it gives something other than null, and returns that;
   * fails naming {@code what} after 10 seconds.
   */
  public static <T> T value(String what, java.util.function.Supplier<T> read) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      T found = read.get();
      if (found != null) {
        return found;
      }
      assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
