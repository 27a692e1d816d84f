package pressroom.ingest.sources;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import pressroom.articles.Sections;
import pressroom.articles.SeoPolicy;
import pressroom.articles.StatusChanges;
import pressroom.articles.StoryLeads;
import pressroom.changes.Change;
import pressroom.changes.ContentChanges;
import pressroom.db.Ids;

/** The SQL for partner feeds: their settings, their health, and who fetches them when. */
public final class SourceDao {
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
    return add(in, FeedSource.State.ACTIVE);
  }

  /**
   * Adds a source in the given state, in one statement: an import's source is disabled from its
   * first moment, so a process killed right after adding it leaves no source polling its files.
   */
  public String add(NewSource in, FeedSource.State state) {
    String id = Ids.newId();
    jdbi.useTransaction(
        h -> {
          String sectionId = Sections.sectionFor(h, in.sectionSlug());
          long now = clock.millis();
          settings(
                  h.createUpdate(
                      """
                      INSERT INTO sources (id, name, home_url, attribution, seo_policy, feed_url,
                        format, section_id, priority, interval_seconds, request_headers,
                        content_policy, expire_after_days, state, next_fetch_at, created_at)
                      VALUES (:id, :name, :home, :attribution, :policy, :url, :format, :section,
                        :priority, :interval, :headers, :content, :expire, :state, :now, :now)
                      """),
                  in,
                  sectionId,
                  in.homeUrl() != null ? in.homeUrl() : homeOf(in.feedUrl()))
              .bind("id", id)
              .bind("state", state.dbValue())
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
                .map(SourceRows.mapper(h))
                .findFirst());
  }

  /** Every source but removed ones, by name. */
  public List<FeedSource> list() {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE src.state <> 'removed' ORDER BY lower(src.name)")
                .map(SourceRows.mapper(h))
                .list());
  }

  public Optional<FeedSource> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE src.id = :id AND src.state <> 'removed'")
                .bind("id", id)
                .map(SourceRows.mapper(h))
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
                .map(SourceRows.mapper(h))
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

  /** A fetch that worked (also 304): new validators, counters, what it did, next fetch. */
  public void recordSuccess(
      String id,
      String etag,
      String lastModified,
      URI movedTo,
      FeedSource.LastRun run,
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
                      items_total = items_total + :items, last_run = :run
                    WHERE id = :id
                    """)
                .bind("etag", etag)
                .bind("lm", lastModified)
                .bind("moved", movedTo == null ? null : movedTo.toString())
                .bind("now", now.toEpochMilli())
                .bind("next", next.toEpochMilli())
                .bind("items", run.inserted())
                .bind("run", SourceRows.json(run))
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
   * Changes a partner feed's settings. A new feed address is fetched at once and without the old
   * one's validators; a new priority decides again which version listings show of the stories it
   * shares; a new name, home page, attribution or search policy shows on every page of its
   * articles. Articles already stored stay in their section; the new section and licence apply to
   * what the feed sends from now on.
   *
   * @return false if there is no such source
   * @throws IllegalArgumentException naming the problem
   */
  public boolean update(String id, NewSource in) {
    return jdbi.inTransaction(
        h -> {
          Optional<FeedSource> found =
              h.createQuery(SELECT + " WHERE src.id = :id AND src.state <> 'removed'")
                  .bind("id", id)
                  .map(SourceRows.mapper(h))
                  .findOne();
          if (found.isEmpty()) {
            return false;
          }
          FeedSource was = found.get();
          String sectionId = Sections.sectionFor(h, in.sectionSlug());
          Instant now = clock.instant();
          boolean newUrl = !in.feedUrl().equals(was.feedUrl());
          String home = in.homeUrl() != null ? in.homeUrl() : homeOf(in.feedUrl());
          // A new address is fetched at once; a shorter interval brings the next fetch forward.
          Instant next = was.nextFetchAt();
          if (newUrl || next == null) {
            next = now;
          } else if (!in.interval().equals(was.interval())
              && now.plus(in.interval()).isBefore(next)) {
            next = now.plus(in.interval());
          }
          settings(
                  h.createUpdate(
                      """
                  UPDATE sources SET name = :name, home_url = :home, attribution = :attribution,
                    seo_policy = :policy, feed_url = :url, format = :format, section_id = :section,
                    priority = :priority, interval_seconds = :interval, request_headers = :headers,
                    content_policy = :content, expire_after_days = :expire,
                    etag = :etag, last_modified = :lastModified, next_fetch_at = :next
                  WHERE id = :id
                  """),
                  in,
                  sectionId,
                  home)
              // The validators were the old address's.
              .bind("etag", newUrl ? null : was.etag())
              .bind("lastModified", newUrl ? null : was.lastModified())
              .bind("next", next.toEpochMilli())
              .bind("id", id)
              .execute();
          if (in.priority() != was.priority()) {
            StoryLeads.refreshSource(h, id, now.toEpochMilli())
                .forEach(article -> ContentChanges.record(h, article));
          }
          if (!in.name().equals(was.name())
              || !java.util.Objects.equals(home, was.homeUrl())
              || !in.attribution().equals(was.attribution())
              || in.seoPolicy() != was.seoPolicy()) {
            // The partner's name, link and terms are on every page of its articles and listings.
            ContentChanges.record(h, new Change.AllPages());
          }
          return true;
        });
  }

  /**
   * What {@link #remove} would withdraw: how many articles, and the {@code named} newest.
   *
   * @return empty if there is no such source
   */
  public Optional<StatusChanges.SourceWithdrawal> toWithdraw(String id, int named) {
    return jdbi.inTransaction(
        h ->
            h.createQuery("SELECT id FROM sources WHERE id = :id AND state <> 'removed'")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne()
                    .isEmpty()
                ? Optional.empty()
                : Optional.of(StatusChanges.sourceWithdrawal(h, id, named)));
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
        h ->
            h.createQuery(SELECT + " WHERE src.expire_after_days > 0")
                .map(SourceRows.mapper(h))
                .list());
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

  /** Binds a source's settings, as adding and editing both store them. */
  private static org.jdbi.v3.core.statement.Update settings(
      org.jdbi.v3.core.statement.Update u, NewSource in, String sectionId, String home) {
    return u.bind("name", in.name())
        .bind("home", home)
        .bind("attribution", in.attribution())
        .bind("policy", in.seoPolicy().dbValue())
        .bind("url", in.feedUrl())
        .bind("format", in.format().cliName())
        .bind("section", sectionId)
        .bind("priority", in.priority())
        .bind("interval", in.interval().toSeconds())
        .bind(
            "headers", in.requestHeaders().isEmpty() ? null : SourceRows.json(in.requestHeaders()))
        .bind("content", in.fullText() ? "full" : "summary")
        .bind("expire", in.expireAfterDays());
  }
}
