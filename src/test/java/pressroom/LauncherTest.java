package pressroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `java -jar` on a Java older than 21 answers one clear line, not an UnsupportedClassVersionError
 * trace.
 */
class LauncherTest {
  @Test
  void readsEveryWayJavaNamesItsVersion() {
    assertThat(Launcher.major("1.8")).isEqualTo(8);
    assertThat(Launcher.major("17")).isEqualTo(17);
    assertThat(Launcher.major("21")).isEqualTo(21);
    assertThat(Launcher.major("25.0.1")).isEqualTo(25);
    assertThat(Launcher.major("nonsense")).isZero();
  }

  @Test
  void anOlderJavaGetsOneLineSayingWhichJavaIsNeeded() throws Exception {
    Optional<Path> older = olderJava();
    assumeTrue(older.isPresent(), "no Java older than 21 under /usr/lib/jvm to try");
    Process p =
        new ProcessBuilder(
                older.get().toString(),
                "-cp",
                Path.of("target/classes").toAbsolutePath().toString(),
                "pressroom.Launcher",
                "--help")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(out.lines()).hasSize(1);
    assertThat(out)
        .startsWith("Pressroom needs Java 21 or newer, but this is Java ")
        .doesNotContain("Exception");
  }

  /** The major version a JDK's release file names (JAVA_VERSION="17.0.15"), or 0. */
  static int major(Path home) {
    try {
      return Files.readAllLines(home.resolve("release")).stream()
          .filter(l -> l.startsWith("JAVA_VERSION="))
          .map(l -> Launcher.major(l.substring("JAVA_VERSION=".length()).replace("\"", "")))
          .findFirst()
          .orElse(0);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** A java below 21 installed beside this one (Debian's default is 17 on these machines). */
  static Optional<Path> olderJava() throws Exception {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes
          .filter(
              h ->
                  Files.isExecutable(h.resolve("bin/java"))
                      && major(h) > 0
                      && major(h) < Launcher.NEEDED)
          .map(h -> h.resolve("bin/java"))
          .findFirst();
    }
  }
}
