package pressroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StampTest {
  @Test
  void datesAreShownInTheSitesTimeZone() {
    Instant t = Instant.parse("2026-11-24T22:30:00Z");
    Stamp tehran = new Stamp.Clock(ZoneId.of("Asia/Tehran")).stamp(t);
    assertThat(tehran.iso()).isEqualTo("2026-11-25T02:00:00+03:30");
    assertThat(tehran.label()).startsWith("25 November 2026, 02:00");
    Stamp utc = new Stamp.Clock(ZoneId.of("UTC")).stamp(t);
    assertThat(utc.label()).isEqualTo("24 November 2026, 22:30 UTC");
  }
}
