package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After sign-in a reader goes back to a page of this site, never to another site. */
class SafeReturnTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "/\t/evil.example/", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example",
            "//evil.example",
        "/\\evil.example", "\\\\evil.example", " //evil.example", "/ /evil.example",
            "https://evil.example/",
        "javascript:alert(1)", "evil.example", "/\u0000/evil.example", "/\u00a0/evil.example",
            "/\u2028/x",
        "/\u202e/x", "/\u200b/evil.example", "", "///evil.example", "/\u007f/evil.example"
      })
  void anythingABrowserCouldReadAsAnotherSiteGoesHome(String hostile) {
    assertThat(SignInPages.safeReturn(hostile)).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/articles/harbour-reopens",
        "/articles/x#comments",
        "/search?q=port+cranes&page=2",
        "/reading-list"
      })
  void pathsOnThisSiteAreKept(String path) {
    assertThat(SignInPages.safeReturn(path)).isEqualTo(path);
  }

  @Test
  void textOutsideAsciiIsKeptPercentEncoded() {
    assertThat(SignInPages.safeReturn("/tags/café")).isEqualTo("/tags/caf%C3%A9");
  }

  /**
   * Random strings from characters that matter to URL parsers: the answer is always a local path.
   */
  @Test
  void noRandomInputLeavesTheSite() {
    String alphabet = "/\\\t\n\r :.@?#%09aZ\u0000\u001f\u007f\u00a0\u2028\u202e\u3002é-_~";
    Random random = new Random(20261206);
    for (int i = 0; i < 100_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String answer = SignInPages.safeReturn(s.toString());
      String seen = asABrowserReadsIt(answer);
      assertThat(seen).as("for %s", s).startsWith("/").doesNotStartWith("//");
      URI uri = URI.create("https://news.example.org").resolve(seen);
      assertThat(uri.getHost()).as("for %s", s).isEqualTo("news.example.org");
    }
  }

  /** What the WHATWG URL parser does before it reads a relative reference. */
  private static String asABrowserReadsIt(String location) {
    String s = location.replaceAll("[\t\n\r]", "").replace('\\', '/');
    return s.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
  }
}
