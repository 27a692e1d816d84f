package pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  @TempDir Path dir;

  @Test
  void manyWritersShareTransactionsWhatIsAskedOncePerTransactionRunsOnceAndAFailureStaysAlone()
      throws Exception {
    Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("t.db"));
    jdbi.useHandle(
        h -> {
          h.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)");
          h.execute("CREATE TABLE log (n INTEGER)");
        });
    int n = 400;
    try (GroupCommit writer = new GroupCommit(jdbi, "test-writer");
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int id = i;
        done.add(
            pool.submit(
                () ->
                    writer.write(
                        (h, batch) -> {
                          h.createUpdate("INSERT INTO items (id) VALUES (:id)")
                              .bind("id", id)
                              .execute();
                          batch.once("log", x -> x.execute("INSERT INTO log (n) VALUES (1)"));
                          return id;
                        })));
      }
      for (int i = 0; i < n; i++) {
        assertThat(done.get(i).get()).isEqualTo(i);
      }
      assertThatThrownBy(() -> writer.write(h -> h.execute("INSERT INTO items (id) VALUES (0)")))
          .isInstanceOf(RuntimeException.class);
      int inserted = writer.write(h -> h.execute("INSERT INTO items (id) VALUES (?)", n));
      assertThat(inserted).as("the writer goes on after a failure").isEqualTo(1);
    }
    int items =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM items").mapTo(Integer.class).one());
    int logged =
        jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM log").mapTo(Integer.class).one());
    assertThat(items).isEqualTo(n + 1);
    assertThat(logged)
        .as("once per transaction, and there were fewer transactions than writes")
        .isBetween(1, n - 1);
  }
}
