package pressroom.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each feature owns its tables: SQL that names a table lives in the package that owns it, and
 * another feature asks that package's service. The check reads the SQL text of the string literals
 * in src/main/java.
 */
class TableOwnershipTest {
  static final Path MAIN = Path.of("src/main/java/pressroom");

  /** Table → the package (under pressroom) that owns it. */
  static final Map<String, String> OWNER =
      Map.ofEntries(
          Map.entry("accounts", "accounts"),
          Map.entry("account_tokens", "accounts"),
          Map.entry("sessions", "accounts"),
          Map.entry("throttle_events", "accounts"),
          Map.entry("account_totp", "accounts"),
          Map.entry("recovery_codes", "accounts"),
          Map.entry("pending_signins", "accounts"),
          Map.entry("security_settings", "accounts"),
          Map.entry("articles", "articles"),
          Map.entry("article_authors", "articles"),
          Map.entry("article_corrections", "articles"),
          Map.entry("article_revisions", "articles"),
          Map.entry("article_tags", "articles"),
          Map.entry("authors", "articles"),
          Map.entry("sections", "articles"),
          Map.entry("section_slugs_retired", "articles"),
          Map.entry("tags", "articles"),
          // An article's stored picture goes with its status (StatusChanges removes it).
          Map.entry("pictures", "articles"),
          Map.entry("picture_renditions", "articles"),
          Map.entry("picture_failures", "articles"),
          Map.entry("bookmarks", "bookmarks"),
          Map.entry("comments", "comments"),
          Map.entry("comment_likes", "comments"),
          Map.entry("comment_reports", "comments"),
          Map.entry("moderation_log", "comments"),
          Map.entry("account_mutes", "comments"),
          Map.entry("spam_tokens", "comments"),
          Map.entry("spam_totals", "comments"),
          Map.entry("sources", "ingest"),
          Map.entry("simhash_bands", "ingest"),
          Map.entry("simhash_bands_new", "ingest"),
          Map.entry("content_changes", "changes"),
          Map.entry("audit_log", "audit"));

  /**
   * Reads across a feature's border that stay in SQL, each for a reason named in ARCHITECTURE.md.
   * Writes never cross: see {@link #noFeatureWritesAnotherFeaturesTables}.
   */
  static final Set<String> READS_ACROSS =
      Set.of(
          // Attribution joined into listings, the article page and sitemaps; a partner's priority.
          "articles/ArticleDesk.java reads sources",
          "articles/ArticleReads.java reads sources",
          "articles/ArticleRows.java reads sources",
          "articles/Listings.java reads sources",
          "articles/Pins.java reads sources",
          "articles/Sitemaps.java reads sources",
          // Whether a partner's licence still lets a withdrawn article be restored.
          "articles/EditorialWrites.java reads sources",
          "articles/StoryLeads.java reads sources",
          // Inside the transaction that stores a batch: by (source, guid), by fingerprint.
          "ingest/store/IngestStore.java reads articles",
          "ingest/store/SameStories.java reads articles",
          // A thread's comment policy; the headline and slug a queue row or a mail names.
          "comments/AuthorComments.java reads articles",
          "comments/CommentDao.java reads articles",
          "comments/CommentDao.java reads sections",
          "comments/ReplyNotifier.java reads articles",
          // What a reader's own article page depends on, in one round trip per view.
          "reader/ReaderState.java reads account_mutes",
          "reader/ReaderState.java reads articles",
          "reader/ReaderState.java reads bookmarks",
          "reader/ReaderState.java reads comments");

  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
  private static final Pattern READ =
      Pattern.compile("\\b(?:from|join)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern WRITE =
      Pattern.compile(
          "\\b(?:insert\\s+into|update|delete\\s+from|alter\\s+table|truncate)\\s+(\\w+)",
          Pattern.CASE_INSENSITIVE);

  record Use(String file, String verb, String table) {
    @Override
    public String toString() {
      return file + " " + verb + " " + table;
    }
  }

  static List<Use> uses() {
    List<Use> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String file = MAIN.relativize(p).toString().replace('\\', '/');
        StringBuilder sql = new StringBuilder();
        Matcher m = LITERAL.matcher(Files.readString(p));
        while (m.find()) {
          sql.append(m.group(1) != null ? m.group(1) : m.group(2)).append(' ');
        }
        collect(out, file, "writes", WRITE.matcher(sql));
        collect(out, file, "reads", READ.matcher(sql));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void collect(List<Use> out, String file, String verb, Matcher m) {
    while (m.find()) {
      String table = m.group(1).toLowerCase();
      if (OWNER.containsKey(table)) {
        out.add(new Use(file, verb, table));
      }
    }
  }

  static String packageOf(String file) {
    return file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
  }

  @Test
  void theCheckSeesTheOwnersOwnSql() {
    assertThat(uses())
        .extracting(Use::toString)
        .contains(
            "articles/ArticleWrites.java writes articles",
            "comments/CommentDao.java reads comments",
            "accounts/AccountDao.java writes accounts",
            "changes/ContentChanges.java writes content_changes");
  }

  @Test
  void noFeatureWritesAnotherFeaturesTables() {
    Set<String> found = new TreeSet<>();
    for (Use u : uses()) {
      if (u.verb().equals("writes") && !packageOf(u.file()).equals(OWNER.get(u.table()))) {
        found.add(u.toString());
      }
    }
    assertThat(found).as("writes outside the owning feature").isEmpty();
  }

  @Test
  void readsAcrossAFeaturesBorderAreTheListedOnes() {
    Set<String> found = new TreeSet<>();
    for (Use u : uses()) {
      if (u.verb().equals("reads") && !packageOf(u.file()).equals(OWNER.get(u.table()))) {
        found.add(u.toString());
      }
    }
    assertThat(found).as("reads outside the owning feature").isSubsetOf(READS_ACROSS);
    assertThat(READS_ACROSS).as("listed crossings that no longer happen").isSubsetOf(found);
  }
}
