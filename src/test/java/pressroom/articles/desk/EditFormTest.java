package pressroom.articles.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EditFormTest {
  static final Set<String> SECTIONS = Set.of("world", "syndicated-news");

  EditForm form(String headline, String summary, String body, String tags, String section) {
    return new EditForm(headline, summary, body, tags, section);
  }

  @Test
  void aCompleteFormHasNoProblems() {
    EditForm f = form(" Headline ", "", "<p>Body.</p>", "Ports, Labour, ports , , Labour", "world");
    assertThat(f.problems(SECTIONS, null)).isEmpty();
    assertThat(f.headline()).isEqualTo("Headline");
    assertThat(f.tagNames()).containsExactly("Ports", "Labour", "ports");
  }

  @Test
  void eachProblemIsFiledUnderItsFieldAndNamesIt() {
    var p =
        form("", "s".repeat(2_001), "<script>x()</script>", "t".repeat(81), "nowhere")
            .problems(SECTIONS, null);
    assertThat(p).containsOnlyKeys("headline", "summary", "body", "tags", "section");
    assertThat(p.get("headline")).startsWith("Headline");
    assertThat(p.get("summary")).startsWith("Summary");
    assertThat(p.get("body")).startsWith("Body");
    assertThat(p.get("tags")).startsWith("Tags");
    assertThat(p.get("section")).startsWith("Section");
    assertThat(form("h".repeat(301), "", "<p>x</p>", "", "world").problems(SECTIONS, null))
        .containsOnlyKeys("headline");
  }

  @Test
  void theBodyIsSanitizedAndTextCleanedOfWhatNoTextShouldHold() {
    EditForm f =
        form("Head\u202Eline", "", "<p onclick=\"x()\">Text</p><script>x()</script>", "", "world");
    assertThat(f.headline()).isEqualTo("Headline");
    assertThat(f.cleanBody(null)).contains("Text").doesNotContain("onclick", "script");
  }
}
