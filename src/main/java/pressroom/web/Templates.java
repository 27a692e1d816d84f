package pressroom.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the precompiled jte templates (generated at build time from src/main/jte). */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders a template whose single parameter is {@code model}. */
  public String render(String template, Object model) {
    StringOutput out = new StringOutput(16 * 1024);
    engine.render(template, model, out);
    return out.toString();
  }
}
