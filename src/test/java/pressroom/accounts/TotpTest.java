package pressroom.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238's own test vectors (Appendix B, the SHA-1 column), base32 by RFC 4648's. */
class TotpTest {
  static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void theRfcVectors(long seconds, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(seconds));
    assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
    // Six digits are the last six of the eight (the same truncation, a smaller modulus).
    assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo(expected.substring(2));
  }

  @Test
  void aCodeCountsOneStepEitherSideAndNoFurther() {
    Instant now = Instant.ofEpochSecond(1111111111);
    long step = Totp.step(now);
    for (long s = step - 1; s <= step + 1; s++) {
      assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, s, 6), now)).hasValue(s);
    }
    assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "12345", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, "abcdef", now)).isEmpty();
    assertThat(Totp.matchingStep(RFC_KEY, null, now)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "f, MY",
    "fo, MZXQ",
    "foo, MZXW6",
    "foob, MZXW6YQ",
    "fooba, MZXW6YTB",
    "foobar, MZXW6YTBOI"
  })
  void base32AsRfc4648WritesItWithoutPadding(String text, String expected) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(Totp.base32(bytes)).isEqualTo(expected);
    assertThat(Totp.fromBase32(expected.toLowerCase())).isEqualTo(bytes);
  }

  @Test
  void aNewSecretIs160BitsAndRoundTrips() {
    byte[] key = Totp.newSecret();
    assertThat(key).hasSize(20);
    assertThat(Totp.base32(key)).hasSize(32);
    assertThat(Totp.fromBase32(Totp.base32(key))).isEqualTo(key);
    assertThat(Totp.fromBase32("GEZD GNBV-GY3T QOJQ"))
        .isEqualTo(Totp.fromBase32("GEZDGNBVGY3TQOJQ"));
  }
}
