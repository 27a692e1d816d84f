package pressroom.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who may see staff pages. Reader accounts and sessions arrive with the Accounts issue; until
 * then nobody is signed in, so every staff page answers 403 — the check is real and in place.
 */
public final class Access {
  /** Roles in increasing order of trust. */
  public enum Role {
    READER,
    MODERATOR,
    EDITOR,
    ADMIN
  }

  private Access() {}

  /** The signed-in user's role; empty for an anonymous visitor (everyone, for now). */
  public static Optional<Role> role(Context ctx) {
    return Optional.empty();
  }

  /** Stops the request with a 403 page unless the visitor has at least {@code needed}. */
  public static void require(Context ctx, Role needed) {
    if (role(ctx).filter(r -> r.compareTo(needed) >= 0).isEmpty()) {
      throw new PageException(
          403,
          "Staff only",
          "This page is for " + needed.name().toLowerCase(java.util.Locale.ROOT)
              + "s. Sign in with a staff account to use it.");
    }
  }
}
