package pressroom.web;

import io.javalin.http.Context;
import java.util.Optional;

/** Who may do what: the signed-in visitor's role, set on each request by the session filter. */
public final class Access {
  /** Roles in increasing order of trust. */
  public enum Role {
    READER,
    MODERATOR,
    EDITOR,
    ADMIN
  }

  private Access() {}

  /** The request attribute holding the signed-in visitor's role. */
  public static final String ROLE = "pressroom.role";

  /** The signed-in visitor's role; empty for an anonymous visitor. */
  public static Optional<Role> role(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ROLE));
  }

  /** Stops the request with a 403 page unless the visitor has at least {@code needed}. */
  public static void require(Context ctx, Role needed) {
    if (role(ctx).isEmpty()) {
      throw new PageException(
          403,
          "Staff only",
          "This page is for staff. Sign in with a staff account to use it.");
    }
    if (role(ctx).filter(r -> r.compareTo(needed) >= 0).isEmpty()) {
      throw new PageException(
          403,
          "Staff only",
          "This page is for " + needed.name().toLowerCase(java.util.Locale.ROOT)
              + "s. Sign in with a staff account to use it.");
    }
  }
}
