package pressroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pressroom.articles.Image;
import pressroom.articles.NewArticle;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;
import pressroom.ingest.formats.FeedItem;
import pressroom.ingest.sources.FeedSource;

class ItemMapperTest {
  /**
   * The formula every stored content hash was made with: a different answer means false updates.
   */
  private static String storedFormula(List<String> parts) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (String part : parts) {
      md.update(part.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
    }
    return HexFormat.of().formatHex(md.digest(), 0, 16);
  }

  @Test
  void contentHashesAreTheOnesAlreadyStored() throws Exception {
    Random r = new Random(9);
    for (int i = 0; i < 2_000; i++) {
      String headline = SimHashTest.randomText(r, r.nextInt(10));
      String summary = SimHashTest.randomText(r, r.nextInt(30));
      // Bodies from empty to past the kept buffers' size, with lone surrogates now and then.
      String body = SimHashTest.randomText(r, i % 100 == 0 ? 30_000 : r.nextInt(300));
      List<String> authors = List.of("Jane Roe", SimHashTest.randomText(r, 2));
      List<String> tags = r.nextBoolean() ? List.of() : List.of("Water", "Ports");
      Image image =
          r.nextBoolean() ? null : new Image("https://img.example/a.jpg", "A caption", null);
      assertThat(ItemMapper.hash(headline, summary, body, authors, tags, image))
          .isEqualTo(
              storedFormula(
                  List.of(
                      headline,
                      summary,
                      body,
                      String.join("|", authors),
                      String.join("|", tags),
                      image == null ? "" : image.toString())));
    }
  }

  @Test
  void theSourcesOwnNameIsCreditInItsBylines() {
    FeedSource source =
        new FeedSource(
            "s1",
            "Harbour Wire",
            null,
            "https://wire.example/feed",
            FeedFormat.AUTO,
            "world",
            "From Harbour Wire.",
            0,
            Duration.ofMinutes(5),
            Map.of(),
            SeoPolicy.CANONICAL,
            true,
            0,
            FeedSource.State.ACTIVE,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            0,
            null);
    FeedItem item =
        new FeedItem(
            "g1",
            "https://wire.example/a",
            "Storm closes the port",
            List.of("Jane Roe - Harbour Wire, Ali Hassan | Reuters"),
            null,
            null,
            "<p>The port closed.</p>",
            null,
            List.of(),
            null,
            "en",
            null,
            null,
            null,
            null);
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    ItemMapper.Mapped mapped = new ItemMapper(source, AgencyNames.wires()).map(item, null, now);
    NewArticle article = ((ItemMapper.Mapped.Ok) mapped).candidate().article();
    assertThat(article.authorNames()).containsExactly("Jane Roe", "Ali Hassan");
    // Undated: first seen now.
    assertThat(article.publishedAt()).isEqualTo(now);
  }
}
