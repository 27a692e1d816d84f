package pressroom.ingest;

import io.javalin.http.Context;
import java.util.function.Supplier;
import pressroom.accounts.Auth;
import pressroom.web.Chrome;
import pressroom.web.Csrf;
import pressroom.web.Templates;

/** How the sources pages are framed and sent: the editor's own frame, never cached. */
record StaffFrame(Templates templates, Supplier<Chrome> chrome, Csrf csrf) {
  /** The editor's own frame: their name, and the token every button on the page posts back. */
  Chrome chromeFor(Context ctx) {
    return chrome.get().as(Auth.viewer(ctx), csrf.token(ctx));
  }

  void render(Context ctx, int status, String template, Object model) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(templates.render(template, model));
  }
}
