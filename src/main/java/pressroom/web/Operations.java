package pressroom.web;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import pressroom.db.Database;

/** /healthz for load balancers and /metrics for Prometheus. */
public final class Operations {
  private final Database database;
  private final PrometheusMeterRegistry metrics;

  public Operations(Database database, PrometheusMeterRegistry metrics) {
    this.database = database;
    this.metrics = metrics;
  }

  void health(Context ctx) {
    boolean db = database.healthy();
    ctx.header("Cache-Control", "no-store");
    ctx.status(db ? 200 : 503)
        .json(Map.of("status", db ? "ok" : "failing", "database", db ? "ok" : "unreachable"));
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }
}
