import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import pressroom.comments.CommentText;
import pressroom.db.Ids;

/**
 * For bench/size.sh, with the site stopped: adds reader accounts, a few long comment threads and
 * reading lists straight into the database (the HTTP API is rate-limited; rows are what the site
 * itself writes, through its own CommentText and Ids), then writes the URLs to time.
 *
 * <p>java -cp target/pressroom.jar bench/SeedReaders.java JDBC_URL USER PASSWORD BENCH_USER_ID \
 * READERS THREADS COMMENTS_PER_THREAD TARGETS_OUT
 *
 * <p>The readers share the bench reader's password hash (one Argon2id hash is slow on purpose).
 */
public class SeedReaders {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1].isEmpty() ? null : args[1];
    String password = args[2].isEmpty() ? null : args[2];
    String benchUser = args[3];
    int readers = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    int perThread = Integer.parseInt(args[6]);
    Path targets = Path.of(args[7]);
    SplittableRandom random = new SplittableRandom(7);
    long now = System.currentTimeMillis();
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      if (url.startsWith("jdbc:sqlite:")) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = 10000");
          s.execute("PRAGMA synchronous = NORMAL");
        }
      }
      c.setAutoCommit(false);
      String benchId;
      String hash;
      try (PreparedStatement q =
          c.prepareStatement("SELECT id, password_hash FROM accounts WHERE user_id_key = ?")) {
        q.setString(1, benchUser.toLowerCase(java.util.Locale.ROOT));
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException(
                "no account '" + benchUser + "': create it first (pressroom users add)");
          }
          benchId = rs.getString(1);
          hash = rs.getString(2);
        }
      }

      long t0 = System.nanoTime();
      List<String> accountIds = new ArrayList<>(readers);
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO accounts (id, user_id, user_id_key, email, email_key, display_name, password_hash, role,"
                  + " email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'reader', ?, ?)")) {
        for (int i = 0; i < readers; i++) {
          String id = Ids.newId();
          String uid = String.format("reader%05d", i);
          long created = now - (long) (random.nextDouble() * 700L * 86_400_000L);
          ins.setString(1, id);
          ins.setString(2, uid);
          ins.setString(3, uid);
          ins.setString(4, uid + "@readers.example");
          ins.setString(5, uid + "@readers.example");
          ins.setString(6, random.nextInt(3) == 0 ? null : "Reader " + i);
          ins.setString(7, hash);
          ins.setLong(8, created + 60_000);
          ins.setLong(9, created);
          ins.addBatch();
          accountIds.add(id);
          if (i % 1000 == 999) {
            ins.executeBatch();
          }
        }
        ins.executeBatch();
      }
      c.commit();
      System.out.printf(
          "seed: %d reader accounts in %.1f s%n", readers, (System.nanoTime() - t0) / 1e9);

      // Threads on recent articles of different sections: the pages readers comment on most.
      t0 = System.nanoTime();
      Map<String, String[]> threadArticles =
          new LinkedHashMap<>(); // section -> {id, slug, published_at}
      try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT id, slug, section_id, published_at FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 500");
          ResultSet rs = q.executeQuery()) {
        while (rs.next() && threadArticles.size() < threads) {
          threadArticles.putIfAbsent(
              rs.getString(3), new String[] {rs.getString(1), rs.getString(2), rs.getString(4)});
        }
      }
      String[] words =
          ("the harbour story raises a fair question about shift patterns and who pays for the repairs "
                  + "I read the council minutes too and the numbers do not add up this is exactly what residents said last winter "
                  + "thanks for reporting it well written but the headline oversells it my family has fished there for decades")
              .split(" ");
      long comments = 0;
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO comments (id, article_id, account_id, parent_id, root_id, depth, reply_to_name, body, body_key,"
                  + " body_html, status, created_at, likes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)")) {
        for (String[] a : threadArticles.values()) {
          long start = Math.max(Long.parseLong(a[2]), now - 3 * 86_400_000L);
          List<String[]> posted = new ArrayList<>(perThread); // {id, depth, root, parent}
          for (int i = 0; i < perThread; i++) {
            String id = Ids.newId();
            String account =
                accountIds.isEmpty() ? benchId : accountIds.get(random.nextInt(accountIds.size()));
            String parent = null;
            String root = null;
            int depth = 0;
            String replyTo = null;
            if (!posted.isEmpty() && random.nextInt(10) < 3) {
              String[] p = posted.get(random.nextInt(posted.size()));
              int pd = Integer.parseInt(p[1]);
              root = p[2] == null ? p[0] : p[2];
              if (pd >= 2) {
                parent = p[3];
                depth = 2;
                replyTo = "Reader " + random.nextInt(Math.max(1, readers));
              } else {
                parent = p[0];
                depth = pd + 1;
              }
            }
            StringJoiner body = new StringJoiner(" ");
            int n = 8 + random.nextInt(60);
            for (int w = 0; w < n; w++) {
              body.add(words[random.nextInt(words.length)]);
            }
            String text = body + " (" + i + ")";
            ins.setString(1, id);
            ins.setString(2, a[0]);
            ins.setString(3, account);
            ins.setString(4, parent);
            ins.setString(5, root);
            ins.setInt(6, depth);
            ins.setString(7, replyTo);
            ins.setString(8, text);
            ins.setString(9, CommentText.key(text));
            ins.setString(10, CommentText.toHtml(text));
            ins.setLong(11, start + (now - 60_000 - start) * i / perThread);
            ins.setInt(12, random.nextInt(10) == 0 ? random.nextInt(40) : 0);
            ins.addBatch();
            posted.add(new String[] {id, String.valueOf(depth), root, parent});
            comments++;
          }
          ins.executeBatch();
        }
      }
      c.commit();
      System.out.printf(
          "seed: %d comments on %d articles in %.1f s%n",
          comments, threadArticles.size(), (System.nanoTime() - t0) / 1e9);

      // Reading lists: the bench reader's is long and holds withdrawn and expired articles too.
      t0 = System.nanoTime();
      List<String> articleIds = new ArrayList<>();
      List<String> gone = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, status FROM articles WHERE status IN ('published', 'withdrawn', 'expired')"
                      + " ORDER BY published_at DESC")) {
        while (rs.next()) {
          (rs.getString(2).equals("published") ? articleIds : gone).add(rs.getString(1));
        }
      }
      long bookmarks = 0;
      try (PreparedStatement ins =
          c.prepareStatement(
              "INSERT INTO bookmarks (account_id, article_id, created_at) VALUES (?, ?, ?)")) {
        List<String> readersAndBench = new ArrayList<>(accountIds);
        readersAndBench.add(benchId);
        for (String account : readersAndBench) {
          int n =
              account.equals(benchId)
                  ? 300
                  : random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(3);
          LinkedHashSet<String> picked = new LinkedHashSet<>();
          for (int i = 0; i < n && !articleIds.isEmpty(); i++) {
            boolean old = account.equals(benchId) && i % 20 == 0 && !gone.isEmpty();
            // Most bookmarks are of recent articles.
            picked.add(
                old
                    ? gone.get(random.nextInt(gone.size()))
                    : articleIds.get(
                        (int)
                            Math.min(
                                articleIds.size() - 1,
                                Math.abs(random.nextGaussian()) * articleIds.size() / 20)));
          }
          long i = 0;
          for (String article : picked) {
            ins.setString(1, account);
            ins.setString(2, article);
            ins.setLong(3, now - (i++) * 3_600_000L);
            ins.addBatch();
            bookmarks++;
          }
          if (bookmarks % 2000 < picked.size()) {
            ins.executeBatch();
          }
        }
        ins.executeBatch();
      }
      c.commit();
      System.out.printf(
          "seed: %d bookmarks in %.1f s%n", bookmarks, (System.nanoTime() - t0) / 1e9);

      writeTargets(c, targets, threadArticles, random);
    }
  }

  /** The URLs each page kind is timed on, as key=value lines (lists separated by spaces). */
  static void writeTargets(
      Connection c, Path out, Map<String, String[]> threads, SplittableRandom random)
      throws SQLException, IOException {
    List<String> lines = new ArrayList<>();
    lines.add(
        "sections="
            + String.join(" ", column(c, "SELECT slug FROM sections ORDER BY position", 100)));
    lines.add(
        "prolific_authors="
            + String.join(
                " ",
                column(
                    c,
                    "SELECT au.slug FROM authors au JOIN (SELECT author_id, count(*) AS n FROM article_authors GROUP BY author_id"
                        + " ORDER BY n DESC LIMIT 8) top ON top.author_id = au.id ORDER BY top.n DESC",
                    8)));
    lines.add(
        "author_counts="
            + String.join(
                " ",
                column(
                    c,
                    "SELECT n FROM (SELECT author_id, count(*) AS n FROM article_authors GROUP BY author_id) x ORDER BY n DESC LIMIT 8",
                    8)));
    lines.add("authors_total=" + String.join(" ", column(c, "SELECT count(*) FROM authors", 1)));
    List<String> tags =
        column(
            c,
            "SELECT t.slug FROM tags t JOIN (SELECT tag_id, count(*) AS n FROM article_tags GROUP BY tag_id) x ON x.tag_id = t.id"
                + " ORDER BY x.n DESC",
            100_000);
    lines.add("tags_total=" + tags.size());
    lines.add("common_tags=" + String.join(" ", tags.subList(0, Math.min(5, tags.size()))));
    lines.add("tags=" + String.join(" ", tags.subList(0, Math.min(200, tags.size()))));
    // Not those whose licence runs out before the pages are timed (the site's first start expires
    // them).
    long cutoff = System.currentTimeMillis() - 86_400_000L; // a day's margin
    List<String> published =
        column(
            c,
            "SELECT a.slug FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.status = 'published'"
                + " AND (s.expire_after_days = 0 OR a.published_at > "
                + cutoff
                + " - s.expire_after_days * CAST(86400000 AS BIGINT))",
            Integer.MAX_VALUE);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < 200 && !published.isEmpty(); i++) {
      sample.add(published.get(random.nextInt(published.size())));
    }
    lines.add("articles=" + String.join(" ", sample));
    lines.add(
        "thread_articles=" + String.join(" ", threads.values().stream().map(a -> a[1]).toList()));
    // The deepest pages, addressed as the site's own "Older" links address them: before the
    // position (time_id) of one of the 21st to 40th oldest listed articles, so each shows the
    // last twenty-odd of the listing.
    String section = column(c, "SELECT slug FROM sections ORDER BY position", 1).get(0);
    String author =
        column(
                c,
                "SELECT au.slug FROM authors au JOIN (SELECT author_id, count(*) AS n FROM article_authors GROUP BY author_id"
                    + " ORDER BY n DESC LIMIT 1) top ON top.author_id = au.id",
                1)
            .get(0);
    lines.add(
        "deep_section="
            + String.join(
                " ",
                prefixed(
                    "/sections/" + section + "?before=",
                    column(
                        c,
                        "SELECT a.published_at || '_' || a.id FROM articles a JOIN sections s ON s.id = a.section_id"
                            + " WHERE s.slug = '"
                            + section
                            + "' AND a.listed = 1 ORDER BY a.published_at, a.id LIMIT 20 OFFSET 20",
                        20))));
    lines.add(
        "deep_author="
            + String.join(
                " ",
                prefixed(
                    "/authors/" + author + "?before=",
                    column(
                        c,
                        "SELECT l.published_at || '_' || l.article_id FROM article_authors l JOIN authors au ON au.id = l.author_id"
                            + " WHERE au.slug = '"
                            + author
                            + "' AND l.listed = 1 ORDER BY l.published_at, l.article_id LIMIT 20 OFFSET 20",
                        20))));
    lines.add(
        "deep_api="
            + String.join(
                " ",
                prefixed(
                    "/api/v1/articles?before=",
                    column(
                        c,
                        "SELECT published_at || '_' || id FROM articles WHERE listed = 1 ORDER BY published_at, id LIMIT 20 OFFSET 20",
                        20))));
    lines.add(
        "statuses="
            + String.join(
                " ",
                column(
                    c,
                    "SELECT status || ':' || count(*) FROM articles GROUP BY status ORDER BY status",
                    10)));
    lines.add(
        "grouped_stories="
            + String.join(
                " ",
                column(
                    c,
                    "SELECT count(*) FROM (SELECT story_id FROM articles WHERE story_id IS NOT NULL GROUP BY story_id HAVING count(*) > 1) x",
                    1)));
    Files.write(out, lines);
  }

  static List<String> prefixed(String prefix, List<String> values) {
    return values.stream().map(v -> prefix + v).toList();
  }

  static List<String> column(Connection c, String sql, int max) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next() && out.size() < max) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
