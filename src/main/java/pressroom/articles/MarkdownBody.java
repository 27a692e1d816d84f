package pressroom.articles;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * An article body the staff wrote in Markdown, as the HTML readers get: CommonMark, then {@link
 * BodySanitizer} (raw HTML typed in is cleaned like a partner's, so no script survives). Pure.
 */
public final class MarkdownBody {
  /** The article page's headline is the h1: "#" and "##" both give the body's top level, h2. */
  private static final int TOP_HEADING = 2;

  private static final int BOTTOM_HEADING = 4;
  private static final Parser PARSER = Parser.builder().build();
  // No URL sanitizing here: the renderer would turn "javascript:" into an empty link (the home
  // page, once resolved); BodySanitizer drops any link that is not http(s), keeping its text.
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().softbreak("\n").build();

  private MarkdownBody() {}

  /**
   * @param baseUrl the site's address, against which relative links ("/sections/world") resolve
   */
  public static String toHtml(String markdown, String baseUrl) {
    Node doc = PARSER.parse(markdown);
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            heading.setLevel(Math.max(TOP_HEADING, Math.min(BOTTOM_HEADING, heading.getLevel())));
            visitChildren(heading);
          }
        });
    return BodySanitizer.clean(RENDERER.render(doc), baseUrl);
  }
}
