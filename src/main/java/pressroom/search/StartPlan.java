package pressroom.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** What a start does with the index it finds. */
sealed interface StartPlan {
  // ContentChanges deletes rows after a day; an hour less leaves room for clocks and slow commits.
  Duration LOG_KEPT = Duration.ofHours(23);

  /** Empty (new, or written by another version): read every article, in the background. */
  record Build() implements StartPlan {}

  /**
   * The log does not reach back far enough: read every article again, searching the old documents
   * meanwhile.
   */
  record Rebuild(String why) implements StartPlan {}

  /** Apply the log's rows after {@code seq}. */
  record CatchUp(long seq) implements StartPlan {}

  /**
   * The plan for an index of {@code documents} that has applied the log up to {@code applied}, when
   * the log's oldest row is {@code oldestInLog} and the time is {@code now} (epoch ms).
   */
  static StartPlan of(
      int documents, Optional<ArticleIndex.Applied> applied, OptionalLong oldestInLog, long now) {
    if (documents == 0) {
      return new Build();
    }
    if (applied.isEmpty()) {
      return new Rebuild("the index does not say how far into the change log it is");
    }
    ArticleIndex.Applied a = applied.get();
    // Every row after the seq is still there: the oldest left is at most the next one, or rows
    // written since that seq are too young to have been deleted.
    boolean logHoldsTheRest = oldestInLog.isPresent() && oldestInLog.getAsLong() <= a.seq() + 1;
    boolean noneDeletedYet = now - a.at() < LOG_KEPT.toMillis();
    return logHoldsTheRest || noneDeletedYet
        ? new CatchUp(a.seq())
        : new Rebuild(
            "the change log no longer reaches back to seq "
                + a.seq()
                + " ("
                + Instant.ofEpochMilli(a.at())
                + ")");
  }
}
