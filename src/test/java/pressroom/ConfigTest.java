package pressroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.config.Config;
import pressroom.config.Config.ConfigException;

class ConfigTest {
  @Test
  void defaults() {
    Config c = Config.Builder.fromEnvironment(Map.of()).build();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.dataDir()).isEqualTo(Path.of("data"));
    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.jdbcUrl()).startsWith("jdbc:sqlite:").endsWith("data/pressroom.db");
    assertThat(c.baseUrl().toString()).isEqualTo("http://localhost:8080");
    assertThat(c.demo()).isTrue();
    assertThat(c.sqliteCacheMb()).isEqualTo(32);
    assertThat(c.purgeUrl()).isNull();
    assertThat(c.drainTime()).isZero();
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(c.requestLimits().maxActive()).isEqualTo(8 * cores);
    assertThat(c.requestLimits().maxQueued()).isEqualTo(4 * 8 * cores);
    assertThat(c.requestLimits().maxWait()).hasMillis(500);
  }

  @Test
  void theQueueFollowsTheActiveLimitUnlessSet() {
    Config c = Config.Builder.empty().set("PRESSROOM_MAX_ACTIVE_REQUESTS", 10).build();
    assertThat(c.requestLimits().maxActive()).isEqualTo(10);
    assertThat(c.requestLimits().maxQueued()).isEqualTo(40);
    c =
        Config.Builder.empty()
            .set("PRESSROOM_MAX_ACTIVE_REQUESTS", 10)
            .set("PRESSROOM_MAX_QUEUED_REQUESTS", 3)
            .set("PRESSROOM_MAX_QUEUE_WAIT_MS", 250)
            .build();
    assertThat(c.requestLimits().maxQueued()).isEqualTo(3);
    assertThat(c.requestLimits().maxWait()).hasMillis(250);
  }

  @Test
  void aCommandsOwnDefaultGivesWayToTheOperatorsChoice() {
    assertThat(
            Config.Builder.empty()
                .setIfAbsent("PRESSROOM_SQLITE_CACHE_MB", 256)
                .build()
                .sqliteCacheMb())
        .isEqualTo(256);
    assertThat(
            Config.Builder.fromEnvironment(Map.of("PRESSROOM_SQLITE_CACHE_MB", "64"))
                .setIfAbsent("PRESSROOM_SQLITE_CACHE_MB", 256)
                .build()
                .sqliteCacheMb())
        .isEqualTo(64);
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.properties");
    Files.writeString(
        file,
        "PRESSROOM_PORT=7000\nPRESSROOM_SITE_NAME=From File\nPRESSROOM_TIME_ZONE=Europe/Istanbul\n");
    Map<String, String> env =
        Map.of(
            "PRESSROOM_CONFIG",
            file.toString(),
            "PRESSROOM_PORT",
            "7100",
            "PRESSROOM_SITE_NAME",
            "From Env");
    Config c = Config.Builder.fromEnvironment(env).set("PRESSROOM_PORT", "7200").build();
    assertThat(c.port()).isEqualTo(7200);
    assertThat(c.siteName()).isEqualTo("From Env");
    assertThat(c.timeZone().getId()).isEqualTo("Europe/Istanbul");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> Config.Builder.empty().set("PRESSROOM_PORT", "abc").build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("PRESSROOM_PORT: 'abc' is not a port number (0-65535)");
    assertThatThrownBy(() -> Config.Builder.empty().set("PRESSROOM_PORT", "70000").build())
        .hasMessageStartingWith("PRESSROOM_PORT:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_DB_URL", "jdbc:mysql://x/y").build())
        .hasMessageStartingWith("PRESSROOM_DB_URL:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_BASE_URL", "news.example.org").build())
        .hasMessageStartingWith("PRESSROOM_BASE_URL:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_TIME_ZONE", "Mars/Olympus").build())
        .hasMessageStartingWith("PRESSROOM_TIME_ZONE:");
    assertThatThrownBy(() -> Config.Builder.empty().set("PRESSROOM_DEMO", "maybe").build())
        .hasMessageStartingWith("PRESSROOM_DEMO:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_SQLITE_CACHE_MB", "lots").build())
        .hasMessageStartingWith("PRESSROOM_SQLITE_CACHE_MB:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_PURGE_URL", "varnish:6081").build())
        .hasMessage(
            "PRESSROOM_PURGE_URL: 'varnish:6081' is not an absolute http(s) URL such as"
                + " http://127.0.0.1:6081/");
    assertThatThrownBy(
            () ->
                Config.Builder.empty()
                    .set("PRESSROOM_PURGE_URL", "http://varnish:secret@127.0.0.1:6082/")
                    .build())
        .hasMessageStartingWith("PRESSROOM_PURGE_URL: must not carry a user or password")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> Config.Builder.empty().set("PRESSROOM_DRAIN_SECONDS", "-1").build())
        .hasMessageStartingWith("PRESSROOM_DRAIN_SECONDS:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_MAX_ACTIVE_REQUESTS", "0").build())
        .hasMessage("PRESSROOM_MAX_ACTIVE_REQUESTS: '0' is not a whole number from 1 to 100000");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_MAX_QUEUED_REQUESTS", "-5").build())
        .hasMessageStartingWith("PRESSROOM_MAX_QUEUED_REQUESTS:");
    assertThatThrownBy(
            () -> Config.Builder.empty().set("PRESSROOM_MAX_QUEUE_WAIT_MS", "1s").build())
        .hasMessageStartingWith("PRESSROOM_MAX_QUEUE_WAIT_MS:");
    assertThatThrownBy(
            () ->
                Config.Builder.fromEnvironment(
                    Map.of("PRESSROOM_CONFIG", "/nonexistent/p.properties")))
        .hasMessageStartingWith("PRESSROOM_CONFIG:");
  }
}
