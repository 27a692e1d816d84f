package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.testing.Fixtures;
import pressroom.testing.HtmlChecker;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;

/** Every kind of page the site serves passes the Nu Html Checker. */
// Indexed, so the search pages below show results and filters.
@RunningSite(indexed = true)
class ValidHtmlTest {
  TestApp site;
  Fixtures f;
  HtmlChecker checker;

  @BeforeAll
  void start() throws Exception {
    checker = new HtmlChecker();
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    List<String> paths =
        List.of(
            "/",
            "/sections/syndicated-news",
            "/articles/" + f.wire.slug(),
            "/articles/" + f.noindex.slug(),
            "/articles/" + f.arabic.slug(),
            "/authors/jane-roe",
            "/tags/ports",
            "/no-such-page",
            "/register",
            "/signin",
            "/recover",
            "/sections/world?page=x",
            "/search?q=summary",
            "/search?q=summary&section=world&within=year&from=2020-01-01",
            "/search?q=zeppelin",
            "/search?q=x&from=never");
    for (String path : paths) {
      HttpResponse<String> r = site.get(path);
      assertThat(checker.errors(r.body())).as("HTML errors in " + path).isEmpty();
    }
  }

  @Test
  void theCheckerCatchesInvalidPages() throws Exception {
    assertThat(checker.errors("<!DOCTYPE html><html lang=en><title>x</title><p><div></p>"))
        .isNotEmpty();
  }
}
