package pressroom.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import pressroom.config.Config;

/**
 * A consistent copy of the embedded database while the site keeps serving: SQLite's {@code VACUUM
 * INTO} reads one snapshot (in WAL mode readers never block writers, nor writers them), so every
 * write acknowledged before the copy began is in it, and nothing half-written is. PostgreSQL has
 * its own tools for this; the command says which.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the embedded database to FILE while the site runs (a consistent snapshot).",
      "On PostgreSQL, use pg_dump instead (the README shows how)."
    })
final class BackupCommand extends DataCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Where to write the copy; must not exist yet.")
  Path file;

  BackupCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public Integer call() throws SQLException, java.io.IOException {
    Config config = data.applyTo(Config.Builder.fromEnvironment(env)).build();
    if (!config.embeddedDatabase()) {
      err()
          .println(
              "The database is PostgreSQL: back it up with pg_dump, e.g. pg_dump --format=custom"
                  + " --file=pressroom.dump <database>, and bring it back with pg_restore"
                  + " (README, \"Backups\").");
      return 2;
    }
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      err().println(target + " already exists: choose a new file (a backup never overwrites).");
      return 2;
    }
    if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
      err().println("No such folder: " + target.getParent());
      return 2;
    }
    long started = System.nanoTime();
    try (Connection c = DriverManager.getConnection(config.jdbcUrl())) {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000"); // the site may be writing: wait for it, briefly
      }
      try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, target.toString());
        vacuum.execute();
      }
    } catch (SQLException e) {
      err().println("The copy could not be made: " + e.getMessage());
      Files.deleteIfExists(target);
      return 1;
    }
    SqliteCopies.Summary copy = SqliteCopies.check(target);
    if (!copy.intact()) {
      err()
          .println("The copy in " + target + " failed SQLite's integrity check: " + copy.problem());
      return 1;
    }
    out()
        .printf(
            "Backed up %,d articles, %,d comments and %,d accounts to %s (%,d KB) in %.1f s%n",
            copy.articles(),
            copy.comments(),
            copy.accounts(),
            target,
            Files.size(target) / 1024,
            (System.nanoTime() - started) / 1e9);
    return 0;
  }
}
