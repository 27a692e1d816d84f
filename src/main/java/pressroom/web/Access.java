package pressroom.web;

import io.javalin.http.Context;
import java.util.Optional;

/** Who may do what: the signed-in visitor's role, set on each request by the session filter. */
public final class Access {
  /** Roles in increasing order of trust. */
  /** Staff roles, lowest first; a route declares the lowest that may use it (Routes). */
  public enum Role implements io.javalin.security.RouteRole {
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
          403, "Staff only", "This page is for staff. Sign in with a staff account to use it.");
    }
    if (role(ctx).filter(r -> r.compareTo(needed) >= 0).isEmpty()) {
      throw new PageException(
          403,
          "Staff only",
          "This page is for "
              + needed.name().toLowerCase(java.util.Locale.ROOT)
              + "s. Sign in with a staff account to use it.");
    }
  }

  /**
   * Whether someone of role {@code actor} may suspend, ban or change the role of an account of role
   * {@code target}: only of a lower one, so a moderator cannot silence an editor and no admin can
   * lock out another (the command line, run by the operator, can).
   */
  public static boolean outranks(Role actor, Role target) {
    return actor.compareTo(target) > 0;
  }

  /** What a staff member is told when {@link #outranks} says no. */
  public static final String OUTRANK_RULE =
      "Staff can suspend, ban or change the role only of accounts of a lower role than their own.";

  /** Stops the request with a 403 page unless the signed-in visitor outranks {@code target}. */
  public static void requireOutranks(Context ctx, Role target) {
    if (role(ctx).filter(r -> outranks(r, target)).isEmpty()) {
      throw new PageException(403, "Not allowed", OUTRANK_RULE);
    }
  }

  /**
   * The one check of who may call a route: a route declared with roles (in Routes) needs at least
   * the lowest of them. Runs before every matched route, after the visitor is known.
   */
  public static void enforce(Context ctx) {
    Optional<Role> needed =
        ctx.routeRoles().stream()
            .filter(Role.class::isInstance)
            .map(Role.class::cast)
            .min(java.util.Comparator.naturalOrder());
    if (needed.isPresent()) {
      require(ctx, needed.get());
    } else if (STAFF_PATHS.matcher(ctx.endpoint().path).lookingAt()) {
      // Fail closed: a staff route someone forgot to declare a role for is nobody's.
      throw new PageException(403, "Staff only", "This page is for staff.");
    }
  }

  /** Paths that are staff-only by their name; a route there must declare its role. */
  private static final java.util.regex.Pattern STAFF_PATHS =
      java.util.regex.Pattern.compile("/staff/|/staff$|/api/v1/moderation/");
}
