package pressroom.ingest;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background jobs of a running site, on db-scheduler: its task table in the shared database
 * makes each run happen on exactly one node, however many there are.
 */
public final class IngestScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IngestScheduler.class);

  private final Scheduler scheduler;
  private final List<RecurringTask<Void>> afterNewArticles = new ArrayList<>();

  /**
   * Another recurring job of the site (other features bring theirs through the wiring).
   *
   * @param afterNewArticles also run it as soon as a poll stored new or changed articles
   */
  public record Job(String name, Duration every, Runnable run, boolean afterNewArticles) {}

  public IngestScheduler(
      DataSource dataSource,
      Poller poller,
      LicenceMaintenance licences,
      Duration checkEvery,
      InstantSource clock,
      List<Job> jobs) {
    RecurringTask<Void> poll =
        Tasks.recurring("poll-sources", FixedDelay.of(checkEvery))
            .execute(
                (instance, ctx) -> {
                  List<IngestReport> reports = poller.runDue();
                  if (reports.stream()
                      .anyMatch(r -> r.counts().inserted() + r.counts().updated() > 0)) {
                    nudge();
                  }
                });
    Duration maintenanceEvery = checkEvery.multipliedBy(2);
    RecurringTask<Void> maintain =
        Tasks.recurring("licence-maintenance", FixedDelay.of(maintenanceEvery))
            .execute(
                (instance, ctx) -> {
                  // Look back over two periods: a late run must not miss an embargo ending.
                  licences.run(clock.instant());
                });
    List<RecurringTask<Void>> tasks = new ArrayList<>(List.of(poll, maintain));
    for (Job job : jobs) {
      RecurringTask<Void> task =
          Tasks.recurring(job.name(), FixedDelay.of(job.every()))
              .execute((instance, ctx) -> job.run().run());
      tasks.add(task);
      if (job.afterNewArticles()) {
        afterNewArticles.add(task);
      }
    }
    this.scheduler =
        Scheduler.create(dataSource)
            .startTasks(tasks)
            // One thread for each job, so a slow picture batch never holds up a poll.
            .threads(2 + jobs.size())
            .pollingInterval(
                checkEvery.compareTo(Duration.ofSeconds(5)) < 0
                    ? checkEvery
                    : Duration.ofSeconds(5))
            .build();
  }

  /** Brings the jobs that follow new articles forward to now (whichever node runs them). */
  private void nudge() {
    for (RecurringTask<Void> task : afterNewArticles) {
      try {
        scheduler.reschedule(task.getDefaultTaskInstance(), Instant.now());
      } catch (RuntimeException e) {
        // It is running at this moment (it will find the new articles), or not yet scheduled.
        log.debug("Could not bring {} forward", task.getName(), e);
      }
    }
  }

  public void start() {
    scheduler.start();
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
