package pressroom.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemFieldsTest {
  @Test
  void collapsingSpacesGivesWhatTheRegularExpressionGave() {
    String[] parts = {
      "a", "Straße", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2003", "—", "x y"
    };
    Random r = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        sb.append(parts[r.nextInt(parts.length)]);
      }
      String s = sb.toString();
      assertThat(ItemFields.collapseSpaces(s)).as("[%s]", s).isEqualTo(s.replaceAll("\\s+", " "));
    }
  }

  @Test
  void textWithNothingToCollapseIsReturnedAsItIs() {
    String title = "Port cranes idle as talks resume";
    assertThat(ItemFields.collapseSpaces(title)).isSameAs(title);
  }
}
