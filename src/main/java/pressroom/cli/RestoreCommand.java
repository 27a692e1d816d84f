package pressroom.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import pressroom.config.Config;

/**
 * Brings back a copy made by {@code backup}, with the site stopped. Nothing is lost on the way: the
 * database it replaces is kept beside it under a dated name, and the search index is rebuilt from
 * the restored database when the site next starts.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the embedded database with a copy made by 'backup' (stop the site first).",
      "The database it replaces is kept beside it; the search index is rebuilt at the next start.",
      "On PostgreSQL, use pg_restore instead (the README shows how)."
    })
final class RestoreCommand extends DataCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "A copy made by 'pressroom backup'.")
  Path file;

  RestoreCommand(Map<String, String> env) {
    super(env);
  }

  @Override
  public Integer call() throws SQLException, IOException {
    Config config = data.applyTo(Config.Builder.fromEnvironment(env)).build();
    if (!config.embeddedDatabase()) {
      err()
          .println(
              "The database is PostgreSQL: restore a pg_dump file with pg_restore, e.g."
                  + " pg_restore --clean --if-exists --dbname=<database> pressroom.dump"
                  + " (README, \"Backups\").");
      return 2;
    }
    if (!Files.isRegularFile(file)) {
      err().println("No such file: " + file.toAbsolutePath());
      return 2;
    }
    SqliteCopies.Summary copy = SqliteCopies.check(file);
    if (!copy.intact()) {
      err().println(file.toAbsolutePath() + " cannot be restored: " + copy.problem());
      return 2;
    }
    Path dataDir = config.dataDir().toAbsolutePath();
    Path index = dataDir.resolve("search-index");
    // A running site holds its search index's write lock: the one sign of it this command can
    // trust (SQLite does not tell who else has the file open).
    if (Files.isDirectory(index)) {
      try (FSDirectory dir = FSDirectory.open(index);
          Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
        lock.ensureValid();
      } catch (LockObtainFailedException e) {
        err()
            .println(
                "The site is running on "
                    + dataDir
                    + ": stop it first, then restore (nothing changed).");
        return 1;
      }
    }
    Files.createDirectories(dataDir);
    Path db = dataDir.resolve("pressroom.db");
    String kept = null;
    if (Files.exists(db)) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      kept = "pressroom.db.before-restore-" + stamp;
      // The write-ahead log keeps its database's name, so the pair stays readable as it was.
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path from = dataDir.resolve("pressroom.db" + suffix);
        if (Files.exists(from)) {
          Files.move(from, dataDir.resolve(kept + suffix));
        }
      }
    }
    Path incoming = dataDir.resolve("pressroom.db.restoring");
    Files.copy(file, incoming, StandardCopyOption.REPLACE_EXISTING);
    Files.move(incoming, db, StandardCopyOption.ATOMIC_MOVE);
    if (Files.isDirectory(index)) {
      try (Stream<Path> all = Files.walk(index)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    out()
        .printf(
            "Restored %,d articles, %,d comments and %,d accounts from %s.%n",
            copy.articles(), copy.comments(), copy.accounts(), file.toAbsolutePath());
    if (kept != null) {
      out().println("The database it replaced is kept as " + dataDir.resolve(kept) + ".");
    }
    out().println("The search index is rebuilt from it when the site starts.");
    return 0;
  }
}
