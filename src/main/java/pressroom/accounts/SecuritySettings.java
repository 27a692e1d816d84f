package pressroom.accounts;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import pressroom.web.Access;

/** The site's sign-in rules that admins set, in the database so every node applies the same. */
public final class SecuritySettings {
  private static final String TWO_FACTOR_FOR_STAFF = "two_factor_for_staff";

  private final Jdbi jdbi;

  public SecuritySettings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Whether moderators, editors and admins must sign in with a code. */
  public boolean twoFactorRequiredForStaff() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT value FROM security_settings WHERE name = :n")
                .bind("n", TWO_FACTOR_FOR_STAFF)
                .mapTo(String.class)
                .findOne()
                .map("true"::equals)
                .orElse(false));
  }

  public void requireTwoFactorForStaff(boolean required) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO security_settings (name, value) VALUES (:n, :v)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("n", TWO_FACTOR_FOR_STAFF)
                .bind("v", Boolean.toString(required))
                .execute());
  }

  /**
   * Whether a staff member without a second factor must set one up before using the staff pages:
   * one query, asked only for staff accounts.
   */
  boolean mustEnrol(String accountId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM security_settings s WHERE s.name = :n AND s.value = 'true'"
                            + " AND NOT EXISTS (SELECT 1 FROM account_totp t WHERE t.account_id = :a"
                            + " AND t.confirmed_at IS NOT NULL)")
                    .bind("n", TWO_FACTOR_FOR_STAFF)
                    .bind("a", accountId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** A staff member, and whether they sign in with a second factor. */
  public record StaffMember(String userId, Access.Role role, boolean twoFactor) {}

  /** Every staff account, highest role first, those without a second factor first within it. */
  public List<StaffMember> staff() {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT a.user_id, a.role, t.confirmed_at FROM accounts a"
                        + " LEFT JOIN account_totp t ON t.account_id = a.id"
                        + " WHERE a.role <> 'reader' AND a.deleted_at IS NULL")
                .map(
                    (rs, ctx) ->
                        new StaffMember(
                            rs.getString(1),
                            Access.Role.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                            rs.getObject(3) != null))
                .list()
                .stream()
                .sorted(
                    java.util.Comparator.comparing(StaffMember::role)
                        .reversed()
                        .thenComparing(StaffMember::twoFactor)
                        .thenComparing(StaffMember::userId))
                .toList());
  }
}
