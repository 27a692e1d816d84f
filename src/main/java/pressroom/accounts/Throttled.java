package pressroom.accounts;

import java.time.Duration;

/** Too many attempts: try again after {@code retryAfter}. */
public record Throttled(Duration retryAfter) {}
