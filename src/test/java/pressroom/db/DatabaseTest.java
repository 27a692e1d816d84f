package pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.Config;

class DatabaseTest {
  @Test
  void sqliteConnectionsGetThePageCacheTheOperatorSet(@TempDir Path dir) {
    Config config =
        Config.Builder.empty()
            .set("PRESSROOM_DATA", dir.toString())
            .set("PRESSROOM_SQLITE_CACHE_MB", 64)
            .build();
    try (Database db = Database.open(config)) {
      int pages = db.jdbi().withHandle(h -> h.createQuery("PRAGMA cache_size").mapTo(Integer.class).one());
      assertThat(pages).as("negative: a size in KiB").isEqualTo(-64 * 1024);
    }
  }
}
