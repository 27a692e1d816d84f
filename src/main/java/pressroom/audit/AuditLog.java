package pressroom.audit;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import pressroom.db.Ids;
import pressroom.web.Chrome.Viewer;

/**
 * The record of every staff action: who did what to which thing, when, and the value before and
 * after. Features write to it through {@link #record}; nothing ever changes or removes a row.
 */
public final class AuditLog {
  /** Longest before/after value kept; an article body is summarised rather than stored twice. */
  static final int MAX_VALUE = 4_000;

  private final Jdbi jdbi;
  private final InstantSource clock;

  public AuditLog(Jdbi jdbi, InstantSource clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Who acted: a signed-in staff member, or the operator at the command line. */
  public record Actor(String userId, String name) {
    public static final Actor COMMAND_LINE = new Actor("(command line)", "Command line");

    /** The signed-in staff member; never null (the command line names itself, explicitly). */
    public static Actor of(Viewer viewer) {
      if (viewer == null) {
        throw new IllegalStateException("a staff action with nobody signed in");
      }
      return new Actor(viewer.userId(), viewer.name());
    }
  }

  /**
   * One staff action.
   *
   * @param action what was done, as {@code feature.verb} ("comment.approve", "source.disable")
   * @param subject what it was done to, as a reader would name it ("comment 0190… on ‘Headline’")
   * @param before the value before, or null when nothing existed or nothing changed
   * @param after the value after, or null when it was removed
   */
  public record Entry(
      String id,
      Instant at,
      String actorUserId,
      String actorName,
      String action,
      String subject,
      String before,
      String after) {}

  /**
   * What the log page asks for; each part is optional (null or blank means any).
   *
   * @param actor the staff member's user ID, exactly
   * @param action an action, or its feature ("comment" matches "comment.approve")
   * @param text words the subject, before or after contain
   * @param from first instant included
   * @param until first instant no longer included
   */
  public record Filter(String actor, String action, String text, Instant from, Instant until) {
    public static final Filter ANY = new Filter(null, null, null, null, null);
  }

  public void record(Viewer who, String action, String subject, String before, String after) {
    record(Actor.of(who), action, subject, before, after);
  }

  public void record(Actor who, String action, String subject, String before, String after) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO audit_log (id, at, actor_user_id, actor_name, action, subject,"
                        + " before_value, after_value) VALUES (:id, :at, :u, :n, :a, :s, :b, :v)")
                .bind("id", Ids.newId())
                .bind("at", clock.instant().toEpochMilli())
                .bind("u", who.userId())
                .bind("n", who.name())
                .bind("a", action)
                .bind("s", clip(subject))
                .bind("b", clip(before))
                .bind("v", clip(after))
                .execute());
  }

  /**
   * Newest first, at most {@code limit}, older than the entry {@code afterId} when given (the next
   * page).
   */
  public List<Entry> find(Filter f, String afterId, int limit) {
    List<Entry> out = new ArrayList<>();
    each(f, afterId, limit, out::add);
    return out;
  }

  /** Every entry the filter matches, newest first, one at a time (for the CSV export). */
  public void each(Filter f, Consumer<Entry> sink) {
    each(f, null, Integer.MAX_VALUE, sink);
  }

  /** The actions recorded so far, for the filter's list. */
  public List<String> actions() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action")
                .mapTo(String.class)
                .list());
  }

  private void each(Filter f, String afterId, int limit, Consumer<Entry> sink) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor_user_id, actor_name, action, subject, before_value, after_value"
                + " FROM audit_log WHERE 1 = 1");
    if (present(afterId)) {
      sql.append(" AND id < :afterId");
    }
    if (present(f.actor())) {
      sql.append(" AND actor_user_id = :actor");
    }
    if (present(f.action())) {
      sql.append(" AND (action = :action OR action LIKE :actionPrefix ESCAPE '!')");
    }
    if (present(f.text())) {
      sql.append(
          " AND (lower(subject) LIKE :text ESCAPE '!' OR lower(before_value) LIKE :text ESCAPE '!'"
              + " OR lower(after_value) LIKE :text ESCAPE '!')");
    }
    if (f.from() != null) {
      sql.append(" AND at >= :from");
    }
    if (f.until() != null) {
      sql.append(" AND at < :until");
    }
    sql.append(" ORDER BY id DESC");
    if (limit != Integer.MAX_VALUE) {
      sql.append(" LIMIT ").append(limit);
    }
    // In a transaction: PostgreSQL's driver streams rows (fetch size) only outside autocommit.
    jdbi.useTransaction(
        h -> {
          Query q = h.createQuery(sql.toString());
          if (present(afterId)) {
            q.bind("afterId", afterId);
          }
          if (present(f.actor())) {
            q.bind("actor", f.actor().strip());
          }
          if (present(f.action())) {
            q.bind("action", f.action().strip()).bind("actionPrefix", like(f.action()) + ".%");
          }
          if (present(f.text())) {
            q.bind("text", "%" + like(f.text().toLowerCase(java.util.Locale.ROOT)) + "%");
          }
          if (f.from() != null) {
            q.bind("from", f.from().toEpochMilli());
          }
          if (f.until() != null) {
            q.bind("until", f.until().toEpochMilli());
          }
          q.setFetchSize(500);
          try (var rows =
              q
                  .map(
                      (rs, ctx) ->
                          new Entry(
                              rs.getString("id"),
                              Instant.ofEpochMilli(rs.getLong("at")),
                              rs.getString("actor_user_id"),
                              rs.getString("actor_name"),
                              rs.getString("action"),
                              rs.getString("subject"),
                              rs.getString("before_value"),
                              rs.getString("after_value")))
                  .stream()) {
            rows.forEach(sink);
          }
        });
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** A LIKE pattern that matches the typed text literally. */
  private static String like(String s) {
    return s.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String clip(String s) {
    if (s == null || s.length() <= MAX_VALUE) {
      return s;
    }
    return s.substring(0, MAX_VALUE) + "… (" + (s.length() - MAX_VALUE) + " more characters)";
  }
}
