package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.TestApp;
import pressroom.web.Access.Role;

/**
 * Roles are declared on the routes and checked once, before the handler (issue 13). Every staff
 * route answers 403 to anyone below its role, and lets its role in.
 */
class RouteRolesTest {
  static final String PASSWORD = "a quiet editing room";

  record Route(String method, String path, Role needs) {}

  static final List<Route> STAFF =
      List.of(
          new Route("GET", "/staff/moderation", Role.MODERATOR),
          new Route("POST", "/staff/moderation/no-such-comment/approve", Role.MODERATOR),
          new Route("POST", "/staff/moderation/no-such-comment/reject", Role.MODERATOR),
          new Route("POST", "/staff/moderation/no-such-comment/feature", Role.MODERATOR),
          new Route("POST", "/staff/moderation/no-such-comment/suspend", Role.MODERATOR),
          new Route("POST", "/staff/moderation/bulk", Role.MODERATOR),
          new Route("POST", "/staff/articles/no-such-article/comments", Role.MODERATOR),
          new Route("POST", "/staff/sections/no-such-section/comments", Role.MODERATOR),
          new Route("GET", "/api/v1/moderation/queue", Role.MODERATOR),
          new Route("GET", "/staff/sources", Role.EDITOR),
          new Route("POST", "/staff/sources/no-such-source/fetch", Role.EDITOR),
          new Route("POST", "/staff/sources/no-such-source/disable", Role.EDITOR),
          new Route("POST", "/staff/sources/no-such-source/enable", Role.EDITOR),
          new Route("GET", "/staff/sources/new", Role.EDITOR),
          new Route("POST", "/staff/sources/new", Role.EDITOR),
          new Route("GET", "/staff/sources/no-such-source/edit", Role.EDITOR),
          new Route("POST", "/staff/sources/no-such-source/edit", Role.EDITOR),
          new Route("GET", "/staff/sources/no-such-source/remove", Role.EDITOR),
          new Route("POST", "/staff/sources/no-such-source/remove", Role.EDITOR),
          new Route("GET", "/staff/sections", Role.EDITOR),
          new Route("POST", "/staff/sections", Role.EDITOR),
          new Route("POST", "/staff/sections/no-such-section/edit", Role.EDITOR),
          new Route("POST", "/staff/sections/no-such-section/move", Role.EDITOR),
          new Route("POST", "/staff/sections/no-such-section/comments-policy", Role.EDITOR),
          new Route("GET", "/staff/articles/new", Role.EDITOR),
          new Route("POST", "/staff/articles/new", Role.EDITOR),
          new Route("POST", "/staff/articles/no-such-article/publish", Role.EDITOR),
          new Route("GET", "/staff/users", Role.ADMIN),
          new Route("GET", "/staff/security", Role.ADMIN),
          new Route("POST", "/staff/security", Role.ADMIN),
          new Route("POST", "/staff/users/no-such-account/role", Role.ADMIN),
          new Route("POST", "/staff/users/no-such-account/suspend", Role.ADMIN));

  @Test
  void everyStaffRouteRefusesAnyoneBelowItsRoleAndAdmitsItsRole() {
    try (TestApp site = TestApp.start(TestApp.Db.SQLITE, false)) {
      Fixtures.load(site.app());
      Map<Role, TestApp.Visitor> visitors = new java.util.EnumMap<>(Role.class);
      for (Role r : Role.values()) {
        String id = "as" + r.name().toLowerCase(java.util.Locale.ROOT);
        visitors.put(r, site.signedInNewAccount(id, PASSWORD, r));
      }
      TestApp.Visitor anonymous = site.newVisitor();
      for (Route route : STAFF) {
        assertThat(call(anonymous, route))
            .as("anonymous %s %s", route.method(), route.path())
            .isEqualTo(403);
        for (Role r : Role.values()) {
          int status = call(visitors.get(r), route);
          if (r.compareTo(route.needs()) < 0) {
            assertThat(status).as("%s on %s %s", r, route.method(), route.path()).isEqualTo(403);
          } else {
            assertThat(status).as("%s on %s %s", r, route.method(), route.path()).isNotEqualTo(403);
          }
        }
      }
    }
  }

  private static int call(TestApp.Visitor v, Route route) {
    return route.method().equals("GET")
        ? v.get(route.path()).statusCode()
        : v.post(route.path(), Map.of("days", "1", "role", "reader", "action", "approve"))
            .statusCode();
  }
}
