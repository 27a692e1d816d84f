package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Markdown the staff write, as readers get it: rendered, headings under the headline, safe. */
class MarkdownBodyTest {
  static final String SITE = "https://news.example.org";

  /** Markdown typed → the HTML readers get. */
  static final Map<String, String> CASES =
      Map.ofEntries(
          Map.entry(
              "One *two* **three**.\n\nFour.",
              "<p>One <em>two</em> <strong>three</strong>.</p>\n<p>Four.</p>"),
          // The page's headline is the h1: "#" is a subheading like "##".
          Map.entry("# Top", "<h2>Top</h2>"),
          Map.entry("## Sub", "<h2>Sub</h2>"),
          Map.entry("### Less", "<h3>Less</h3>"),
          Map.entry("###### Deep", "<h4>Deep</h4>"),
          Map.entry("<script>alert(1)</script>\n\nText", "<p>Text</p>"),
          Map.entry(
              "<img src=\"https://img.example/a.png\" onerror=\"alert(1)\">",
              "<img src=\"https://img.example/a.png\" loading=\"lazy\" alt=\"\">"),
          Map.entry("[trap](javascript:alert(1))", "<p>trap</p>"),
          Map.entry(
              "[World](/sections/world)",
              "<p><a href=\"https://news.example.org/sections/world\" rel=\"noopener\">World</a></p>"),
          Map.entry(
              "> Said.\n\n- a\n- b",
              "<blockquote>\n<p>Said.</p>\n</blockquote>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>"));

  @Test
  void rendersSafeHtml() {
    CASES.forEach(
        (markdown, html) ->
            assertThat(MarkdownBody.toHtml(markdown, SITE).strip()).as(markdown).isEqualTo(html));
  }
}
