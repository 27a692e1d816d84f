package pressroom.ingest;

/**
 * 64-bit SimHash over words and word pairs, in one pass without building strings: texts that say nearly the same thing get fingerprints a
 * few bits apart, so one story sent by several partners can be recognised as one. Hand-written
 * because it is thirty lines and no maintained Java library offers just this.
 */
public final class SimHash {
  /**
   * Fingerprints at most this many bits apart are treated as the same story. Measured on test
   * stories: a dateline, a credit line and a few changed words move 2–5 bits; a different story on
   * the same subject 11–29.
   */
  public static final int SAME_STORY_DISTANCE = 6;

  /** Seven bands, so two fingerprints within six bits agree exactly on at least one of them. */
  private static final int BANDS = SAME_STORY_DISTANCE + 1;

  private SimHash() {}

  public static long of(String text) {
    int[] weights = new int[64];
    int features = 0;
    long previous = 0L;
    int words = 0;
    long word = FNV_OFFSET;
    boolean inWord = false;
    for (int i = 0, n = text.length(); i <= n; ) {
      int cp = i < n ? text.codePointAt(i) : ' ';
      i += i < n ? Character.charCount(cp) : 1;
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        word = (word ^ Character.toLowerCase(cp)) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        long w = mix(word);
        add(weights, w);
        features++;
        if (words > 0) {
          add(weights, mix(previous * 0x9E3779B97F4A7C15L + w)); // the pair (previous, w)
          features++;
        }
        previous = w;
        words++;
        word = FNV_OFFSET;
        inWord = false;
      }
    }
    long fingerprint = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (weights[bit] > features) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** Counts the feature's set bits twice; a bit's vote is then weights[bit] - features. */
  private static void add(int[] weights, long h) {
    for (long b = h; b != 0; b &= b - 1) {
      weights[Long.numberOfTrailingZeros(b)] += 2;
    }
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** The bands of 9 bits (the last of 10), each tagged with its number, as stored in simhash_bands. */
  public static long[] bands(long fingerprint) {
    long[] bands = new long[BANDS];
    for (int i = 0; i < BANDS; i++) {
      int width = i == BANDS - 1 ? 64 - 9 * (BANDS - 1) : 9;
      long bits = (fingerprint >>> (9 * i)) & ((1L << width) - 1);
      bands[i] = ((long) i << 16) | bits;
    }
    return bands;
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** A finaliser so that close inputs spread over all 64 bits. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
