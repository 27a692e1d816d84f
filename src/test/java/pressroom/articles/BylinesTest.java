package pressroom.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BylinesTest {
  @Test
  void joinsNamesWithCommasAndAFinalAndWithoutSerialComma() {
    assertThat(Bylines.text(List.of())).isEmpty();
    assertThat(Bylines.text(List.of("A"))).isEqualTo("A");
    assertThat(Bylines.text(List.of("A", "B"))).isEqualTo("A and B");
    assertThat(Bylines.text(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    assertThat(
            Bylines.text(
                List.of(
                    "Rêbaz Şêxanî", "Ayşe Çağlar Öztürk", "Þórdís Jónsdóttir", "Nguyễn Thị Hằng")))
        .isEqualTo("Rêbaz Şêxanî, Ayşe Çağlar Öztürk, Þórdís Jónsdóttir and Nguyễn Thị Hằng");
  }
}
