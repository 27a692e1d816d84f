package pressroom.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import pressroom.config.Config;

/** The options of every command that touches data. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data folder; the embedded database lives here (PRESSROOM_DATA, default ./data).")
  Path data;

  @Option(
      names = "--db-url",
      paramLabel = "URL",
      description =
          "JDBC URL of the database, e.g. jdbc:postgresql://db/pressroom (PRESSROOM_DB_URL;"
              + " default: SQLite in the data folder).")
  String dbUrl;

  Config.Builder applyTo(Config.Builder b) {
    return b.set("PRESSROOM_DATA", data).set("PRESSROOM_DB_URL", dbUrl);
  }
}
