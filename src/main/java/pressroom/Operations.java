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

  void health(Context ctx) {
    ctx.header("Cache-Control", "no-store");
    if (draining) {
      ctx.status(503).json(Map.of("status", "draining"));
      return;
    }
    boolean db = database.healthy();
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
