package pressroom;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import pressroom.config.Config;
import pressroom.net.ClientAddress;
import pressroom.web.RequestLimit;

/** The HTTP server: Jetty through Javalin, a virtual thread per request, the site's ports. */
final class Server {
  private Server() {}

  static Javalin create(
      Config config, ClientAddress clients, RequestLimit limit, Consumer<JavalinConfig> routes) {
    return Javalin.create(
        c -> {
          c.concurrency.useVirtualThreads = true;
          // Accepting, selecting and parsing on platform threads, handlers on virtual ones: were
          // the selector a virtual thread too, renders holding the carriers would stall every
          // connection, cheap answers and 503s included.
          var pool = new QueuedThreadPool();
          pool.setName("jetty");
          pool.setVirtualThreadsExecutor(VirtualThreads.getDefaultVirtualThreadsExecutor());
          c.jetty.threadPool = pool;
          c.startup.showJavalinBanner = false;
          // Rate limits key on this: the proxy's address unless it is one we trust.
          c.contextResolver.ip =
              ctx -> clients.of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
          if (config.managementPort() >= 0) {
            // A connector of our own replaces the framework's default one, so both are added.
            for (int port : new int[] {config.port(), config.managementPort()}) {
              c.jetty.addConnector(
                  (server, http) -> {
                    var connector = new ServerConnector(server, new HttpConnectionFactory(http));
                    connector.setHost(config.host());
                    connector.setPort(port);
                    return connector;
                  });
            }
          }
          // Inserted first, so it ends up innermost: the servlet's work is what it bounds. Cache
          // hits and static files, inserted by the routes in front of it, cost about what a 503
          // does, and a slow reader's download must not hold one of its turns.
          c.jetty.modifyServletContextHandler(context -> context.insertHandler(limit));
          routes.accept(c);
        });
  }

  /** The site's port (with a management port there are two connectors; this is the other one). */
  static int sitePort(Javalin javalin, Config config) {
    if (config.managementPort() < 0) {
      return javalin.port();
    }
    for (var connector : javalin.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector sc && sc.getLocalPort() != config.managementPort()) {
        return sc.getLocalPort();
      }
    }
    return javalin.port();
  }
}
