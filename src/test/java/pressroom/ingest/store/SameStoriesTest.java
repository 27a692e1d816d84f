package pressroom.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pressroom.ingest.mapping.SimHash;

class SameStoriesTest {
  private static final long DAY = 24 * 3600 * 1000L;
  private static final long WINDOW = SameStories.WINDOW.toMillis();

  @Test
  void theNearestFingerprintWithinTheDistanceAndTheWindowGivesTheStory() {
    long mine = 0x0123_4567_89AB_CDEFL;
    var others =
        new SameStories.Fingerprints(
            new long[] {
              10 * DAY - WINDOW - 1,
              10 * DAY - WINDOW,
              10 * DAY,
              10 * DAY + 1,
              10 * DAY + WINDOW + 1
            },
            new long[] {mine, mine ^ 0b111, mine ^ 0b1, mine ^ 0b1000_0001, mine},
            new String[] {"too-early", "three-bits", "one-bit", "two-bits", "too-late"});
    assertThat(others.nearest(mine, 10 * DAY)).isEqualTo("one-bit");
    // Seven bits apart is another story, however close in time.
    assertThat(others.nearest(mine ^ 0b1111110L << 20, 10 * DAY)).isNull();
    assertThat(others.nearest(0L, 10 * DAY)).as("no text, no fingerprint").isNull();
  }

  @Test
  void tiesGoToTheEarliestPublished() {
    long mine = 42L << 30;
    var others =
        new SameStories.Fingerprints(
            new long[] {DAY, DAY, 2 * DAY},
            new long[] {mine ^ 1, mine ^ 2, mine ^ 4},
            new String[] {"a", "b", "c"});
    assertThat(others.nearest(mine, DAY)).isEqualTo("a");
  }

  /** Against a plain scan of every fingerprint, on seeded random data with many equal times. */
  @Test
  void agreesWithAScanOfEveryFingerprint() {
    Random r = new Random(7);
    for (int round = 0; round < 200; round++) {
      int n = r.nextInt(300);
      long[] times = new long[n];
      for (int i = 0; i < n; i++) {
        times[i] = r.nextInt(30) * DAY / 4 + (r.nextBoolean() ? 0 : r.nextInt(1000));
      }
      Arrays.sort(times);
      long base = r.nextLong();
      long[] hashes = new long[n];
      String[] stories = new String[n];
      for (int i = 0; i < n; i++) {
        hashes[i] = base;
        for (int flips = r.nextInt(10); flips > 0; flips--) {
          hashes[i] ^= 1L << r.nextInt(64);
        }
        stories[i] = "s" + i;
      }
      var others = new SameStories.Fingerprints(times, hashes, stories);
      for (int q = 0; q < 20; q++) {
        long t = r.nextInt(30) * DAY / 4;
        String expected = null;
        int best = SimHash.SAME_STORY_DISTANCE + 1;
        for (int i = 0; i < n; i++) {
          int d = SimHash.distance(hashes[i], base);
          if (Math.abs(times[i] - t) <= WINDOW && d < best) {
            best = d;
            expected = stories[i];
          }
        }
        assertThat(others.nearest(base, t)).isEqualTo(expected);
      }
    }
  }
}
