package pressroom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import pressroom.App;
import pressroom.articles.SeoPolicy;
import pressroom.config.Config;
import pressroom.ingest.Importer;
import pressroom.ingest.IngestJob;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.sources.NewSource;

/** Backfill from feed files or folders, with a progress bar. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Backfill articles from feed files or folders (RSS, Atom, JSON Feed, ninjs).",
    footer = {
      "",
      "Items are stored 5,000 to a transaction. On SQLite each connection gets",
      "a 256 MB page cache for the import (PRESSROOM_SQLITE_CACHE_MB overrides it)."
    })
final class ImportCommand extends DataCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Feed files or folders of them.")
  List<Path> paths;

  @Option(
      names = "--section",
      required = true,
      description = "Section the articles go to (name or slug; created if new).")
  String section;

  @Option(
      names = "--source-name",
      description =
          "The partner these files came from (default: the first path's name). An existing source keeps its licence terms; a new one is created disabled, so it is never polled.")
  String sourceName;

  @Option(
      names = "--format",
      defaultValue = "auto",
      description = "auto, rss, atom, jsonfeed or ninjs (default: ${DEFAULT-VALUE}).")
  String format;

  ImportCommand(Map<String, String> env) {
    super(env);
  }

  /**
   * A larger page cache for this process's connections: an import inserts into every index of
   * articles at once, and with 32 MB their pages were read from the file again and again once the
   * site held a few hundred thousand articles (256 MB: a twentieth more items a second there).
   */
  @Override
  Config.Builder configure(Config.Builder b) {
    return b.setIfAbsent("PRESSROOM_SQLITE_CACHE_MB", 256);
  }

  @Override
  public Integer call() throws InterruptedException {
    List<Path> files = new ArrayList<>();
    long totalBytes = 0;
    try {
      for (Path p : paths) {
        files.addAll(IngestJob.feedFiles(p));
      }
      for (Path f : files) {
        totalBytes += Files.size(f);
      }
    } catch (IOException e) {
      err().println("pressroom import: cannot read " + e.getMessage());
      return 2;
    }
    FeedFormat forced;
    try {
      forced = FeedFormat.fromName(format);
    } catch (IllegalArgumentException e) {
      err().println("pressroom import: --format " + e.getMessage());
      return 2;
    }
    String name =
        sourceName != null ? sourceName : paths.get(0).toAbsolutePath().getFileName().toString();
    try (App app = open()) {
      FeedSource source =
          app.sources()
              .findByName(name)
              .orElseGet(
                  () -> {
                    String id =
                        app.sources()
                            .add(
                                new NewSource(
                                    name,
                                    paths.get(0).toAbsolutePath().toString(),
                                    forced,
                                    section,
                                    null,
                                    null,
                                    0,
                                    Duration.ofHours(1),
                                    Map.of(),
                                    SeoPolicy.CANONICAL,
                                    true,
                                    0),
                                FeedSource.State.DISABLED);
                    return app.sources().find(id).orElseThrow();
                  });
      Importer.Result result;
      try (ProgressBar bar = progressBar("Importing", totalBytes, " MB", 1_000_000)) {
        long start = System.nanoTime();
        result =
            app.importer()
                .run(
                    source,
                    files,
                    (bytes, items) -> {
                      bar.stepTo(bytes);
                      double secs = Math.max(0.001, (System.nanoTime() - start) / 1e9);
                      bar.setExtraMessage(
                          String.format(" %d items, %.0f items/s", items, items / secs));
                    });
      }
      // After a bulk load the planner's statistics are stale or missing (SQLite keeps none itself).
      app.database().optimize();
      var c = result.counts();
      long items = c.inserted() + c.updated() + c.withdrawn() + c.unchanged();
      double secs = Math.max(0.001, result.took().toMillis() / 1000.0);
      out()
          .printf(
              "Imported %d files into '%s' (source %s): %d new, %d updated, %d withdrawn, %d unchanged, %d skipped"
                  + " in %.1f s (%.0f items/s)%n",
              result.files(),
              section,
              source.name(),
              c.inserted(),
              c.updated(),
              c.withdrawn(),
              c.unchanged(),
              result.skipped().size(),
              secs,
              items / secs);
      result.skipped().stream().limit(20).forEach(s -> out().println("  skipped " + s));
      if (result.skipped().size() > 20) {
        out().println("  … and " + (result.skipped().size() - 20) + " more skipped");
      }
      if (result.unreadableDatesLine() != null) {
        out().println("  " + result.unreadableDatesLine());
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err().println("pressroom import: " + e.getMessage());
      return 2;
    }
  }
}
