package pressroom;

import io.javalin.config.JavalinConfig;
import java.util.List;
import pressroom.accounts.AccountApi;
import pressroom.accounts.AccountPages;
import pressroom.accounts.Auth;
import pressroom.accounts.ProfilePages;
import pressroom.accounts.RecoveryPages;
import pressroom.accounts.RegistrationPages;
import pressroom.accounts.SecurityPage;
import pressroom.accounts.SignInPages;
import pressroom.accounts.TwoFactorPages;
import pressroom.articles.ArticleApi;
import pressroom.articles.desk.ArticleEditor;
import pressroom.articles.desk.DeskPages;
import pressroom.bookmarks.BookmarkPages;
import pressroom.comments.CommentApi;
import pressroom.comments.CommentFeed;
import pressroom.comments.CommentPages;
import pressroom.comments.ModerationPages;
import pressroom.feeds.FeedsOut;
import pressroom.ingest.SourcesPage;
import pressroom.ingest.sources.FeedSource;
import pressroom.newsroom.AuditPages;
import pressroom.newsroom.Dashboard;
import pressroom.newsroom.SectionPages;
import pressroom.newsroom.WritePages;
import pressroom.pictures.PictureServing;
import pressroom.reader.ReaderPages;
import pressroom.search.SearchPages;
import pressroom.web.Access;
import pressroom.web.Access.Role;
import pressroom.web.Csrf;
import pressroom.web.ErrorPages;
import pressroom.web.FastPath;
import pressroom.web.SecurityHeaders;
import pressroom.web.StaticAssets;

/** Every route of the site on one screen. Tests boot the same configuration. */
public final class Routes {
  private Routes() {}

  /** Everything the routes hand requests to. */
  public record Handlers(
      ReaderPages reader,
      SourcesPage sources,
      RegistrationPages registration,
      SignInPages signIn,
      RecoveryPages recovery,
      ProfilePages profile,
      AccountPages accounts,
      AccountApi accountApi,
      CommentPages comments,
      ModerationPages moderation,
      CommentFeed commentFeed,
      CommentApi commentApi,
      BookmarkPages bookmarks,
      FeedsOut feeds,
      ArticleApi articleApi,
      SearchPages search,
      Auth auth,
      Csrf csrf,
      Operations ops,
      ErrorPages errors,
      FastPath fastPath,
      String baseUrl,
      Dashboard dashboard,
      AuditPages audit,
      TwoFactorPages twoFactor,
      SecurityPage security,
      SectionPages sectionPages,
      WritePages writePages,
      DeskPages desk,
      ArticleEditor editor,
      PictureServing pictures) {}

  /**
   * Registers /api/v1 routes and remembers them, so the OpenAPI document can be checked against
   * them.
   */
  private record Api(JavalinConfig config, List<String> seen) {
    void get(String path, io.javalin.http.Handler h, Role... roles) {
      seen.add("GET " + path);
      config.routes.get(path, h, roles);
    }

    void post(String path, io.javalin.http.Handler h, Role... roles) {
      seen.add("POST " + path);
      config.routes.post(path, h, roles);
    }

    void put(String path, io.javalin.http.Handler h) {
      seen.add("PUT " + path);
      config.routes.put(path, h);
    }

    void patch(String path, io.javalin.http.Handler h) {
      seen.add("PATCH " + path);
      config.routes.patch(path, h);
    }

    void delete(String path, io.javalin.http.Handler h) {
      seen.add("DELETE " + path);
      config.routes.delete(path, h);
    }
  }

  /**
   * @return every /api/v1 endpoint as "METHOD path"
   */
  public static List<String> configure(JavalinConfig config, Handlers h) {
    Api api = new Api(config, new java.util.ArrayList<>());
    // Cache hits are answered by Jetty in front of the servlet context (whose per-request set-up
    // was a tenth of a hit's cost); everything else comes here. Javalin puts its context inside a
    // wrapper it finds on the server.
    config.jetty.modifyServer(server -> server.setHandler(h.fastPath()));
    // Static files too, from memory (see StaticAssets for why not the framework's handler).
    StaticAssets assets = StaticAssets.fromClasspath("/public");
    config.jetty.modifyServletContextHandler(context -> context.insertHandler(assets));

    config.routes.before(SecurityHeaders::apply);
    config.routes.before(h.auth()::resolve);
    config.routes.before(ctx -> h.csrf().check(ctx, Auth.account(ctx).isPresent()));
    // Who may call a route is declared with the route below, and checked here, once.
    // Staff who must set up a second factor are sent to do so before the role check refuses them.
    config.routes.beforeMatched(h.twoFactor()::enrolFirst);
    config.routes.beforeMatched(Access::enforce);

    var reader = h.reader();
    config.routes.get("/", reader::home);
    config.routes.get("/sections/{slug}", reader::section);
    config.routes.get("/articles/{slug}", reader::article);
    config.routes.get("/authors/{slug}", reader::author);
    config.routes.get("/tags/{slug}", reader::tag);

    var registration = h.registration();
    config.routes.get("/register", registration::registerForm);
    config.routes.post("/register", registration::register);
    config.routes.get("/verify", registration::verify);
    config.routes.post("/verify", registration::confirm);
    config.routes.post("/verify/resend", registration::resendVerification);
    var signIn = h.signIn();
    config.routes.get("/signin", signIn::signInForm);
    config.routes.post("/signin", signIn::signIn);
    config.routes.post("/signout", signIn::signOut);
    config.routes.post("/signout/everywhere", signIn::signOutEverywhere);
    config.routes.get("/signin/code", signIn::codeForm);
    config.routes.post("/signin/code", signIn::code);
    var recovery = h.recovery();
    config.routes.get("/recover", recovery::recoverForm);
    config.routes.post("/recover", recovery::recover);
    config.routes.get("/reset", recovery::resetForm);
    config.routes.post("/reset", recovery::reset);
    var profile = h.profile();
    config.routes.get("/profile", profile::profile);
    config.routes.post("/profile", profile::saveProfile);
    config.routes.post("/profile/email", profile::changeEmail);
    config.routes.post("/profile/password", profile::changePassword);
    config.routes.get("/profile/export", profile::export);
    config.routes.post("/profile/delete", profile::delete);
    var twoFactor = h.twoFactor();
    config.routes.get("/profile/two-factor", twoFactor::page);
    config.routes.post("/profile/two-factor/enable", twoFactor::enable);
    config.routes.post("/profile/two-factor/recovery-codes", twoFactor::regenerateRecoveryCodes);
    config.routes.post("/profile/two-factor/disable", twoFactor::disable);
    var accounts = h.accounts();

    var accountApi = h.accountApi();
    api.get("/api/v1/csrf-token", accountApi::csrfToken);
    api.post("/api/v1/accounts", accountApi::register);
    api.post("/api/v1/accounts/verify", accountApi::verify);
    api.post("/api/v1/session", accountApi::signIn);
    api.delete("/api/v1/session", accountApi::signOut);
    api.post("/api/v1/recovery", accountApi::recover);
    api.post("/api/v1/recovery/reset", accountApi::reset);
    api.get("/api/v1/me", accountApi::me);

    var comments = h.comments();
    config.routes.post("/articles/{slug}/comments", comments::post);
    config.routes.get("/comments/{id}/reply", comments::replyForm);
    config.routes.post("/comments/{id}/report", comments::report);
    config.routes.get("/comments/{id}/edit", comments::editForm);
    config.routes.post("/comments/{id}/edit", comments::edit);
    config.routes.post("/comments/{id}/delete", comments::delete);
    config.routes.post("/comments/{id}/like", comments::like);
    config.routes.post("/staff/moderation/{id}/feature", h.moderation()::feature, Role.MODERATOR);
    config.routes.post(
        "/staff/moderation/{id}/suspend", h.moderation()::suspendAuthor, Role.MODERATOR);
    config.routes.post("/staff/moderation/bulk", h.moderation()::bulk, Role.MODERATOR);
    config.routes.post(
        "/staff/articles/{slug}/comments", h.moderation()::articleComments, Role.MODERATOR);
    config.routes.post(
        "/staff/sections/{slug}/comments", h.moderation()::sectionComments, Role.MODERATOR);
    config.routes.post("/comments/{id}/mute", comments::mute);
    config.routes.get("/articles/{slug}/comments.rss", h.commentFeed()::feed);
    config.routes.sse("/articles/{slug}/comments/live", comments::live);
    config.routes.get("/unsubscribe", comments::unsubscribeForm);
    config.routes.post("/unsubscribe", comments::unsubscribe);

    var feeds = h.feeds();
    for (String[] kind :
        new String[][] {
          {"home", ""},
          {"section", "/sections/{slug}"},
          {"author", "/authors/{slug}"},
          {"tag", "/tags/{slug}"}
        }) {
      config.routes.get(kind[1] + "/rss.xml", ctx -> feeds.rss(ctx, kind[0]));
      config.routes.get(kind[1] + "/atom.xml", ctx -> feeds.atom(ctx, kind[0]));
      config.routes.get(kind[1] + "/feed.json", ctx -> feeds.jsonFeed(ctx, kind[0]));
    }
    config.routes.get("/robots.txt", feeds::robots);
    // Pictures: stored renditions of articles' lead images (immutable addresses).
    config.routes.get("/pictures/{id}/{file}", h.pictures()::serve);
    config.routes.get("/sitemap.xml", feeds::sitemapIndex);
    config.routes.get("/sitemaps/pages.xml", feeds::sitemapPages);
    config.routes.get("/sitemaps/news.xml", feeds::sitemapNews);
    config.routes.get("/sitemaps/articles-{day}.xml", feeds::sitemapArticles);

    var bookmarks = h.bookmarks();
    config.routes.post("/articles/{slug}/bookmark", bookmarks::toggle);
    config.routes.get("/reading-list", bookmarks::list);
    config.routes.post("/reading-list/{articleId}/remove", bookmarks::removeFromList);
    api.get("/api/v1/bookmarks", bookmarks::apiList);
    api.put("/api/v1/bookmarks/{articleId}", bookmarks::apiPut);
    api.delete("/api/v1/bookmarks/{articleId}", bookmarks::apiDelete);

    var capi = h.commentApi();
    api.get("/api/v1/articles/{id}/comments", capi::list);
    api.post("/api/v1/articles/{id}/comments", capi::post);
    api.patch("/api/v1/comments/{id}", capi::edit);
    api.delete("/api/v1/comments/{id}", capi::delete);
    api.post("/api/v1/comments/{id}/like", capi::like);
    api.post("/api/v1/comments/{id}/report", capi::report);
    api.get("/api/v1/moderation/queue", capi::queue, Role.MODERATOR);
    api.post("/api/v1/moderation/comments/{id}/{action}", capi::moderate, Role.MODERATOR);
    config.routes.get("/staff", h.dashboard()::show, Role.MODERATOR);
    config.routes.get("/staff/moderation", h.moderation()::queue, Role.MODERATOR);
    config.routes.post("/staff/moderation/{id}/approve", h.moderation()::approve, Role.MODERATOR);
    config.routes.post("/staff/moderation/{id}/reject", h.moderation()::reject, Role.MODERATOR);

    var sources = h.sources();
    config.routes.get("/staff/sources", sources::list, Role.EDITOR);
    config.routes.get("/staff/sources/new", sources.forms()::newForm, Role.EDITOR);
    config.routes.post("/staff/sources/new", sources.forms()::add, Role.EDITOR);
    config.routes.get("/staff/sources/{id}/edit", sources.forms()::editForm, Role.EDITOR);
    config.routes.post("/staff/sources/{id}/edit", sources.forms()::edit, Role.EDITOR);
    config.routes.get("/staff/sources/{id}/remove", sources::confirmRemove, Role.EDITOR);
    config.routes.post("/staff/sources/{id}/remove", sources::remove, Role.EDITOR);
    config.routes.post("/staff/sources/{id}/fetch", sources::fetchNow, Role.EDITOR);
    config.routes.post(
        "/staff/sources/{id}/disable",
        ctx -> sources.setState(ctx, FeedSource.State.DISABLED),
        Role.EDITOR);
    config.routes.post(
        "/staff/sources/{id}/enable",
        ctx -> sources.setState(ctx, FeedSource.State.ACTIVE),
        Role.EDITOR);
    var sectionPages = h.sectionPages();
    config.routes.get("/staff/sections", sectionPages::list, Role.EDITOR);
    config.routes.post("/staff/sections", sectionPages::create, Role.EDITOR);
    config.routes.post("/staff/sections/{id}/edit", sectionPages::edit, Role.EDITOR);
    config.routes.post("/staff/sections/{id}/move", sectionPages::move, Role.EDITOR);
    config.routes.post("/staff/sections/{id}/comments-policy", sectionPages::comments, Role.EDITOR);
    // Before any /staff/articles/{id}: Javalin takes the first route that matches.
    config.routes.get("/staff/articles/new", h.writePages()::form, Role.EDITOR);
    config.routes.post("/staff/articles/new", h.writePages()::submit, Role.EDITOR);
    config.routes.get("/staff/articles", h.desk()::list, Role.EDITOR);
    config.routes.get("/staff/articles/{id}", h.editor()::show, Role.EDITOR);
    config.routes.post("/staff/articles/{id}", h.editor()::save, Role.EDITOR);
    config.routes.post("/staff/articles/{id}/corrections", h.editor()::correct, Role.EDITOR);
    config.routes.post("/staff/articles/{id}/withdraw", h.editor()::withdraw, Role.EDITOR);
    config.routes.post("/staff/articles/{id}/restore", h.editor()::restore, Role.EDITOR);
    config.routes.post("/staff/articles/{id}/publish", h.editor()::publish, Role.EDITOR);
    config.routes.post("/staff/articles/{id}/pin", h.editor()::pin, Role.EDITOR);
    config.routes.post("/staff/articles/{id}/unpin", h.editor()::unpin, Role.EDITOR);
    config.routes.get("/staff/articles/{id}/revisions", h.desk()::revisions, Role.EDITOR);
    config.routes.get("/staff/users", accounts::users, Role.ADMIN);
    config.routes.post("/staff/users/{id}/role", accounts::setRole, Role.ADMIN);
    config.routes.post("/staff/users/{id}/suspend", accounts::suspend, Role.ADMIN);
    config.routes.get("/staff/security", h.security()::show, Role.ADMIN);
    config.routes.post("/staff/security", h.security()::save, Role.ADMIN);

    config.routes.get("/staff/audit", h.audit()::page, Role.ADMIN);
    config.routes.get("/staff/audit.csv", h.audit()::csv, Role.ADMIN);

    config.routes.get("/healthz", h.ops()::health);
    config.routes.get("/metrics", h.ops()::metrics);

    config.routes.get("/search", h.search()::page);
    api.get("/api/v1/search", h.search()::api);
    api.get("/api/v1/articles", h.articleApi()::list);
    api.get("/api/v1/articles/{id}", h.articleApi()::one);
    config.routes.get(
        "/api/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));

    h.errors().register(config);
    return List.copyOf(api.seen());
  }

  private static final byte[] OPENAPI = openApi();

  private static byte[] openApi() {
    try (var in = Routes.class.getResourceAsStream("/api/openapi.json")) {
      return in.readAllBytes();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("the OpenAPI document is missing from the jar", e);
    }
  }
}
