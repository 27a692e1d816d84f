package pressroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/** `pressroom backup` while readers write, and `pressroom restore` with the site stopped. */
class BackupCommandTest {
  @TempDir Path tmp;

  record Ran(int code, String out, String err) {}

  static Ran run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        PressroomCommand.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Ran(code, out.toString(), err.toString());
  }

  static Set<String> commentBodies(Path db) throws Exception {
    Set<String> bodies = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet r = c.createStatement().executeQuery("SELECT body FROM comments")) {
      while (r.next()) {
        bodies.add(r.getString(1));
      }
    }
    return bodies;
  }

  @Test
  void aCopyMadeWhileReadersCommentHoldsEveryAcknowledgedCommentAndRestoresIntact()
      throws Exception {
    try (TestApp site =
        TestApp.start(TestApp.Db.SQLITE, false, Map.of("PRESSROOM_COMMENT_RATE_LIMITS", "false"))) {
      Fixtures f = Fixtures.load(site.app());
      site.app().openSearchIndex();
      site.app()
          .accounts()
          .createVerified("busy.reader", "br@mail.example", "a busy reading room", Role.READER);
      TestApp.Visitor reader = site.signedIn("busy.reader", "a busy reading room");
      Map<String, String> env =
          Map.of("PRESSROOM_DATA", site.dataDir().toString(), "PRESSROOM_DB_URL", site.dbUrl());

      // Readers keep commenting while the copy is made; each acknowledged post is noted with when.
      record Acknowledged(String body, long at) {}
      List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer =
          Thread.ofVirtual()
              .start(
                  () -> {
                    for (int i = 0; !stop.get(); i++) {
                      String body = "Comment " + i + " written during the backup";
                      int status =
                          reader
                              .post(
                                  "/articles/" + f.wire.slug() + "/comments", Map.of("body", body))
                              .statusCode();
                      if (status / 100 == 2 || status / 100 == 3) {
                        acknowledged.add(new Acknowledged(body, System.nanoTime()));
                      }
                    }
                  });
      Thread.sleep(400);
      Path copy = tmp.resolve("pressroom-backup.db");
      long began = System.nanoTime();
      Ran backup = run(env, "backup", copy.toString());
      Thread.sleep(200);
      stop.set(true);
      writer.join();

      assertThat(backup.code()).as(backup.err()).isZero();
      assertThat(backup.out()).startsWith("Backed up ").contains("comments");
      Set<String> inCopy = commentBodies(copy);
      List<String> before = new ArrayList<>();
      acknowledged.stream().filter(a -> a.at() < began).forEach(a -> before.add(a.body()));
      assertThat(before).isNotEmpty();
      assertThat(inCopy).containsAll(before);
      assertThat(acknowledged.size()).isGreaterThan(before.size()); // writes went on meanwhile

      // Never while the site runs on that folder: it holds the database.
      Ran refused = run(env, "restore", copy.toString());
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).contains("stop it first");
      assertThat(site.get("/articles/" + f.wire.slug()).statusCode()).isEqualTo(200);

      // Into another folder (as onto a new machine): the copy, intact, and nothing else lost.
      Path elsewhere = tmp.resolve("restored");
      Files.createDirectories(elsewhere);
      Files.writeString(elsewhere.resolve("pressroom.db"), "what was here before");
      Ran restore = run(Map.of("PRESSROOM_DATA", elsewhere.toString()), "restore", copy.toString());
      assertThat(restore.code()).as(restore.err()).isZero();
      assertThat(restore.out()).contains("Restored ", "kept as ");
      assertThat(commentBodies(elsewhere.resolve("pressroom.db"))).isEqualTo(inCopy);
      List<Path> kept;
      try (var files = Files.list(elsewhere)) {
        kept =
            files
                .filter(p -> p.getFileName().toString().startsWith("pressroom.db.before-restore-"))
                .toList();
      }
      assertThat(kept).hasSize(1);
      assertThat(Files.readString(kept.getFirst())).isEqualTo("what was here before");
    }
  }

  @Test
  void aBackupNeverOverwritesAndOnlyAPressroomCopyIsRestored() throws Exception {
    Path existing = Files.writeString(tmp.resolve("taken.db"), "someone's file");
    Map<String, String> env = Map.of("PRESSROOM_DATA", tmp.resolve("data").toString());
    Ran overwrite = run(env, "backup", existing.toString());
    assertThat(overwrite.code()).isEqualTo(2);
    assertThat(overwrite.err()).contains("already exists");
    assertThat(Files.readString(existing)).isEqualTo("someone's file");

    Ran notADatabase = run(env, "restore", existing.toString());
    assertThat(notADatabase.code()).isEqualTo(2);
    assertThat(notADatabase.err()).contains("cannot be restored");
    assertThat(Files.exists(tmp.resolve("data/pressroom.db"))).isFalse();
  }

  @Test
  void onPostgresqlTheCommandsNameTheToolsThatDoIt() {
    Map<String, String> env = Map.of("PRESSROOM_DB_URL", "jdbc:postgresql://db.example/pressroom");
    Ran backup = run(env, "backup", tmp.resolve("x.dump").toString());
    assertThat(backup.code()).isEqualTo(2);
    assertThat(backup.err()).contains("pg_dump");
    Ran restore = run(env, "restore", tmp.resolve("x.dump").toString());
    assertThat(restore.code()).isEqualTo(2);
    assertThat(restore.err()).contains("pg_restore");
  }
}
