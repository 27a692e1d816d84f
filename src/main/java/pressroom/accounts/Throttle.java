package pressroom.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts events (failed sign-ins, recovery requests, registrations) per key over a window, in the
 * database so that every node sees the same counts.
 */
public final class Throttle {
  private final Jdbi jdbi;

  public Throttle(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A limit: at most {@code max} events per {@code window}. */
  public record Limit(int max, Duration window) {}

  public void record(String key, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO throttle_events (throttle_key, at) VALUES (:k, :at)")
                .bind("k", key)
                .bind("at", now.toEpochMilli())
                .execute());
  }

  /** How long to wait before the next attempt is allowed, or empty when it is allowed now. */
  public Optional<Duration> retryAfter(String key, Limit limit, Instant now) {
    long since = now.minus(limit.window()).toEpochMilli();
    var row =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) AS n, min(at) AS oldest FROM throttle_events"
                            + " WHERE throttle_key = :k AND at > :since")
                    .bind("k", key)
                    .bind("since", since)
                    .mapToMap()
                    .one());
    long n = ((Number) row.get("n")).longValue();
    if (n < limit.max()) {
      return Optional.empty();
    }
    long oldest = ((Number) row.get("oldest")).longValue();
    long waitMs = oldest + limit.window().toMillis() - now.toEpochMilli();
    return Optional.of(Duration.ofMillis(Math.max(1000, waitMs)));
  }

  public void clear(String key) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM throttle_events WHERE throttle_key = :k")
                .bind("k", key)
                .execute());
  }

  /** Drops events older than a day (called now and then). */
  public void prune(Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM throttle_events WHERE at < :old")
                .bind("old", now.minus(Duration.ofDays(1)).toEpochMilli())
                .execute());
  }
}
