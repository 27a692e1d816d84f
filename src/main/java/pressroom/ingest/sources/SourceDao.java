package pressroom.ingest.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import pressroom.articles.Sections;
import pressroom.articles.SeoPolicy;
import pressroom.articles.StatusChanges;
import pressroom.articles.StoryLeads;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;
import pressroom.ingest.formats.FeedFormat;

/** The SQL for partner feeds: their settings, their health, and who fetches them when. */
public final class SourceDao {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SELECT =
      """
      SELECT src.* FROM sources src
      """;

  private final Jdbi jdbi;
  // When a source is due, and the time of its removal's withdrawals.
  private final java.time.InstantSource clock;

  public SourceDao(Jdbi jdbi, java.time.InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Adds a partner feed, due at once.
   *
   * @throws IllegalArgumentException naming the problem (unknown section)
   */
  public String add(NewSource in) {
    String id = Ids.newId();
    jdbi.useTransaction(
        h -> {
          String sectionId = Sections.sectionFor(h, in.sectionSlug());
          long now = clock.millis();
          h.createUpdate(
                  """
                  INSERT INTO sources (id, name, home_url, attribution, seo_policy, feed_url,
                    format, section_id, priority, interval_seconds, request_headers,
                    content_policy, expire_after_days, state, next_fetch_at, created_at)
                  VALUES (:id, :name, :home, :attribution, :policy, :url, :format, :section,
                    :priority, :interval, :headers, :content, :expire, 'active', :now, :now)
                  """)
              .bind("id", id)
              .bind("name", in.name())
              .bind("home", in.homeUrl() != null ? in.homeUrl() : homeOf(in.feedUrl()))
              .bind("attribution", in.attribution())
              .bind("policy", in.seoPolicy().dbValue())
              .bind("url", in.feedUrl())
              .bind("format", in.format().cliName())
              .bind("section", sectionId)
              .bind("priority", in.priority())
              .bind("interval", in.interval().toSeconds())
              .bind("headers", in.requestHeaders().isEmpty() ? null : json(in.requestHeaders()))
              .bind("content", in.fullText() ? "full" : "summary")
              .bind("expire", in.expireAfterDays())
              .bind("now", now)
              .execute();
        });
    return id;
  }

  /** Adds a partner that has no feed (its articles arrive some other way, e.g. an import). */
  public String createSource(String name, String homeUrl, String attribution, SeoPolicy seoPolicy) {
    String id = Ids.newId();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO sources (id, name, home_url, attribution, seo_policy)"
                        + " VALUES (:id, :name, :homeUrl, :attribution, :policy)")
                .bind("id", id)
                .bind("name", name)
                .bind("homeUrl", homeUrl)
                .bind("attribution", attribution)
                .bind("policy", seoPolicy.dbValue())
                .execute());
    return id;
  }

  /** The source with this name (ignoring case), if any. */
  public Optional<FeedSource> findByName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT + " WHERE lower(src.name) = lower(:name) AND src.state <> 'removed'")
                .bind("name", name)
                .map(sourceRows(h))
                .findFirst());
  }

  /** Every source but removed ones, by name. */
  public List<FeedSource> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE src.state <> 'removed' ORDER BY lower(src.name)")
                .map(sourceRows(h))
                .list());
  }

  public Optional<FeedSource> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE src.id = :id AND src.state <> 'removed'")
                .bind("id", id)
                .map(sourceRows(h))
                .findOne());
  }

  /** Active sources whose next fetch is due. */
  public List<FeedSource> due(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + " WHERE src.state = 'active' AND src.feed_url IS NOT NULL"
                        + " AND (src.next_fetch_at IS NULL OR src.next_fetch_at <= :now)"
                        + " ORDER BY src.next_fetch_at")
                .bind("now", now.toEpochMilli())
                .map(sourceRows(h))
                .list());
  }

  /**
   * Takes a due source for this node by moving its next fetch to {@code leaseUntil}; false when
   * another node took it first. The conditional UPDATE is the lock, so nodes sharing one PostgreSQL
   * never fetch the same feed twice.
   */
  public boolean claim(String id, Instant now, Instant leaseUntil) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE sources SET next_fetch_at = :lease WHERE id = :id"
                            + " AND state = 'active'"
                            + " AND (next_fetch_at IS NULL OR next_fetch_at <= :now)")
                    .bind("lease", leaseUntil.toEpochMilli())
                    .bind("id", id)
                    .bind("now", now.toEpochMilli())
                    .execute())
        == 1;
  }

  /** A fetch that worked (also 304): new validators, counters, next fetch. */
  public void recordSuccess(
      String id,
      String etag,
      String lastModified,
      URI movedTo,
      int newItems,
      Instant now,
      Instant next) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE sources SET etag = :etag, last_modified = :lm,
                      feed_url = coalesce(:moved, feed_url), last_fetch_at = :now,
                      last_success_at = :now, next_fetch_at = :next, failing_since = NULL,
                      last_error = NULL, consecutive_failures = 0,
                      items_total = items_total + :items
                    WHERE id = :id
                    """)
                .bind("etag", etag)
                .bind("lm", lastModified)
                .bind("moved", movedTo == null ? null : movedTo.toString())
                .bind("now", now.toEpochMilli())
                .bind("next", next.toEpochMilli())
                .bind("items", newItems)
                .bind("id", id)
                .execute());
  }

  /** A fetch that failed: the reason in plain words and when to try again. */
  public void recordFailure(String id, String error, Instant now, Instant next) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE sources SET last_fetch_at = :now, next_fetch_at = :next,
                      failing_since = coalesce(failing_since, :now), last_error = :error,
                      consecutive_failures = consecutive_failures + 1
                    WHERE id = :id
                    """)
                .bind("now", now.toEpochMilli())
                .bind("next", next.toEpochMilli())
                .bind("error", error)
                .bind("id", id)
                .execute());
  }

  public boolean setState(String id, FeedSource.State state, String reason) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE sources SET state = :state, last_error = coalesce(:reason, last_error),"
                            + " next_fetch_at = :now WHERE id = :id AND state <> 'removed'")
                    .bind("state", state.dbValue())
                    .bind("reason", reason)
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /**
   * Sets a partner's priority and decides again which version listings show of every story it
   * shares with another partner.
   *
   * @return the number of articles in those stories, or -1 if there is no such source
   */
  public int setPriority(String id, int priority) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE sources SET priority = :p WHERE id = :id AND state <> 'removed'")
                  .bind("p", priority)
                  .bind("id", id)
                  .execute();
          if (n == 0) {
            return -1;
          }
          List<String> ids = StoryLeads.refreshSource(h, id, clock.millis());
          ids.forEach(article -> ContentChanges.record(h, article));
          return ids.size();
        });
  }

  /**
   * Removes a partner: it is never fetched again and its articles are withdrawn (their addresses
   * answer 410), since the licence to show them ends with the partnership.
   *
   * @return the number of articles withdrawn, or -1 if there is no such source
   */
  public int remove(String id) {
    return jdbi.inTransaction(
        h -> {
          int n =
              h.createUpdate(
                      "UPDATE sources SET state = 'removed' WHERE id = :id AND state <> 'removed'")
                  .bind("id", id)
                  .execute();
          if (n == 0) {
            return -1;
          }
          int withdrawn = StatusChanges.withdrawSource(h, id, clock.millis());
          return withdrawn;
        });
  }

  /** Sources whose licence removes articles after some days. */
  public List<FeedSource> withExpiry() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + " WHERE src.expire_after_days > 0").map(sourceRows(h)).list());
  }

  private static String homeOf(String feedUrl) {
    try {
      URI u = URI.create(feedUrl);
      return u.getScheme() != null && u.getHost() != null
          ? u.getScheme() + "://" + u.getHost() + "/"
          : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String json(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> headers(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  /** Maps rows to sources, their section named by its slug (the sections are the articles'). */
  private static RowMapper<FeedSource> sourceRows(Handle h) {
    Map<String, String> sectionSlugs = Sections.sectionSlugs(h);
    return (rs, ctx) -> source(rs, sectionSlugs);
  }

  private static FeedSource source(ResultSet rs, Map<String, String> sectionSlugs)
      throws SQLException {
    return new FeedSource(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("home_url"),
        rs.getString("feed_url"),
        FeedFormat.fromName(rs.getString("format")),
        sectionSlugs.get(rs.getString("section_id")),
        rs.getString("attribution"),
        rs.getInt("priority"),
        Duration.ofSeconds(rs.getLong("interval_seconds")),
        headers(rs.getString("request_headers")),
        SeoPolicy.fromDb(rs.getString("seo_policy")),
        "full".equals(rs.getString("content_policy")),
        rs.getInt("expire_after_days"),
        FeedSource.State.fromDb(rs.getString("state")),
        rs.getString("etag"),
        rs.getString("last_modified"),
        instant(rs, "last_fetch_at"),
        instant(rs, "next_fetch_at"),
        instant(rs, "last_success_at"),
        instant(rs, "failing_since"),
        rs.getString("last_error"),
        rs.getInt("consecutive_failures"),
        rs.getLong("items_total"));
  }
}
