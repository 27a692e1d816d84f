package pressroom.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import pressroom.web.Access.Role;

/**
 * What other features need to know about accounts they only refer to by id (comment authors,
 * reporters), asked in one query for a whole page of them.
 */
public final class AccountLookups {
  /** The name shown for an account its reader deleted. */
  public static final String DELETED_NAME = "a deleted reader";

  private final Jdbi jdbi;

  public AccountLookups(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * An account as others see it beside what it wrote.
   *
   * @param name the display name, or the user ID when there is none, or {@link #DELETED_NAME}
   */
  public record Author(String id, String name, Role role) {
    static Author unknown(String id) {
      return new Author(id, DELETED_NAME, Role.READER);
    }
  }

  /** The authors with these ids; an id with no account maps to a deleted reader. */
  public Map<String, Author> authors(Collection<String> ids) {
    Map<String, Author> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, role, CASE WHEN deleted_at IS NOT NULL THEN :deleted
                                     ELSE coalesce(display_name, user_id) END AS name
                    FROM accounts WHERE id IN (<ids>)
                    """)
                .bind("deleted", DELETED_NAME)
                .bindList("ids", List.copyOf(new TreeSet<>(ids)))
                .map(
                    (rs, ctx) ->
                        new Author(
                            rs.getString("id"),
                            rs.getString("name"),
                            Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT))))
                .forEach(a -> out.put(a.id(), a)));
    for (String id : ids) {
      out.computeIfAbsent(id, Author::unknown);
    }
    return out;
  }

  public Author author(String id) {
    return authors(Set.of(id)).get(id);
  }

  /**
   * How many of these accounts are in good standing at {@code now}: e-mail confirmed, not
   * suspended. (Throwaway accounts must not be able to silence anyone.)
   */
  public int inGoodStanding(Collection<String> ids, Instant now) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT count(*) FROM accounts
                    WHERE id IN (<ids>) AND email_verified_at IS NOT NULL
                      AND (suspended_until IS NULL OR suspended_until <= :now)
                    """)
                .bindList("ids", List.copyOf(new TreeSet<>(ids)))
                .bind("now", now.toEpochMilli())
                .mapTo(Integer.class)
                .one());
  }
}
