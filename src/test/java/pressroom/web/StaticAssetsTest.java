package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pressroom.testing.TestApp;

/** The site's static files: every one served, with its type, gzip, a validator and 304s. */
class StaticAssetsTest {
  private static TestApp site;

  @BeforeAll
  static void start() {
    site = TestApp.start(TestApp.Db.SQLITE, false);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void everyFileInThePublicFolderIsListedAndServedAsItIs() throws IOException {
    Path folder = Path.of("src/main/resources/public");
    List<String> onDisk;
    try (Stream<Path> files = Files.list(folder)) {
      onDisk = files.map(p -> p.getFileName().toString()).toList();
    }
    assertThat(StaticAssets.FILES).containsExactlyInAnyOrderElementsOf(onDisk);
    for (String name : onDisk) {
      HttpResponse<byte[]> r = site.getBytes("/static/" + name);
      assertThat(r.statusCode()).as(name).isEqualTo(200);
      assertThat(r.body()).as(name).isEqualTo(Files.readAllBytes(folder.resolve(name)));
      assertThat(r.headers().firstValue("Content-Type"))
          .as(name)
          .hasValue(StaticAssets.contentType(name));
      assertThat(r.headers().firstValue("Cache-Control"))
          .as(name)
          .hasValue("public, max-age=86400");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
      assertThat(r.headers().firstValue("Content-Encoding")).as(name).isEmpty();
    }
  }

  @Test
  void textIsGzippedForBrowsersThatAskAndPicturesAreNot() throws IOException {
    HttpResponse<byte[]> css =
        site.getBytes("/static/site.css", "Accept-Encoding", "gzip, deflate, br");
    assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(css.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    byte[] plain = Files.readAllBytes(Path.of("src/main/resources/public/site.css"));
    assertThat(css.body().length).isLessThan(plain.length / 2);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(css.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
    HttpResponse<byte[]> png = site.getBytes("/static/og-default.png", "Accept-Encoding", "gzip");
    assertThat(png.headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void aBrowserWithTheFileAlreadyGetsANotModified() {
    HttpResponse<byte[]> first = site.getBytes("/static/site.js");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(site.getBytes("/static/site.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(site.getBytes("/static/site.js", "If-None-Match", "\"other\", " + etag).statusCode())
        .isEqualTo(304);
    assertThat(site.getBytes("/static/site.js", "If-None-Match", "\"other\"").statusCode())
        .isEqualTo(200);
    assertThat(site.getBytes("/static/site.css").headers().firstValue("ETag"))
        .isNotEqualTo(first.headers().firstValue("ETag"));
  }

  /** Pages link to a file by its version: that address is kept a year, a stale one not at all. */
  @Test
  void pagesNameEachFilesVersionWhichBrowsersKeepForAYear() {
    String home = site.get("/").body();
    String css = StaticAssets.href("site.css");
    String js = StaticAssets.href("site.js");
    assertThat(home).contains("href=\"" + css + "\"", "src=\"" + js + "\"");
    assertThat(css).matches("/static/site\\.css\\?v=[0-9a-f]{12}");
    assertThat(site.getBytes(css).headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(
            site.getBytes("/static/site.css?v=000000000000").headers().firstValue("Cache-Control"))
        .hasValue("no-cache");
    assertThat(site.getBytes("/static/site.css").headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=86400");
  }

  @Test
  void headAnswersHeadersOnlyAndUnknownFilesAndOtherMethodsGetTheSitesPages() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> head =
        http.send(
            HttpRequest.newBuilder(URI.create(site.url("/static/site.css")))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow())
        .isEqualTo(Files.size(Path.of("src/main/resources/public/site.css")));

    HttpResponse<String> missing = site.get("/static/nothing.css");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("<html");

    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create(site.url("/static/site.css")))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isBetween(400, 499);
  }
}
