package pressroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {
  static final String STORY =
      "Dockers at the northern harbour returned to work on Tuesday after nine weeks of strikes,"
          + " ending a dispute over night shifts that had left container ships waiting offshore."
          + " The port authority said normal traffic should resume by Friday, while the union"
          + " described the agreement on rest periods as a fresh start for the harbour."
          + " Shipping lines had diverted several vessels to ports further south during the dispute,"
          + " and exporters of fruit and textiles said the delays had cost them weeks of orders."
          + " Under the agreement, crane operators will work no more than four night shifts in a row,"
          + " and the port will hire forty additional staff before the spring season begins."
          + " Talks were brokered by the regional labour office, which said both sides had shown"
          + " patience through a long winter of meetings.";

  @Test
  void fingerprintsNeverChange() {
    // Stored fingerprints are compared with new ones: a faster SimHash must give the same bits.
    assertThat(
            SimHash.of(
                "Dockers at the northern harbour returned to work on Tuesday after nine weeks of strikes."))
        .isEqualTo(0xb83c7418bfd33eb9L);
    assertThat(SimHash.of("ÉCOLE école İstanbul Straße naïve café a\u0301b — “quoted” 123"))
        .isEqualTo(0x3add2a20f5a8f01bL);
    assertThat(SimHash.of("بقلم مراسلنا في بيروت — الأخبار ١٢٣ 日本語のテキスト 𝒜𝒷𝒸 😀"))
        .isEqualTo(0xd23bb7a558fe9ff7L);
  }

  @Test
  void theSameStoryLightlyEditedByAnotherPartnerIsWithinTheDistance() {
    String edited =
        "HARBOUR CITY (Meridian) — "
            + STORY.replace("Tuesday", "Tuesday morning").replace(" fresh start", " new start");
    assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(edited)))
        .isLessThanOrEqualTo(SimHash.SAME_STORY_DISTANCE);
    assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(STORY))).isZero();
  }

  @Test
  void differentStoriesAreFarApart() {
    String other =
        "Farmers in the valley agreed a rotation for irrigation water during the drought season,"
            + " with the cooperative publishing a timetable for every village along the canal and"
            + " promising compensation for those whose fields receive less this summer.";
    assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(other)))
        .isGreaterThan(2 * SimHash.SAME_STORY_DISTANCE);
  }

  @Test
  void unrelatedRandomTextsAlmostNeverCollide() {
    Random r = new Random(7);
    String[] words = STORY.split(" ");
    int collisions = 0;
    for (int i = 0; i < 500; i++) {
      StringBuilder a = new StringBuilder();
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < 60; w++) {
        a.append(words[r.nextInt(words.length)]).append(' ');
        b.append(words[r.nextInt(words.length)]).append(' ');
      }
      if (SimHash.distance(SimHash.of(a.toString()), SimHash.of(b.toString()))
          <= SimHash.SAME_STORY_DISTANCE) {
        collisions++;
      }
    }
    assertThat(collisions).isLessThanOrEqualTo(1);
  }

  /** Random text with what makes tokenizing hard: case, marks, digits, surrogates, odd spaces. */
  static String randomText(Random r, int pieces) {
    String[] parts = {
      "harbour",
      "Straße",
      "İstanbul",
      "naïve",
      "a\u0301b",
      "١٢٣",
      "日本語",
      "\uD835\uDC9C",
      "😀",
      "\uD83D",
      "\uDE00",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00A0",
      "\u2003",
      "\u200B",
      "\u00AD",
      "\u0001",
      "—",
      "“",
      "”",
      ".",
      ",",
      "'",
      "42",
      "X",
    };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      sb.append(parts[r.nextInt(parts.length)]);
    }
    return sb.toString();
  }

  /**
   * The definition, plainly: words are runs of letters, digits and marks, lower-cased; SimHash.mix
   * itself is pinned by fingerprintsNeverChange.
   */
  static long reference(String text) {
    int[] counts = new int[64];
    int features = 0;
    long previous = 0;
    int words = 0;
    long word = 0xcbf29ce484222325L;
    boolean inWord = false;
    int[] cps = (text + " ").codePoints().toArray();
    for (int cp : cps) {
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        word = (word ^ Character.toLowerCase(cp)) * 0x100000001b3L;
        inWord = true;
      } else if (inWord) {
        long w = SimHash.mix(word);
        long[] added =
            words > 0
                ? new long[] {w, SimHash.mix(previous * 0x9E3779B97F4A7C15L + w)}
                : new long[] {w};
        for (long f : added) {
          features++;
          for (int bit = 0; bit < 64; bit++) {
            counts[bit] += (int) (f >>> bit) & 1;
          }
        }
        previous = w;
        words++;
        word = 0xcbf29ce484222325L;
        inWord = false;
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (2 * counts[bit] > features) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  @Test
  void agreesWithThePlainDefinitionAndWhateverPiecesTheTextComesIn() {
    Random r = new Random(2026);
    for (int i = 0; i < 3_000; i++) {
      String text = randomText(r, r.nextInt(i < 100 ? 5 : 400));
      long expected = reference(text);
      assertThat(SimHash.of(text))
          .as("text %s", text.codePoints().boxed().toList())
          .isEqualTo(expected);
      SimHash.Builder pieces = new SimHash.Builder();
      for (int from = 0; from < text.length(); ) {
        int to = Math.min(text.length(), from + r.nextInt(5));
        pieces.add(text.substring(from, to));
        from = to;
      }
      assertThat(pieces.fingerprint()).isEqualTo(expected);
    }
  }
}
