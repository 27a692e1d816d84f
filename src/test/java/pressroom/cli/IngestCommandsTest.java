package pressroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pressroom.App;
import pressroom.config.Config;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;
import pressroom.testing.TestFeeds;
import pressroom.testing.TestFeeds.RssItem;

/** The command-line names other tools rely on: sources, ingest, import. */
class IngestCommandsTest {
  @TempDir Path data;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return PressroomCommand.run(
        args,
        Map.of("PRESSROOM_DATA", data.toString(), "PRESSROOM_INGEST_ALLOW_PRIVATE", "true"),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void addListIngestDisableEnableRemove() {
    try (FakePublisher partner = FakePublisher.start()) {
      partner.serve(
          "/wire.xml",
          TestFeeds.rss(
              new RssItem(
                  "1",
                  "Rail union reaches deal",
                  "By Jane Roe and Ali Hassan",
                  "<p>Trains run again.</p>",
                  Instant.now().minusSeconds(600))),
          "application/rss+xml");
      partner.respond("/down.xml", Response.status(500));

      assertThat(
              run(
                  "sources",
                  "add",
                  "--name",
                  "Harbour Wire",
                  "--url",
                  partner.url("/wire.xml").toString(),
                  "--section",
                  "Syndicated News",
                  "--interval",
                  "5m",
                  "--expire-after-days",
                  "30",
                  "--attribution",
                  "Republished under licence."))
          .isZero();
      String id = out.toString().strip();
      assertThat(id).matches("[0-9a-f-]{36}");

      assertThat(
              run(
                  "sources",
                  "add",
                  "--name",
                  "Down Wire",
                  "--url",
                  partner.url("/down.xml").toString(),
                  "--section",
                  "syndicated-news"))
          .isZero();
      String downId = out.toString().strip();

      assertThat(
              run(
                  "sources",
                  "add",
                  "--name",
                  "X",
                  "--url",
                  "ftp://x.example/feed",
                  "--section",
                  "S"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("neither an http(s) URL nor a local file");
      assertThat(
              run(
                  "sources",
                  "add",
                  "--name",
                  "X",
                  "--url",
                  "https://x.example/f",
                  "--section",
                  "S",
                  "--interval",
                  "soon"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("--interval 'soon'");

      assertThat(run("ingest")).isEqualTo(1);
      assertThat(out.toString())
          .contains("Harbour Wire: 1 new, 0 updated, 0 withdrawn, 0 unchanged, 0 skipped")
          .contains("Down Wire: FAILED — HTTP 500 from the server");

      assertThat(run("ingest", "--source", id)).isZero();
      assertThat(run("sources", "list")).isZero();
      assertThat(out.toString())
          .contains(
              "ID",
              "NAME",
              "STATUS",
              "LAST ERROR",
              "Harbour Wire",
              "Down Wire",
              "failing",
              "HTTP 500 from the server");

      assertThat(run("sources", "disable", downId)).isZero();
      assertThat(run("ingest")).isZero();
      assertThat(run("sources", "list")).isZero();
      assertThat(out.toString()).contains("disabled");
      assertThat(run("sources", "enable", downId)).isZero();
      assertThat(run("sources", "priority", downId, "7")).isZero();
      assertThat(out.toString()).contains("priority of " + downId + " is now 7");
      assertThat(run("sources", "priority", "no-such-source", "7")).isEqualTo(1);
      assertThat(run("sources", "remove", id)).isZero();
      assertThat(out.toString()).contains("1 articles withdrawn");
      assertThat(run("sources", "remove", id)).isEqualTo(1);
      assertThat(err.toString()).contains("there is no source");
    }
  }

  @Test
  void usersAddCreatesTheFirstAdminWithThePasswordFromStandardInput() {
    var stdin = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "a long and private phrase\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(
              run(
                  "users",
                  "add",
                  "--user-id",
                  "chief",
                  "--email",
                  "chief@news.example",
                  "--role",
                  "admin",
                  "--password-stdin"))
          .isZero();
      assertThat(out.toString().strip()).matches("[0-9a-f-]{36}");
      System.setIn(
          new java.io.ByteArrayInputStream(
              "short\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(
              run(
                  "users",
                  "add",
                  "--user-id",
                  "deputy",
                  "--email",
                  "deputy@news.example",
                  "--password-stdin"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("password: Use at least 10 characters.");
      assertThat(
              run(
                  "users",
                  "add",
                  "--user-id",
                  "x",
                  "--email",
                  "x@news.example",
                  "--role",
                  "boss",
                  "--password-stdin"))
          .isEqualTo(2);
      assertThat(err.toString()).contains("--role 'boss'");
    } finally {
      System.setIn(stdin);
    }
    Config config = Config.Builder.empty().set("PRESSROOM_DATA", data.toString()).build();
    try (App app = App.create(config)) {
      assertThat(app.accountDao().search("chief", 10))
          .singleElement()
          .satisfies(a -> assertThat(a.role()).isEqualTo(pressroom.web.Access.Role.ADMIN))
          .satisfies(a -> assertThat(a.verified()).isTrue());
    }
  }

  @Test
  void importBackfillsAFolderOfFeedFiles(@TempDir Path feeds) throws Exception {
    for (int f = 0; f < 3; f++) {
      RssItem[] items = new RssItem[5];
      for (int i = 0; i < 5; i++) {
        items[i] =
            new RssItem(
                "imp-" + f + "-" + i,
                "Archive story " + f + "-" + i,
                "By Jane Roe",
                "<p>From the archive, part " + f + "-" + i + ".</p>",
                Instant.now().minusSeconds(86_400L * (f + 1) + i));
      }
      Files.writeString(feeds.resolve("archive-" + f + ".xml"), TestFeeds.rss(items));
    }
    Files.writeString(feeds.resolve("broken.xml"), "<rss><channel><item><title>cut off");
    Files.writeString(feeds.resolve("notes.txt"), "not a feed, not read");

    assertThat(run("import", feeds.toString(), "--section", "Archive", "--source-name", "Old Wire"))
        .isZero();
    assertThat(out.toString())
        .contains("Imported 4 files into 'Archive' (source Old Wire): 15 new")
        .contains("skipped broken.xml");

    assertThat(run("import", feeds.toString(), "--section", "Archive", "--source-name", "Old Wire"))
        .isZero();
    assertThat(out.toString()).contains("0 new, 0 updated, 0 withdrawn, 15 unchanged");

    assertThat(run("reindex")).isZero();
    assertThat(out.toString()).startsWith("Indexed 15 articles");

    Config config = Config.Builder.empty().set("PRESSROOM_DATA", data.toString()).build();
    try (App app = App.create(config)) {
      assertThat(app.articleReads().countArticles()).isEqualTo(15);
      assertThat(app.sources().findByName("Old Wire").orElseThrow().health()).isEqualTo("disabled");
    }
  }
}
