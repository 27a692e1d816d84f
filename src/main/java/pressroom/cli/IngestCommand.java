package pressroom.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pressroom.App;
import pressroom.ingest.IngestReport;
import pressroom.ingest.sources.FeedSource;

/** Fetch now, once; one summary line per source; non-zero exit if any failed. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Fetch every active source now (or one), print a summary per source, exit 1 if any failed.")
final class IngestCommand extends DataCommand implements Callable<Integer> {
  @Option(
      names = "--source",
      paramLabel = "ID",
      description = "Only this source (even if disabled).")
  String sourceId;

  IngestCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public Integer call() {
    try (App app = open()) {
      List<FeedSource> targets;
      if (sourceId != null) {
        var one = app.sources().find(sourceId);
        if (one.isEmpty()) {
          err().println("pressroom ingest: there is no source '" + sourceId + "'");
          return 2;
        }
        targets = List.of(one.get());
      } else {
        targets =
            app.sources().list().stream()
                .filter(s -> s.state() == FeedSource.State.ACTIVE)
                .toList();
      }
      if (targets.isEmpty()) {
        out().println("No active sources: add one with 'pressroom sources add'.");
        return 0;
      }
      boolean failed = false;
      for (FeedSource s : targets) {
        IngestReport r = app.poller().runNow(s);
        out().println(r.summary());
        for (String why : r.skipped().subList(0, Math.min(10, r.skipped().size()))) {
          out().println("  skipped " + why);
        }
        if (r.skipped().size() > 10) {
          out().println("  … and " + (r.skipped().size() - 10) + " more skipped");
        }
        if (r.unreadableDatesLine() != null) {
          out().println("  " + r.unreadableDatesLine());
        }
        failed |= !r.ok();
      }
      return failed ? 1 : 0;
    }
  }
}
