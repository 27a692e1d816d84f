package pressroom.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import pressroom.accounts.AccountApi;
import pressroom.accounts.AccountPages;
import pressroom.accounts.Auth;
import pressroom.articles.ReaderPages;
import pressroom.bookmarks.BookmarkPages;
import pressroom.comments.CommentApi;
import pressroom.feeds.FeedsOut;
import pressroom.comments.CommentPages;
import pressroom.ingest.FeedSource;
import pressroom.ingest.SourcesPage;

/** Every route of the site on one screen. Tests boot the same configuration. */
public final class Routes {
  private Routes() {}

  /** Everything the routes hand requests to. */
  public record Handlers(
      ReaderPages reader,
      SourcesPage sources,
      AccountPages accounts,
      AccountApi accountApi,
      CommentPages comments,
      CommentApi commentApi,
      BookmarkPages bookmarks,
      FeedsOut feeds,
      Auth auth,
      Csrf csrf,
      Operations ops,
      ErrorPages errors,
      FastPath fastPath,
      String baseUrl) {}

  public static void configure(JavalinConfig config, Handlers h) {
    // Cache hits are answered by Jetty before the servlet; everything else comes here.
    config.jetty.modifyServletContextHandler(context -> context.insertHandler(h.fastPath()));
    config.staticFiles.add(
        sf -> {
          sf.hostedPath = "/static";
          sf.directory = "/public";
          sf.location = Location.CLASSPATH;
          sf.headers = Map.of("Cache-Control", "public, max-age=86400");
        });

    config.routes.before(SecurityHeaders::apply);
    config.routes.before(h.auth()::resolve);
    config.routes.before(h.csrf()::check);

    var reader = h.reader();
    config.routes.get("/", reader::home);
    config.routes.get("/sections/{slug}", reader::section);
    config.routes.get("/articles/{slug}", reader::article);
    config.routes.get("/authors/{slug}", reader::author);
    config.routes.get("/tags/{slug}", reader::tag);

    var accounts = h.accounts();
    config.routes.get("/register", accounts::registerForm);
    config.routes.post("/register", accounts::register);
    config.routes.get("/verify", accounts::verify);
    config.routes.post("/verify/resend", accounts::resendVerification);
    config.routes.get("/signin", accounts::signInForm);
    config.routes.post("/signin", accounts::signIn);
    config.routes.post("/signout", accounts::signOut);
    config.routes.post("/signout/everywhere", accounts::signOutEverywhere);
    config.routes.get("/recover", accounts::recoverForm);
    config.routes.post("/recover", accounts::recover);
    config.routes.get("/reset", accounts::resetForm);
    config.routes.post("/reset", accounts::reset);
    config.routes.get("/profile", accounts::profile);
    config.routes.post("/profile", accounts::saveProfile);
    config.routes.post("/profile/email", accounts::changeEmail);
    config.routes.post("/profile/password", accounts::changePassword);
    config.routes.get("/profile/export", accounts::export);
    config.routes.post("/profile/delete", accounts::delete);

    var api = h.accountApi();
    config.routes.get("/api/v1/csrf-token", api::csrfToken);
    config.routes.post("/api/v1/accounts", api::register);
    config.routes.post("/api/v1/accounts/verify", api::verify);
    config.routes.post("/api/v1/session", api::signIn);
    config.routes.delete("/api/v1/session", api::signOut);
    config.routes.post("/api/v1/recovery", api::recover);
    config.routes.post("/api/v1/recovery/reset", api::reset);
    config.routes.get("/api/v1/me", api::me);

    var comments = h.comments();
    config.routes.post("/articles/{slug}/comments", comments::post);
    config.routes.get("/comments/{id}/reply", comments::replyForm);
    config.routes.post("/comments/{id}/report", comments::report);
    config.routes.get("/comments/{id}/edit", comments::editForm);
    config.routes.post("/comments/{id}/edit", comments::edit);
    config.routes.post("/comments/{id}/delete", comments::delete);
    config.routes.post("/comments/{id}/like", comments::like);
    config.routes.post("/staff/moderation/{id}/feature", comments::feature);
    config.routes.post("/staff/moderation/{id}/suspend", comments::suspendAuthor);
    config.routes.post("/staff/moderation/bulk", comments::bulk);
    config.routes.post("/staff/articles/{slug}/comments", comments::articleComments);
    config.routes.post("/staff/sections/{slug}/comments", comments::sectionComments);
    config.routes.post("/comments/{id}/mute", comments::mute);
    config.routes.get("/articles/{slug}/comments.rss", ctx -> comments.feed(ctx, h.baseUrl()));
    config.routes.sse("/articles/{slug}/comments/live", comments::live);
    config.routes.get("/unsubscribe", comments::unsubscribeForm);
    config.routes.post("/unsubscribe", comments::unsubscribe);

    var feeds = h.feeds();
    for (String[] kind : new String[][] {{"home", ""}, {"section", "/sections/{slug}"}, {"author", "/authors/{slug}"}, {"tag", "/tags/{slug}"}}) {
      config.routes.get(kind[1] + "/rss.xml", ctx -> feeds.rss(ctx, kind[0]));
      config.routes.get(kind[1] + "/atom.xml", ctx -> feeds.atom(ctx, kind[0]));
      config.routes.get(kind[1] + "/feed.json", ctx -> feeds.jsonFeed(ctx, kind[0]));
    }
    config.routes.get("/robots.txt", feeds::robots);
    config.routes.get("/sitemap.xml", feeds::sitemapIndex);
    config.routes.get("/sitemaps/pages.xml", feeds::sitemapPages);
    config.routes.get("/sitemaps/news.xml", feeds::sitemapNews);
    config.routes.get("/sitemaps/articles-{n}.xml", feeds::sitemapArticles);

    var bookmarks = h.bookmarks();
    config.routes.post("/articles/{slug}/bookmark", bookmarks::toggle);
    config.routes.get("/reading-list", bookmarks::list);
    config.routes.post("/reading-list/{articleId}/remove", bookmarks::removeFromList);
    config.routes.get("/api/v1/bookmarks", bookmarks::apiList);
    config.routes.put("/api/v1/bookmarks/{articleId}", bookmarks::apiPut);
    config.routes.delete("/api/v1/bookmarks/{articleId}", bookmarks::apiDelete);

    var capi = h.commentApi();
    config.routes.get("/api/v1/articles/{id}/comments", capi::list);
    config.routes.post("/api/v1/articles/{id}/comments", capi::post);
    config.routes.patch("/api/v1/comments/{id}", capi::edit);
    config.routes.delete("/api/v1/comments/{id}", capi::delete);
    config.routes.post("/api/v1/comments/{id}/like", capi::like);
    config.routes.post("/api/v1/comments/{id}/report", capi::report);
    config.routes.get("/api/v1/moderation/queue", capi::queue);
    config.routes.post("/api/v1/moderation/comments/{id}/{action}", capi::moderate);
    config.routes.get("/staff/moderation", comments::queue);
    config.routes.post("/staff/moderation/{id}/approve", comments::approve);
    config.routes.post("/staff/moderation/{id}/reject", comments::reject);

    var sources = h.sources();
    config.routes.get("/staff/sources", sources::list);
    config.routes.post("/staff/sources/{id}/fetch", sources::fetchNow);
    config.routes.post("/staff/sources/{id}/disable", ctx -> sources.setState(ctx, FeedSource.State.DISABLED));
    config.routes.post("/staff/sources/{id}/enable", ctx -> sources.setState(ctx, FeedSource.State.ACTIVE));
    config.routes.get("/staff/users", accounts::users);
    config.routes.post("/staff/users/{id}/role", accounts::setRole);
    config.routes.post("/staff/users/{id}/suspend", accounts::suspend);

    config.routes.get("/healthz", h.ops()::health);
    config.routes.get("/metrics", h.ops()::metrics);

    h.errors().register(config);
  }
}
