package pressroom.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import pressroom.App;

/** Rebuilds this node's search index from the database. */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = "Rebuild the search index from the database (a running site keeps serving from its own index).")
final class ReindexCommand extends DataCommand implements Callable<Integer> {
  ReindexCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public Integer call() {
    try (App app = open()) {
      long started = System.nanoTime();
      int n = app.reindex();
      out().printf("Indexed %d articles in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
