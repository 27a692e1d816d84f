package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stencil filled in is the page with the visitor's values, plain or gzipped alike. */
class StencilTest {
  private static final String TOKEN = Csrf.newToken();

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void aFilledStencilIsThePageWithTheValuesInPlainOrGzipped(long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder page = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    String name = text(random, 1 + random.nextInt(40));
    int holes = random.nextInt(200);
    for (int i = 0; i <= holes; i++) {
      String part = text(random, random.nextInt(i % 17 == 0 ? 70_000 : 400));
      page.append(part);
      expected.append(part);
      if (i < holes) {
        boolean token = random.nextBoolean();
        page.append(token ? Stencil.TOKEN : Stencil.NAME);
        expected.append(token ? TOKEN : escaped(name));
      }
    }
    Stencil stencil = Stencil.cut(page.toString());
    String plain = new String(stencil.fill(TOKEN, name), StandardCharsets.UTF_8);
    assertThat(plain).as("seed %d", seed).isEqualTo(expected.toString());
    assertThat(gunzip(stencil.fillGzipped(TOKEN, name))).as("seed %d", seed).isEqualTo(plain);
  }

  @Test
  void aNameLongerThanAStoredBlockIsSplitAcrossBlocks() throws IOException {
    Stencil stencil = Stencil.cut("<p>" + Stencil.NAME + "</p>" + Stencil.NAME);
    String name = "n".repeat(140_000);
    assertThat(gunzip(stencil.fillGzipped(TOKEN, name))).isEqualTo("<p>" + name + "</p>" + name);
  }

  @Test
  void theNameIsEscapedAndOnlyATokenFillsTheTokensPlace() {
    Stencil stencil = Stencil.cut("<a title=\"" + Stencil.NAME + "\">" + Stencil.NAME + "</a>");
    assertThat(new String(stencil.fill(TOKEN, "\"><script>'&"), StandardCharsets.UTF_8))
        .doesNotContain("<script>")
        .doesNotContain("\"><");
    assertThatThrownBy(() -> stencil.fill("\"><script>", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String escaped(String text) {
    gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
    gg.jte.html.escape.Escape.htmlAttribute(text, out);
    return out.toString();
  }

  private static String gunzip(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Text with markup, repeats (something to compress) and characters beyond ASCII. */
  private static String text(Random random, int length) {
    String[] pieces = {"<li class=\"comment\">", "é", "🙂", "&amp;", " the harbour ", "\n", "z"};
    StringBuilder b = new StringBuilder();
    while (b.length() < length) {
      b.append(
          random.nextInt(3) == 0
              ? pieces[random.nextInt(pieces.length)]
              : Character.toString('a' + random.nextInt(26)));
    }
    return b.toString();
  }
}
