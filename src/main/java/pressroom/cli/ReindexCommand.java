package pressroom.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import pressroom.App;
import pressroom.search.ArticleIndex;

/**
 * Rebuilds the search index from the database. With no site running it does the work here with a
 * progress bar; a running site holds the index, so then every running node is asked (through the
 * change log) to rebuild its own while it keeps serving from the old one.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the search index from the database, with a progress bar.",
      "If the site is running, every running node rebuilds its own index in the background and keeps serving meanwhile."
    })
final class ReindexCommand extends DataCommand implements Callable<Integer> {
  ReindexCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public Integer call() {
    try (App app = open()) {
      try {
        app.openSearchIndex();
      } catch (ArticleIndex.IndexBusyException e) {
        app.askSitesToReindex();
        out()
            .println(
                "The site is running and holds the search index: every running node now rebuilds its own index");
        out()
            .println(
                "in the background (see its log) and keeps serving searches from the old one meanwhile.");
        return 0;
      }
      long started = System.nanoTime();
      long total = app.articleReads().countListed();
      int n;
      try (ProgressBar bar = progressBar("Indexing", total, " articles", 1)) {
        // Each story's other versions are indexed too: the total grows with the count if needed.
        n = app.reindex(done -> bar.maxHint(Math.max(total, done)).stepTo(done));
      }
      out().printf("Indexed %d articles in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
