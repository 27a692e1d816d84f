package pressroom.accounts;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Head;
import pressroom.web.Templates;

/**
 * What the account pages share: the form and notice page models, and how they render, answer "too
 * many attempts" and read a form field.
 */
public final class AccountViews {
  private final Templates templates;
  private final Supplier<Chrome> chrome;
  private final Csrf csrf;

  public AccountViews(Templates templates, Supplier<Chrome> chrome, Csrf csrf) {
    this.templates = templates;
    this.chrome = chrome;
    this.csrf = csrf;
  }

  /** Page models, one per template. */
  public record Form(
      Chrome chrome,
      Head head,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    public String error(String name) {
      return errors.get(name);
    }

    /** The page to come back to, ready to follow "?return=" in a link to another account form. */
    public String returnQuery() {
      return java.net.URLEncoder.encode(value("return"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code name} is the first field with a problem (errors come in the form's order), the
     * one that gets the focus; "form" is a problem of the whole form, not a field.
     */
    public boolean focus(String name) {
      return errors.keySet().stream()
          .filter(k -> !k.equals("form"))
          .findFirst()
          .map(name::equals)
          .orElse(false);
    }
  }

  public record Notice(
      Chrome chrome, Head head, String title, String message, String link, String linkText) {}

  Form form(
      Context ctx,
      String title,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    Chrome c = chromeFor(ctx);
    return new Form(c, Head.simple(title + " — " + c.siteName(), title), values, errors, notice);
  }

  void notice(Context ctx, int status, String title, String message, String link, String linkText) {
    Chrome c = chromeFor(ctx);
    render(
        ctx,
        status,
        "accounts/notice.jte",
        new Notice(
            c, Head.simple(title + " — " + c.siteName(), message), title, message, link, linkText));
  }

  void tooMany(Context ctx, Throttled wait) {
    long minutes = wait.minutes();
    ctx.header("Retry-After", Long.toString(wait.seconds()));
    notice(
        ctx,
        429,
        "Too many attempts",
        "There were too many attempts from here. For your safety, wait "
            + minutes
            + (minutes == 1 ? " minute" : " minutes")
            + " and try again.",
        "/",
        "Go to the front page");
  }

  Chrome chromeFor(Context ctx) {
    return chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
  }

  void render(Context ctx, int status, String template, Object model) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(templates.render(template, model));
  }

  static String param(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }
}
