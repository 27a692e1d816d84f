package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodySanitizerTest {
  @Test
  void keepsTheSafeSubsetAndTypography() {
    String html =
        "<p>“Quoted” — it’s <em>fine</em> in Şanlıurfa…</p><blockquote><p>Said.</p></blockquote>"
            + "<ul><li>one</li></ul><h2>Sub</h2>";
    assertThat(BodySanitizer.clean(html, null)).isEqualTo(html);
  }

  @Test
  void dropsScriptsStylesFramesHandlersAndDangerousLinks() {
    String html =
        "<p onclick=\"x()\" style=\"color:red\">Hi<script>alert(1)</script></p>"
            + "<iframe src=\"https://evil.example\"></iframe><style>p{}</style>"
            + "<a href=\"javascript:alert(1)\">bad</a><a href=\"https://ok.example/\">ok</a>"
            + "<img src=\"https://t.example/p.gif\" width=\"1\" height=\"1\">";
    String clean = BodySanitizer.clean(html, null);
    assertThat(clean)
        .doesNotContain("script", "onclick", "style", "iframe", "javascript", "p.gif")
        .contains("<p>Hi</p>")
        .contains("</p>bad<a href")
        .contains("<a href=\"https://ok.example/\" rel=\"noopener\">ok</a>");
  }

  @Test
  void makesRelativeLinksAbsoluteAgainstTheItem() {
    String clean =
        BodySanitizer.clean(
            "<p><a href=\"/more\">more</a><img src=\"img/a.jpg\" alt=\"A\"></p>",
            "https://wire.example/2026/story.html");
    assertThat(clean)
        .contains("href=\"https://wire.example/more\"")
        .contains("src=\"https://wire.example/2026/img/a.jpg\"");
  }
}
