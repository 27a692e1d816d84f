package pressroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressroomCommandTest {
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(Map<String, String> env, String... args) {
    return PressroomCommand.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void helpNamesTheCommandsAndServeOptions() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("serve").contains("Without a command, 'serve' runs");
    assertThat(run(Map.of(), "serve", "--help")).isZero();
    assertThat(out.toString()).contains("--port", "--data", "--db-url", "--no-demo", "--base-url");
  }

  @Test
  void aBadPortStopsWithOneLineNamingTheKey(@TempDir Path dir) {
    assertThat(run(Map.of(), "--port", "abc", "--data", dir.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("pressroom: PRESSROOM_PORT: 'abc' is not a port number (0-65535)");
  }

  @Test
  void anUnreachableDatabaseStopsWithOneLineNamingTheKey(@TempDir Path dir) {
    int code =
        run(
            Map.of("PRESSROOM_PORT", "0"),
            "serve",
            "--data",
            dir.toString(),
            "--db-url",
            "jdbc:postgresql://127.0.0.1:1/pressroom?password=hunter2");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith(
            "pressroom: PRESSROOM_DB_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/pressroom")
        .doesNotContain("hunter2")
        .doesNotContain("\n");
  }
}
