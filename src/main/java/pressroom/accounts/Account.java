package pressroom.accounts;

import java.time.Instant;
import pressroom.web.Access.Role;

/**
 * A reader or staff member. The password hash never leaves {@link AccountDao}.
 *
 * @param emailVerifiedAt null until the reader followed the mailed link
 * @param suspendedUntil null when not suspended
 */
public record Account(
    String id,
    String userId,
    String email,
    String displayName,
    Role role,
    Instant emailVerifiedAt,
    boolean notifyReplies,
    Instant suspendedUntil,
    String suspendedReason,
    Instant createdAt) {

  public boolean verified() {
    return emailVerifiedAt != null;
  }

  public boolean suspended(Instant now) {
    return suspendedUntil != null && suspendedUntil.isAfter(now);
  }

  /** The same account with the role a request grants it (a suspended or unenrolled one: reader). */
  public Account actingAs(Role acting) {
    return acting == role
        ? this
        : new Account(
            id,
            userId,
            email,
            displayName,
            acting,
            emailVerifiedAt,
            notifyReplies,
            suspendedUntil,
            suspendedReason,
            createdAt);
  }

  /** What a page shows as the author's name. */
  public String shownName() {
    return displayName == null || displayName.isBlank() ? userId : displayName;
  }
}
