package pressroom.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pressroom.articles.Picture;
import pressroom.ingest.sources.FeedSource;
import pressroom.testing.FakePublisher;
import pressroom.testing.FakePublisher.Response;
import pressroom.testing.RunningSite;
import pressroom.testing.TestApp;
import pressroom.testing.TestFeeds;

/**
 * A partner's lead image is fetched, resized and served by the site itself at several widths; what
 * is not a picture we serve is refused without breaking ingest; a picture goes with its article.
 * One subclass per database.
 */
@RunningSite(
    settings = {"PRESSROOM_INGEST_ALLOW_PRIVATE=true", "PRESSROOM_INGEST_CHECK_SECONDS=3600"})
abstract class PicturesContract implements RunningSite.OnDatabase {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  TestApp site;
  FakePublisher partner;
  int counter;

  @BeforeAll
  void section() {
    site.app().sections().createSection("syndicated-news", "Syndicated News", "", 0);
  }

  @BeforeEach
  void partner() {
    partner = FakePublisher.start();
  }

  @AfterEach
  void closePartner() {
    partner.close();
  }

  // ---- the partner's side

  /** A real picture: a gradient with a disc, {@code w} × {@code h}. */
  static byte[] image(int w, int h, String format) {
    BufferedImage img =
        new BufferedImage(
            w, h, format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x2b3a67), 0, h, new Color(0xf2b48c)));
    g.fillRect(0, 0, w, h);
    g.setColor(new Color(0xfde3b0));
    g.fillOval(w / 3, h / 4, w / 4, w / 4);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A valid 1 × 1 PNG whose header claims {@code w} × {@code h}: a decompression bomb's start. */
  static byte[] claimingSize(int w, int h) {
    byte[] png = image(1, 1, "png");
    // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC (4).
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(w).putInt(h);
    CRC32 crc = new CRC32();
    crc.update(png, 12, 17);
    java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
    return png;
  }

  static String feed(String guid, String title, String body, Instant published, String imageUrl) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
        <channel><title>Picture Wire</title><link>https://wire.example/</link>
        <description>Stories</description><language>en</language>
        <item><title>%s</title><link>https://wire.example/stories/%s</link>
        <guid isPermaLink="false">%s</guid><pubDate>%s</pubDate>
        <description>%s</description>
        <media:content url="%s" medium="image">
          <media:description>Cranes over the harbour at dusk.</media:description>
          <media:credit>Photo: Ines Duarte</media:credit>
        </media:content>
        </item></channel></rss>
        """
        .formatted(
            title,
            guid,
            guid,
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                published.atOffset(java.time.ZoneOffset.UTC)),
            body,
            imageUrl);
  }

  FeedSource add(String path, int expireDays) {
    String id =
        site.app()
            .sources()
            .add(
                TestFeeds.partner(
                    "Picture Wire " + (++counter), partner.url(path).toString(), expireDays));
    return site.app().sources().find(id).orElseThrow();
  }

  void ingest(FeedSource s) {
    site.app().poller().runNow(site.app().sources().find(s.id()).orElseThrow());
  }

  /** Publishes one item whose image is at {@code imagePath}; returns the article's id. */
  String publish(String title, String imagePath, Instant published, int expireDays) {
    String feedPath = "/feed-" + (++counter) + ".xml";
    partner.serve(
        feedPath,
        feed(
            "g-" + counter,
            title,
            // Text of its own: alike texts would be told apart as versions of one story.
            "Reported " + counter + " times over: " + title + " " + title.hashCode(),
            published,
            partner.url(imagePath).toString()),
        "application/rss+xml");
    ingest(add(feedPath, expireDays));
    return site.sqlOne(String.class, "SELECT id FROM articles WHERE headline = ?", title);
  }

  String slug(String articleId) {
    return site.sqlOne(String.class, "SELECT slug FROM articles WHERE id = ?", articleId);
  }

  Picture picture(String articleId) {
    return site.app().articlePictures().of(articleId).orElse(null);
  }

  Document page(String articleId) {
    site.app().applyContentChanges();
    HttpResponse<String> r = site.get("/articles/" + slug(articleId));
    assertThat(r.statusCode()).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  int status(String path) {
    site.app().applyContentChanges();
    return site.getBytes(path).statusCode();
  }

  // ---- the cases

  @Test
  void aPartnersImageIsServedByTheSiteAtSeveralWidths() throws IOException {
    partner.respond("/img/cranes.png", Response.ok(image(1600, 900, "png"), "image/png"));
    String id = publish("Cranes at dusk", "/img/cranes.png", NOW.minusSeconds(600), 0);
    site.app().pictureJob().run();

    Picture p = picture(id);
    assertThat(p).isNotNull();
    assertThat(p.widths()).containsExactly(320, 640, 960, 1280);
    assertThat(p.width()).isEqualTo(1280);
    assertThat(p.height()).isEqualTo(720);

    String html = site.get("/articles/" + slug(id)).body();
    Document doc = page(id);
    Element img = doc.selectFirst(".lead-image img");
    assertThat(img).isNotNull();
    assertThat(img.attr("srcset"))
        .contains("/pictures/" + p.id() + "/320.jpg 320w")
        .contains("/pictures/" + p.id() + "/1280.jpg 1280w");
    assertThat(img.attr("src")).startsWith("/pictures/" + p.id() + "/");
    assertThat(img.attr("width")).isEqualTo("1280");
    assertThat(img.attr("height")).isEqualTo("720");
    assertThat(img.attr("fetchpriority")).isEqualTo("high");
    assertThat(img.hasAttr("loading")).isFalse();
    assertThat(img.attr("sizes")).isNotBlank();
    assertThat(doc.select(".lead-image figcaption").text())
        .contains("Cranes over the harbour at dusk.")
        .contains("Photo: Ines Duarte");
    // The partner's address never reaches the reader (nor in the sharing tags).
    assertThat(doc.outerHtml())
        .doesNotContain("/img/cranes.png")
        .doesNotContain(partner.url("/").toString());
    assertThat(html).doesNotContain("cranes.png");
    assertThat(doc.select("meta[property=og:image]").attr("content"))
        .isEqualTo(TestApp.BASE_URL + "/pictures/" + p.id() + "/1280.jpg");

    for (int w : p.widths()) {
      HttpResponse<byte[]> r = site.getBytes("/pictures/" + p.id() + "/" + w + ".jpg");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
      assertThat(r.headers().firstValue("Cache-Control"))
          .hasValue("public, max-age=31536000, s-maxage=600");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("ETag")).isPresent();
      BufferedImage served = ImageIO.read(new ByteArrayInputStream(r.body()));
      assertThat(served.getWidth()).isEqualTo(w);
      assertThat(served.getHeight()).isEqualTo(w * 9 / 16);
    }
    String etag =
        site.getBytes("/pictures/" + p.id() + "/640.jpg").headers().firstValue("ETag").get();
    assertThat(
            site.getBytes("/pictures/" + p.id() + "/640.jpg", "If-None-Match", etag).statusCode())
        .isEqualTo(304);

    assertThat(status("/pictures/" + p.id() + "/500.jpg")).isEqualTo(404);
    assertThat(status("/pictures/" + p.id() + "/640.png")).isEqualTo(404);
    assertThat(status("/pictures/" + p.id() + "/..%2F640.jpg")).isEqualTo(404);
    assertThat(status("/pictures/0190b6c2-0000-7000-8000-000000000000/640.jpg")).isEqualTo(404);
    assertThat(status("/pictures/not-an-id!/640.jpg")).isEqualTo(404);
    assertThat(partner.requests("/img/cranes.png")).isEqualTo(1);

    // What the site gives out about the article names its own picture too.
    String api = site.get("/api/v1/articles/" + id).body();
    assertThat(api)
        .contains(TestApp.BASE_URL + "/pictures/" + p.id() + "/1280.jpg")
        .doesNotContain("cranes.png");
    String jsonFeed = site.get("/sections/syndicated-news/feed.json").body();
    assertThat(jsonFeed)
        .contains("\"image\":\"" + TestApp.BASE_URL + "/pictures/" + p.id() + "/960.jpg\"")
        .doesNotContain("cranes.png");
    assertThat(site.get("/sections/syndicated-news/rss.xml").body())
        .contains("<enclosure url=\"" + TestApp.BASE_URL + "/pictures/" + p.id() + "/960.jpg\"")
        .doesNotContain("cranes.png");
  }

  @Test
  void aSmallImageIsNeverEnlarged() {
    partner.respond("/img/small.jpg", Response.ok(image(200, 100, "jpg"), "image/jpeg"));
    String id = publish("A small picture", "/img/small.jpg", NOW.minusSeconds(500), 0);
    site.app().pictureJob().run();
    Picture p = picture(id);
    assertThat(p.widths()).containsExactly(200);
    assertThat(p.height()).isEqualTo(100);
  }

  /** A JPEG stored sideways, with the EXIF note (orientation 6) to turn it clockwise. */
  static byte[] sideways(int w, int h) {
    byte[] jpeg = image(w, h, "jpg");
    // After SOI and the JFIF APP0 segment: APP1 "Exif", a big-endian TIFF with one IFD entry.
    int app0End = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
    byte[] app1 = {
      (byte) 0xFF,
      (byte) 0xE1,
      0,
      34,
      'E',
      'x',
      'i',
      'f',
      0,
      0,
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8,
      0,
      1,
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      6,
      0,
      0,
      0,
      0,
      0,
      0
    };
    byte[] out = new byte[jpeg.length + app1.length];
    System.arraycopy(jpeg, 0, out, 0, app0End);
    System.arraycopy(app1, 0, out, app0End, app1.length);
    System.arraycopy(jpeg, app0End, out, app0End + app1.length, jpeg.length - app0End);
    return out;
  }

  @Test
  void aPictureStoredSidewaysIsTurnedUpright() {
    partner.respond("/img/sideways.jpg", Response.ok(sideways(1200, 600), "image/jpeg"));
    String id =
        publish("A tall picture from a phone", "/img/sideways.jpg", NOW.minusSeconds(450), 0);
    site.app().pictureJob().run();
    Picture p = picture(id);
    assertThat(p.widths()).containsExactly(320, 600);
    assertThat(p.width()).isEqualTo(600);
    assertThat(p.height()).isEqualTo(1200);
  }

  @Test
  void whatIsNotAPictureWeServeIsRefusedOnceAndNotFetchedEveryRun() {
    byte[] huge = new byte[16 * 1024 * 1024];
    System.arraycopy(image(10, 10, "jpg"), 0, huge, 0, image(10, 10, "jpg").length);
    partner.respond("/img/huge.jpg", Response.ok(huge, "image/jpeg"));
    partner.respond(
        "/img/page.jpg", Response.ok("<html><p>Not a picture</p></html>", "image/jpeg"));
    partner.respond("/img/bomb.png", Response.ok(claimingSize(100_000, 100_000), "image/png"));
    partner.respond("/img/text", Response.ok(image(400, 300, "jpg"), "text/html"));
    List<String> refused =
        List.of(
            publish("An oversized picture", "/img/huge.jpg", NOW.minusSeconds(400), 0),
            publish("A page for a picture", "/img/page.jpg", NOW.minusSeconds(300), 0),
            publish("A picture bomb", "/img/bomb.png", NOW.minusSeconds(200), 0),
            publish("A picture called a page", "/img/text", NOW.minusSeconds(100), 0));

    site.app().pictureJob().run();
    site.app().pictureJob().run();

    for (String id : refused) {
      assertThat(picture(id)).as(id).isNull();
      Document doc = page(id); // the article itself is there, without a picture
      assertThat(doc.select(".lead-image")).isEmpty();
      assertThat(doc.outerHtml()).doesNotContain(partner.url("/img/").toString());
    }
    for (String path : List.of("/img/huge.jpg", "/img/page.jpg", "/img/bomb.png", "/img/text")) {
      assertThat(partner.requests(path)).as(path).isEqualTo(1);
    }
    assertThat(
            site.sqlOne(
                String.class,
                "SELECT last_error FROM picture_failures WHERE source_url = ?",
                partner.url("/img/bomb.png").toString()))
        .contains("too many pixels");
    assertThat(
            site.sqlOne(
                String.class,
                "SELECT last_error FROM picture_failures WHERE source_url = ?",
                partner.url("/img/page.jpg").toString()))
        .contains("not an image");
  }

  @Test
  void aChangedImageAddressReplacesThePicture() {
    partner.respond("/img/first.jpg", Response.ok(image(800, 600, "jpg"), "image/jpeg"));
    partner.respond("/img/second.jpg", Response.ok(image(1000, 500, "jpg"), "image/jpeg"));
    String feedPath = "/changing.xml";
    String title = "A changing picture";
    Instant published = NOW.minusSeconds(700);
    partner.serve(
        feedPath,
        feed("changing", title, "First text.", published, partner.url("/img/first.jpg").toString()),
        "application/rss+xml");
    FeedSource s = add(feedPath, 0);
    ingest(s);
    String id = site.sqlOne(String.class, "SELECT id FROM articles WHERE headline = ?", title);
    site.app().pictureJob().run();
    Picture first = picture(id);
    assertThat(first.widths()).containsExactly(320, 640, 800);
    assertThat(status(first.src(320))).isEqualTo(200);

    partner.serve(
        feedPath,
        feed(
            "changing",
            title,
            "Second text, with a new picture.",
            published,
            partner.url("/img/second.jpg").toString()),
        "application/rss+xml");
    ingest(s);
    // Until the new one is fetched the article shows none: not the old one under new words.
    assertThat(status(first.src(320))).isEqualTo(404);
    assertThat(page(id).select(".lead-image")).isEmpty();
    site.app().pictureJob().run();
    Picture second = picture(id);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.height()).isEqualTo(second.width() / 2);
    assertThat(status(first.src(320))).isEqualTo(404);
    assertThat(status(second.src(320))).isEqualTo(200);
    assertThat(page(id).select(".lead-image img").attr("srcset"))
        .contains(second.id())
        .doesNotContain(first.id());
  }

  @Test
  void aPictureThePartnerDroppedLeavesTheArticle() {
    partner.respond("/img/dropped.jpg", Response.ok(image(800, 600, "jpg"), "image/jpeg"));
    String feedPath = "/dropping.xml";
    String title = "A picture taken back";
    Instant published = NOW.minusSeconds(650);
    String withPicture =
        feed(
            "dropping",
            title,
            "First text.",
            published,
            partner.url("/img/dropped.jpg").toString());
    partner.serve(feedPath, withPicture, "application/rss+xml");
    FeedSource s = add(feedPath, 0);
    ingest(s);
    String id = site.sqlOne(String.class, "SELECT id FROM articles WHERE headline = ?", title);
    site.app().pictureJob().run();
    Picture p = picture(id);
    assertThat(status(p.src(320))).isEqualTo(200);

    String without =
        withPicture
            .replaceAll("(?s)<media:content.*</media:content>", "")
            .replace("First text.", "Second text, the picture withdrawn by the partner.");
    partner.serve(feedPath, without, "application/rss+xml");
    ingest(s);
    assertThat(status(p.src(320))).isEqualTo(404);
    assertThat(picture(id)).isNull();
    assertThat(page(id).select(".lead-image, img[src^=/pictures/]")).isEmpty();
  }

  @Test
  void aWithdrawnArticlesPictureAnswers404() {
    partner.respond("/img/withdrawn.jpg", Response.ok(image(700, 400, "jpg"), "image/jpeg"));
    String id = publish("A story to withdraw", "/img/withdrawn.jpg", NOW.minusSeconds(800), 0);
    site.app().pictureJob().run();
    Picture p = picture(id);
    String path = p.src(640);
    assertThat(status(path)).isEqualTo(200); // now in the node's memory too

    TestApp.Visitor editor =
        site.signedInNewAccount(
            "picture.editor" + counter, "a quiet editing room", pressroom.web.Access.Role.EDITOR);
    assertThat(
            editor
                .post("/staff/articles/" + id + "/withdraw", Map.of("reason", "Checking."))
                .statusCode())
        .isEqualTo(303);

    assertThat(status(path)).isEqualTo(404);
    // An editor may undo a withdrawal: the picture is kept, unseen, and is back with the story.
    assertThat(editor.post("/staff/articles/" + id + "/restore", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(status(path)).isEqualTo(200);
    assertThat(page(id).select(".lead-image img").attr("srcset")).contains(p.id());
  }

  @Test
  void anExpiredArticlesPictureAnswers404() {
    partner.respond("/img/old.jpg", Response.ok(image(700, 400, "jpg"), "image/jpeg"));
    String id = publish("An old story", "/img/old.jpg", Instant.now().minus(Duration.ofDays(3)), 2);
    site.app().pictureJob().run();
    Picture p = picture(id);
    assertThat(status(p.src(320))).isEqualTo(200);

    assertThat(site.app().licences().run(site.clock().instant())).isGreaterThanOrEqualTo(1);

    assertThat(status(p.src(320))).isEqualTo(404);
    assertThat(picture(id)).isNull();
  }

  @Test
  void thePictureJobWalksItsOwnIndexNewestFirst() {
    List<String> plan =
        site.app()
            .database()
            .jdbi()
            .withHandle(
                h -> {
                  boolean sqlite = db() == TestApp.Db.SQLITE;
                  if (!sqlite) {
                    // A test's few rows would be read whole; ask what an archive would get.
                    h.execute("SET enable_seqscan = off");
                  }
                  try {
                    return h.createQuery(
                            (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ")
                                + pressroom.articles.ArticlePictures.WANTED)
                        .bind("since", 0L)
                        .bind("now", 0L)
                        .bind("limit", 20)
                        .map((rs, ctx) -> sqlite ? rs.getString("detail") : rs.getString(1))
                        .list();
                  } finally {
                    if (!sqlite) {
                      h.execute("RESET enable_seqscan");
                    }
                  }
                });
    assertThat(String.join("\n", plan))
        .contains("articles_with_image")
        .doesNotContainIgnoringCase("TEMP B-TREE")
        .doesNotContain("Sort ");
  }

  @Test
  void listingsCarryThePicture() {
    partner.respond("/img/listed.jpg", Response.ok(image(900, 600, "jpg"), "image/jpeg"));
    String id =
        publish("A listed story with a picture", "/img/listed.jpg", NOW.minusSeconds(50), 0);
    site.app().pictureJob().run();
    assertThat(
            site.app().listings().latest(50, site.clock().instant()).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow()
                .picture())
        .isEqualTo(picture(id));
    assertThat(Arrays.asList(picture(id).srcset().split(", "))).hasSize(3);
  }
}
