package pressroom.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import pressroom.articles.ReaderPages;
import pressroom.ingest.FeedSource;
import pressroom.ingest.SourcesPage;

/** Every route of the site on one screen. Tests boot the same configuration. */
public final class Routes {
  private Routes() {}

  public static void configure(
      JavalinConfig config,
      ReaderPages reader,
      SourcesPage sources,
      Operations ops,
      ErrorPages errors,
      FastPath fastPath) {
    // Cache hits are answered by Jetty before the servlet; everything else comes here.
    config.jetty.modifyServletContextHandler(context -> context.insertHandler(fastPath));
    config.staticFiles.add(
        sf -> {
          sf.hostedPath = "/static";
          sf.directory = "/public";
          sf.location = Location.CLASSPATH;
          sf.headers = Map.of("Cache-Control", "public, max-age=86400");
        });

    config.routes.before(SecurityHeaders::apply);

    config.routes.get("/", reader::home);
    config.routes.get("/sections/{slug}", reader::section);
    config.routes.get("/articles/{slug}", reader::article);
    config.routes.get("/authors/{slug}", reader::author);
    config.routes.get("/tags/{slug}", reader::tag);

    config.routes.get("/staff/sources", sources::list);
    config.routes.post("/staff/sources/{id}/fetch", sources::fetchNow);
    config.routes.post("/staff/sources/{id}/disable", ctx -> sources.setState(ctx, FeedSource.State.DISABLED));
    config.routes.post("/staff/sources/{id}/enable", ctx -> sources.setState(ctx, FeedSource.State.ACTIVE));

    config.routes.get("/healthz", ops::health);
    config.routes.get("/metrics", ops::metrics);

    errors.register(config);
  }
}
