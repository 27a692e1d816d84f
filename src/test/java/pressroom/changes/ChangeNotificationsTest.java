package pressroom.changes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.config.Config;
import pressroom.db.Database;
import pressroom.testing.Eventually;
import pressroom.testing.TestDatabases;

/**
 * On PostgreSQL a node learns of another's change when it commits (LISTEN/NOTIFY), not at its next
 * poll: here the poll waits ten minutes, so only the notice can bring the change within seconds.
 */
class ChangeNotificationsTest {
  @TempDir Path tmp;

  @Test
  void anotherNodesChangeArrivesAtOnceWithoutWaitingForThePoll() {
    String url = TestDatabases.newPostgresDatabase();
    Config config =
        Config.Builder.fromEnvironment(
                Map.of("PRESSROOM_DATA", tmp.toString(), "PRESSROOM_DB_URL", url))
            .build();
    try (Database writer = Database.open(config);
        Database reader = Database.open(config)) {
      CopyOnWriteArrayList<Set<Change>> seen = new CopyOnWriteArrayList<>();
      try (ContentChanges node = new ContentChanges(reader.jdbi(), seen::add)) {
        node.start(Duration.ofMinutes(10));
        node.listen(reader.dataSource());
        String article = "0193a7c2-5d1e-7b3a-9f00-00000000beef";
        // The listener may take a moment to start: keep writing until one change gets through.
        Eventually.until(
            "the other node's change arrives",
            () -> {
              writer.jdbi().useHandle(h -> ContentChanges.record(h, article));
              return seen.stream().anyMatch(s -> s.contains(new Change.ArticleChanged(article)));
            });
      }
    }
  }
}
