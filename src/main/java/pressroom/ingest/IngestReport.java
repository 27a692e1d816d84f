package pressroom.ingest;

import java.time.Duration;
import java.util.List;
import pressroom.ingest.formats.FeedItem;
import pressroom.ingest.mapping.ItemMapper;
import pressroom.ingest.sources.FeedSource;
import pressroom.ingest.store.IngestStore;

/**
 * What one run over one source did, for the CLI summary, the staff page and the logs.
 *
 * @param unreadableDates the items stored with the time they were first seen because their dates
 *     could not be read, each as {@link #undatedItem} names it
 * @param error the failure in plain words, or null when the run worked
 */
public record IngestReport(
    String sourceId,
    String sourceName,
    IngestStore.Counts counts,
    List<String> skipped,
    List<String> unreadableDates,
    boolean notModified,
    String error,
    Duration took) {

  /** A run that found nothing new: the feed was not modified. */
  static IngestReport nothingNew(FeedSource source, Duration took) {
    return storedNothing(source, true, null, took);
  }

  /**
   * A run not made because one of the same source was under way on this node: nothing new from it.
   */
  static IngestReport alreadyRunning(FeedSource source) {
    return nothingNew(source, Duration.ZERO);
  }

  /** A run that failed for {@code reason}, in plain words. */
  static IngestReport failed(FeedSource source, String reason, Duration took) {
    return storedNothing(source, false, reason, took);
  }

  private static IngestReport storedNothing(
      FeedSource source, boolean notModified, String error, Duration took) {
    return new IngestReport(
        source.id(),
        source.name(),
        IngestStore.Counts.NONE,
        List.of(),
        List.of(),
        notModified,
        error,
        took);
  }

  /** Items named in full in {@link #unreadableDatesLine}; the rest are counted. */
  private static final int NAMED = 10;

  public IngestReport {
    skipped = List.copyOf(skipped);
    unreadableDates = List.copyOf(unreadableDates);
  }

  /**
   * A line such as {@code 2 items had dates that could not be read: "Ferry talks resume" (sent
   * "last spring"), "urn:x:9" (sent "31/31/2024")}, or null when every date was read.
   */
  public String unreadableDatesLine() {
    return unreadableDatesLine(unreadableDates);
  }

  /** The line {@link #unreadableDatesLine()} gives, for any list of {@link #undatedItem}s. */
  public static String unreadableDatesLine(List<String> items) {
    if (items.isEmpty()) {
      return null;
    }
    String line =
        items.size() == 1
            ? "1 item had a date that could not be read: "
            : items.size() + " items had dates that could not be read: ";
    line += String.join(", ", items.subList(0, Math.min(NAMED, items.size())));
    return items.size() > NAMED ? line + " and " + (items.size() - NAMED) + " more" : line;
  }

  /** An item named for the report: its title (else guid, else link) and the date as sent. */
  static String undatedItem(FeedItem item) {
    String name =
        item.title() != null ? item.title() : item.guid() != null ? item.guid() : item.link();
    return "\""
        + ItemMapper.shorten(String.valueOf(name), 80)
        + "\" (sent \""
        + ItemMapper.shorten(String.valueOf(item.unreadableDate()), 60)
        + "\")";
  }

  public boolean ok() {
    return error == null;
  }

  /**
   * One line such as "Harbour Wire: 3 new, 1 updated, 0 withdrawn, 12 unchanged, 1 skipped (0.4
   * s)".
   */
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
