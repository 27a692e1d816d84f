package pressroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pressroom.articles.Image;

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
}
