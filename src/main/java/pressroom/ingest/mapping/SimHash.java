package pressroom.ingest.mapping;

/**
 * 64-bit SimHash over words and word pairs, in one pass without building strings: texts that say
 * nearly the same thing get fingerprints a few bits apart, so one story sent by several partners
 * can be recognised as one. Hand-written because it is short and no maintained Java library offers
 * just this; fingerprints are stored, so they must never change.
 */
public final class SimHash {
  /**
   * Fingerprints at most this many bits apart are treated as the same story. Measured on test
   * stories: a dateline, a credit line and a few changed words move 2–5 bits; a different story on
   * the same subject 11–29.
   */
  public static final int SAME_STORY_DISTANCE = 6;

  private SimHash() {}

  public static long of(String text) {
    return new Builder().add(text).fingerprint();
  }

  /**
   * A fingerprint built from text fed in pieces, as {@link #of} would compute it over the pieces
   * joined: ingest feeds the text nodes of a cleaned body straight in, without first joining them
   * into one string. A surrogate pair split over two calls still counts as one code point.
   */
  public static final class Builder {
    private final Votes votes = new Votes();
    private long previous;
    private int words;
    private long word = FNV_OFFSET;
    private boolean inWord;
    private char high; // a high surrogate waiting for its low half, or 0

    private char[] buffer = new char[512];

    public Builder add(String text) {
      return add(text, 0, text.length());
    }

    /** Reads text[from..to), copied to a char array so the loop runs without index checks. */
    public Builder add(String text, int from, int to) {
      int n = to - from;
      if (buffer.length < n) {
        buffer = new char[Math.max(n, 2 * buffer.length)];
      }
      text.getChars(from, to, buffer, 0);
      return add(buffer, 0, n);
    }

    public Builder add(char c) {
      if (c < 0x80 && high == 0) {
        ascii(c);
      } else {
        other(c);
      }
      return this;
    }

    /** Reads chars[from..to). The current word's hash stays in a local while letters run. */
    public Builder add(char[] chars, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = chars[i];
        if (c < 0x80 && high == 0) {
          long w = word;
          boolean letters = false;
          // A run of ASCII letters and digits: the usual case, in a tight loop.
          while (true) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
              w = (w ^ c) * FNV_PRIME;
            } else if (c >= 'A' && c <= 'Z') {
              w = (w ^ (c + ('a' - 'A'))) * FNV_PRIME;
            } else {
              break;
            }
            letters = true;
            if (++i == to) {
              break;
            }
            c = chars[i];
          }
          if (letters) {
            word = w;
            inWord = true;
            if (i == to) {
              break;
            }
          }
          if (c < 0x80) {
            boundary(); // ASCII and not a letter or digit
            continue;
          }
        }
        other(c);
      }
      return this;
    }

    /** ASCII, most of most texts: the same answers as the Character calls below, without them. */
    private void ascii(char c) {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        letter(c);
      } else if (c >= 'A' && c <= 'Z') {
        letter(c + ('a' - 'A'));
      } else {
        boundary();
      }
    }

    private void other(char c) {
      if (high != 0) {
        char h = high;
        high = 0;
        if (Character.isLowSurrogate(c)) {
          codePoint(Character.toCodePoint(h, c));
          return;
        }
        codePoint(h);
        if (c < 0x80) {
          ascii(c);
          return;
        }
      }
      if (Character.isHighSurrogate(c)) {
        high = c;
      } else {
        codePoint(c);
      }
    }

    private void codePoint(int cp) {
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        letter(Character.toLowerCase(cp));
      } else {
        boundary();
      }
    }

    private void letter(int cp) {
      word = (word ^ cp) * FNV_PRIME;
      inWord = true;
    }

    /** Ends the word being read, if any: a feature for it and one for it with the word before. */
    private void boundary() {
      if (!inWord) {
        return;
      }
      long w = mix(word);
      votes.add(w);
      if (words > 0) {
        votes.add(mix(previous * 0x9E3779B97F4A7C15L + w)); // the pair (previous, w)
      }
      previous = w;
      words++;
      word = FNV_OFFSET;
      inWord = false;
    }

    public long fingerprint() {
      if (high != 0) {
        char h = high;
        high = 0;
        codePoint(h);
      }
      boundary();
      return votes.fingerprint();
    }
  }

  /**
   * How many features set each of the 64 bits. Counted eight bits at a time in the bytes of a long
   * (a table spreads a byte's bits over a long's bytes), so a feature costs eight additions rather
   * than one per set bit; the byte counters are emptied before they can overflow.
   */
  private static final class Votes {
    private static final long[] SPREAD = new long[256];

    static {
      for (int b = 0; b < 256; b++) {
        for (int k = 0; k < 8; k++) {
          SPREAD[b] |= (long) ((b >>> k) & 1) << (8 * k);
        }
      }
    }

    private final long[] packed = new long[8];
    private final int[] counts = new int[64];
    private int pending;
    private int features;

    void add(long h) {
      for (int j = 0; j < 8; j++) {
        packed[j] += SPREAD[(int) (h >>> (8 * j)) & 0xFF];
      }
      features++;
      if (++pending == 255) {
        flush();
      }
    }

    private void flush() {
      for (int j = 0; j < 8; j++) {
        long p = packed[j];
        for (int k = 0; k < 8; k++) {
          counts[8 * j + k] += (int) (p >>> (8 * k)) & 0xFF;
        }
        packed[j] = 0L;
      }
      pending = 0;
    }

    /** A bit is set when more than half of the features set it. */
    long fingerprint() {
      flush();
      long fingerprint = 0L;
      for (int bit = 0; bit < 64; bit++) {
        if (2 * counts[bit] > features) {
          fingerprint |= 1L << bit;
        }
      }
      return fingerprint;
    }
  }

  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** A finaliser so that close inputs spread over all 64 bits. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
