package pressroom.ingest;

import java.time.Duration;
import java.util.List;

/**
 * What one run over one source did, for the CLI summary, the staff page and the logs.
 *
 * @param error the failure in plain words, or null when the run worked
 */
public record IngestReport(
    String sourceId,
    String sourceName,
    IngestStore.Counts counts,
    List<String> skipped,
    boolean notModified,
    String error,
    Duration took) {

  public IngestReport {
    skipped = List.copyOf(skipped);
  }

  public boolean ok() {
    return error == null;
  }

  /** One line such as "Harbour Wire: 3 new, 1 updated, 0 withdrawn, 12 unchanged, 1 skipped (0.4 s)". */
  public String summary() {
    String took = String.format(java.util.Locale.ROOT, "%.1f s", this.took.toMillis() / 1000.0);
    if (!ok()) {
      return sourceName + ": FAILED — " + error + " (" + took + ")";
    }
    if (notModified) {
      return sourceName + ": not modified since the last fetch (" + took + ")";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%s: %d new, %d updated, %d withdrawn, %d unchanged, %d skipped (%s)",
        sourceName,
        counts.inserted(),
        counts.updated(),
        counts.withdrawn(),
        counts.unchanged(),
        skipped.size(),
        took);
  }
}
