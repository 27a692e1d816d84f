package pressroom.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void idsAreVersion7UniqueAndOrderedByTime() {
    UUID earlier = Ids.newUuid(1_700_000_000_000L);
    UUID later = Ids.newUuid(1_700_000_000_001L);
    assertThat(earlier.version()).isEqualTo(7);
    assertThat(earlier.variant()).isEqualTo(2);
    assertThat(earlier.toString()).isLessThan(later.toString());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(Ids.newId())).isTrue();
    }
  }

  @Test
  void passwordsNeverReachMessages() {
    assertThat(Database.redact("jdbc:postgresql://db/p?user=u&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/p?user=u&password=***&ssl=true");
    assertThat(Database.redact("jdbc:postgresql://u:s3cret@db/p")).doesNotContain("s3cret");
  }
}
