package pressroom;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import pressroom.db.Database;
import pressroom.web.Access;
import pressroom.web.PageException;

/**
 * /healthz for load balancers and /metrics for Prometheus. The metrics say a lot about a site
 * (traffic, errors, what runs), so they are not public: with a management port they are served
 * there only, without signing in; without one, to signed-in admins only.
 */
public final class Operations {
  private final Database database;
  private final PrometheusMeterRegistry metrics;
  private final int managementPort;
  private volatile boolean draining;

  /**
   * @param managementPort the port that serves /metrics to anyone who reaches it, or -1
   */
  public Operations(Database database, PrometheusMeterRegistry metrics, int managementPort) {
    this.database = database;
    this.metrics = metrics;
    this.managementPort = managementPort;
  }

  /**
   * From now on /healthz answers 503 "draining", so a load balancer sends this node no new requests
   * while it finishes the ones it has (the node is about to stop).
   */
  void drain() {
    draining = true;
  }

  private final java.util.concurrent.atomic.AtomicBoolean checking =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long lastSuccessNanos = System.nanoTime() - 2 * STALE_NANOS;
  private volatile long lastCheckNanos;

  private static final long CHECK_NANOS = 1_000_000_000L;
  private static final long STALE_NANOS = 15_000_000_000L;

  /**
   * Whether the database answered the last check, made in the last 15 s. A check takes a pooled
   * connection, which under load waits behind the pages; so /healthz answers at once from the last
   * checks and starts a new one in the background at most once a second. A busy node stays in the
   * load balancer (busy is what its 503s say, per request); a node whose database stopped answering
   * leaves it within seconds.
   */
  private boolean databaseHealthy() {
    long now = System.nanoTime();
    if (now - lastSuccessNanos > STALE_NANOS) {
      // Nothing recent to go by (the first check, or the database was failing): one request asks
      // now; any others meanwhile answer from what is known rather than queue for connections.
      if (checking.compareAndSet(false, true)) {
        try {
          lastCheckNanos = now;
          check();
        } finally {
          checking.set(false);
        }
      }
    } else if (now - lastCheckNanos > CHECK_NANOS && checking.compareAndSet(false, true)) {
      lastCheckNanos = now;
      Thread.ofVirtual()
          .name("health-check")
          .start(
              () -> {
                try {
                  check();
                } finally {
                  checking.set(false);
                }
              });
    }
    return System.nanoTime() - lastSuccessNanos <= STALE_NANOS;
  }

  private void check() {
    if (database.healthy()) {
      lastSuccessNanos = System.nanoTime();
    } else {
      // A failed check counts at once: the node leaves the load balancer within its checks.
      lastSuccessNanos = System.nanoTime() - 2 * STALE_NANOS;
    }
  }

  void health(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (draining) {
      ctx.status(503).json(Map.of("status", "draining"));
      return;
    }
    boolean db = databaseHealthy();
    ctx.status(db ? 200 : 503)
        .json(Map.of("status", db ? "ok" : "failing", "database", db ? "ok" : "unreachable"));
  }

  void metrics(Context ctx) {
    if (managementPort >= 0) {
      if (ctx.req().getLocalPort() != managementPort) {
        throw PageException.notFound();
      }
    } else {
      Access.require(ctx, Access.Role.ADMIN);
    }
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
