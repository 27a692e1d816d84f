package pressroom.mail;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders a mail from two precompiled templates of the same name: the HTML part from src/main/jte
 * (every value HTML-escaped) and the plain-text part from src/main/jte-plain (values as they are).
 */
public final class MailTemplates {
  private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);
  private final TemplateEngine text =
      TemplateEngine.createPrecompiled(null, ContentType.Plain, null, "gg.jte.generated.plain");

  /**
   * @param template e.g. {@code accounts/mail/verify.jte}, present in both template folders
   * @param params the templates' parameters by name
   */
  public Mail render(String to, String subject, String template, Map<String, Object> params) {
    return new Mail(to, subject, render(text, template, params), render(html, template, params));
  }

  private static String render(TemplateEngine engine, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(2048);
    engine.render(template, params, out);
    return out.toString();
  }
}
