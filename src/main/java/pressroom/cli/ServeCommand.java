package pressroom.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import pressroom.App;
import pressroom.config.Config;

/** Runs the site until the process is stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the web site (the default command).")
final class ServeCommand implements Callable<Integer> {
  private final Map<String, String> env;

  @Mixin DataOptions data = new DataOptions();

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (PRESSROOM_PORT, default 8080).")
  String port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to listen on (PRESSROOM_HOST, default 0.0.0.0).")
  String host;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "Public address of the site (PRESSROOM_BASE_URL, default http://localhost:PORT).")
  String baseUrl;

  @Option(
      names = "--no-demo",
      description =
          "Do not fill an empty site with the bundled demo content (PRESSROOM_DEMO=false).")
  boolean noDemo;

  ServeCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws InterruptedException {
    Config.Builder b = data.applyTo(Config.Builder.fromEnvironment(env));
    b.set("PRESSROOM_PORT", port).set("PRESSROOM_HOST", host).set("PRESSROOM_BASE_URL", baseUrl);
    if (noDemo) {
      b.set("PRESSROOM_DEMO", "false");
    }
    Config config = b.build();
    App app = App.create(config).loadDemoIfEmpty().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.drain(config.drainTime());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  app.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }
}
