package pressroom.ingest;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.InstantSource;
import javax.sql.DataSource;

/**
 * The background jobs of a running site, on db-scheduler: its task table in the shared database
 * makes each run happen on exactly one node, however many there are.
 */
public final class IngestScheduler implements AutoCloseable {
  private final Scheduler scheduler;

  public IngestScheduler(
      DataSource dataSource,
      Poller poller,
      LicenceMaintenance licences,
      Duration checkEvery,
      InstantSource clock) {
    RecurringTask<Void> poll =
        Tasks.recurring("poll-sources", FixedDelay.of(checkEvery))
            .execute((instance, ctx) -> poller.runDue());
    Duration maintenanceEvery = checkEvery.multipliedBy(2);
    RecurringTask<Void> maintain =
        Tasks.recurring("licence-maintenance", FixedDelay.of(maintenanceEvery))
            .execute(
                (instance, ctx) -> {
                  // Look back over two periods: a late run must not miss an embargo ending.
                  licences.run(clock.instant());
                });
    this.scheduler =
        Scheduler.create(dataSource)
            .startTasks(poll, maintain)
            .threads(2)
            .pollingInterval(
                checkEvery.compareTo(Duration.ofSeconds(5)) < 0
                    ? checkEvery
                    : Duration.ofSeconds(5))
            .build();
  }

  public void start() {
    scheduler.start();
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
