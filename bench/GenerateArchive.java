import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a generated news archive for bench/size.sh: N articles published over the two years before
 * now, from six partner desks (one section each: the importer files a source's articles in its
 * section), with a few prolific wire bylines and a long tail of authors, a few hundred
 * Zipf-distributed tags, some stories sent by two partners (near-duplicate text a few hours apart,
 * so the importer groups them) and kill notices for some articles (ninjs, canceled). All text is
 * made up here from pseudo-words; nothing comes from a real publisher.
 *
 * <p>java bench/GenerateArchive.java OUT_DIR ARTICLES [SEED]
 *
 * <p>Writes OUT_DIR/sources.tsv (key, name, section, priority, policy, expire-after-days),
 * OUT_DIR/feeds/KEY/feed-NNNNN.xml (RSS 2.0, 1,000 items a file) and OUT_DIR/kills/KEY/*.json.
 */
public class GenerateArchive {
  /** A partner desk: one source, one section. Shares sum to 1. */
  record Desk(
      String key,
      String name,
      String section,
      int priority,
      String policy,
      int expireDays,
      double share,
      String[] staff,
      double[] staffShare,
      String host) {}

  static final Desk[] DESKS = {
    new Desk(
        "harbour-world",
        "Harbour Wire Service",
        "World",
        30,
        "own",
        0,
        0.30,
        new String[] {"Tomas Varga", "Lena Okafor", "Idris Castellane"},
        new double[] {0.15, 0.12, 0.10},
        "wire.harbour.example"),
    new Desk(
        "harbour-business",
        "Harbour Wire Business Desk",
        "Business",
        30,
        "own",
        0,
        0.15,
        new String[] {"Maren Quist", "Daniel Oyelaran"},
        new double[] {0.18, 0.12},
        "business.harbour.example"),
    new Desk(
        "meridian-politics",
        "Meridian Press Agency",
        "Politics",
        20,
        "canonical",
        0,
        0.20,
        new String[] {"Sefa Brunnhold", "Ines Patakova"},
        new double[] {0.14, 0.10},
        "meridian.example"),
    new Desk(
        "meridian-science",
        "Meridian Press Science Desk",
        "Science",
        20,
        "canonical",
        0,
        0.10,
        new String[] {},
        new double[] {},
        "science.meridian.example"),
    new Desk(
        "northfield-culture",
        "The Northfield Gazette",
        "Culture",
        10,
        "noindex",
        540,
        0.15,
        new String[] {},
        new double[] {},
        "gazette.northfield.example"),
    new Desk(
        "commons-sport",
        "Commons Newsroom Cooperative",
        "Sport",
        5,
        "own",
        0,
        0.10,
        new String[] {},
        new double[] {},
        "commons.example"),
  };

  /** Stories the first desk also sends to the second (another partner), a few hours later. */
  static final int[][] SHARED = {
    {0, 2, 50}, {1, 3, 30}, {0, 4, 20}
  }; // from, to, per mille of from's items

  static final int KILLS_PER_MILLE = 5;
  static final int ITEMS_PER_FILE = 1000;

  static final String[] ENGLISH =
      ("harbour council river valley water grid solar rail strike election count museum archive festival drought "
              + "farmers cooperative minister residents officials survey report season winter summer market prices wheat "
              + "cotton textile workers union agreement talks regional province district village mountain road bridge repairs "
              + "flood barrier storm warning fleet port cranes shipping budget school hospital clinic library manuscripts film "
              + "directors team final penalty cup league coach volunteers scientists seagrass estuary fishing boats court ruling "
              + "parliament coalition vote tariff exports inflation bank rates housing tenants transit airport runway vaccine "
              + "trial research telescope glacier orchestra theatre novel exhibition stadium marathon cyclists referee")
          .split(" ");
  static final String[] FILLER =
      "the a of to in and on for with from by at said that was were has have after over".split(" ");
  static final String[] FIRST =
      ("Ada Bram Cleo Dario Edda Femi Gwen Hugo Ilse Jonah Kasia Lior Mira Nils Oona Pavel Quinn Rosa Soren Tova "
              + "Ugo Vera Wim Xenia Yusuf Zara Amal Bodil Cyrus Dunja Emil Farah Goran Hedda Ivo Jana Kofi Liv Mateo Nadia")
          .split(" ");
  static final String[] LAST =
      ("Aldane Brekke Corvina Dalmau Eskeland Falkner Grisolm Halvorsen Ibarrola Jessup Kettering Lindqvist Moravec "
              + "Nakashima Ostrander Pellegrin Quaresma Rautio Sandoval Thorsby Ulvaeus Valtonen Wexford Yarrow Zielinski "
              + "Abernathy Bellweather Castellan Drummond Eriksdottir Fairbairn Gallardo Hollis Imrie Jaramillo Kowalczyk")
          .split(" ");

  final SplittableRandom random;
  final String[] vocabulary;
  final String[] tags;
  final double[] tagCdf;
  final String[] tail;
  final double[] tailCdf;

  GenerateArchive(long seed) {
    random = new SplittableRandom(seed);
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    vocabulary = new String[3000];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = i < ENGLISH.length ? ENGLISH[i] : pseudoWord(r, 2 + r.nextInt(2));
    }
    tags = new String[300];
    String[] topics = {
      "Elections",
      "Energy",
      "Ports",
      "Rail",
      "Weather",
      "Heritage",
      "Football",
      "Markets",
      "Health",
      "Climate",
      "Courts",
      "Housing",
      "Transport",
      "Education",
      "Science",
      "Film",
      "Music",
      "Farming",
      "Fisheries",
      "Trade",
      "Labour",
      "Budget",
      "Space",
      "Cycling",
      "Theatre"
    };
    for (int i = 0; i < tags.length; i++) {
      tags[i] =
          i < topics.length
              ? topics[i]
              : cap(pseudoWord(r, 2 + r.nextInt(2)))
                  + (r.nextInt(3) == 0 ? " " + cap(pseudoWord(r, 2)) : "");
    }
    tagCdf = zipf(tags.length, 1.1);
    tail = new String[FIRST.length * LAST.length / 2];
    for (int i = 0; i < tail.length; i++) {
      tail[i] =
          FIRST[(i * 7) % FIRST.length] + " " + LAST[(i * 13 + i / FIRST.length) % LAST.length];
    }
    tailCdf = zipf(tail.length, 0.9);
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    long n = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    new GenerateArchive(seed).write(out, n);
  }

  /** One RSS item to write, and when. */
  record Item(long story, int variant, Instant published, Desk desk) {}

  void write(Path out, long n) throws IOException {
    Files.createDirectories(out);
    StringBuilder tsv = new StringBuilder();
    for (Desk d : DESKS) {
      tsv.append(
              String.join(
                  "\t",
                  d.key,
                  d.name,
                  d.section,
                  String.valueOf(d.priority),
                  d.policy,
                  String.valueOf(d.expireDays)))
          .append('\n');
    }
    Files.writeString(out.resolve("sources.tsv"), tsv);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant start = now.minus(Duration.ofDays(730));
    long span = Duration.between(start, now.minus(Duration.ofHours(1))).toSeconds();
    Feed[] feeds = new Feed[DESKS.length];
    Kills[] kills = new Kills[DESKS.length];
    for (int d = 0; d < DESKS.length; d++) {
      feeds[d] = new Feed(out.resolve("feeds").resolve(DESKS[d].key), DESKS[d]);
      kills[d] = new Kills(out.resolve("kills").resolve(DESKS[d].key));
    }
    long written = 0, shared = 0, killed = 0;
    List<Item> later = new ArrayList<>();
    for (long story = 0; written < n; story++) {
      Instant t = start.plusSeconds(story * span / n + random.nextInt(60));
      int d = pick(random.nextDouble());
      feeds[d].item(new Item(story, 0, t, DESKS[d]));
      written++;
      if (random.nextInt(1000) < KILLS_PER_MILLE) {
        kills[d].kill(DESKS[d], story, t.plus(Duration.ofHours(2 + random.nextInt(20))));
        killed++;
      }
      for (int[] s : SHARED) {
        if (s[0] == d && written < n && random.nextInt(1000) < s[2]) {
          Instant copy = t.plus(Duration.ofMinutes(20 + random.nextInt(36 * 60)));
          if (copy.isBefore(now)) {
            feeds[s[1]].item(new Item(story, 1, copy, DESKS[s[1]]));
            written++;
            shared++;
          }
        }
      }
    }
    for (int d = 0; d < DESKS.length; d++) {
      feeds[d].close();
      kills[d].close();
    }
    System.out.printf(
        "wrote %d articles (%d second copies of shared stories, %d kill notices) from %s to %s in %s%n",
        written, shared, killed, start, now, out);
    for (int d = 0; d < DESKS.length; d++) {
      System.out.printf(
          "  %-28s -> %-9s %8d items%n", DESKS[d].name, DESKS[d].section, feeds[d].count);
    }
  }

  int pick(double x) {
    double c = 0;
    for (int d = 0; d < DESKS.length; d++) {
      c += DESKS[d].share;
      if (x < c) {
        return d;
      }
    }
    return DESKS.length - 1;
  }

  static final DateTimeFormatter RFC =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  /** One desk's RSS files, a new file every ITEMS_PER_FILE items. */
  final class Feed {
    final Path dir;
    final Desk desk;
    Writer w;
    long count;

    Feed(Path dir, Desk desk) throws IOException {
      this.dir = Files.createDirectories(dir);
      this.desk = desk;
    }

    void item(Item it) {
      try {
        if (count % ITEMS_PER_FILE == 0) {
          close();
          w =
              Files.newBufferedWriter(
                  dir.resolve(String.format("feed-%05d.xml", count / ITEMS_PER_FILE)),
                  StandardCharsets.UTF_8);
          w.write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel><title>"
                  + desk.name
                  + "</title><link>https://"
                  + desk.host
                  + "/</link><description>Generated for a benchmark</description><language>en</language>\n");
        }
        count++;
        // The story's own random numbers: its second copy, at another partner, says the same.
        SplittableRandom r = new SplittableRandom(it.story * 0x9E3779B97F4A7C15L + 1);
        String[] topic = new String[40];
        for (int i = 0; i < topic.length; i++) {
          topic[i] = vocabulary[i < 8 ? r.nextInt(ENGLISH.length) : r.nextInt(vocabulary.length)];
        }
        String headline = cap(sentence(r, topic, 6 + r.nextInt(6), false));
        w.write(
            "<item><title>"
                + (it.variant == 0 ? headline : headline.replaceFirst(" ", " new "))
                + "</title>");
        String guid = desk.key + "-" + it.story;
        w.write(
            "<link>https://"
                + desk.host
                + "/"
                + it.published.toString().substring(0, 7).replace('-', '/')
                + "/story-"
                + it.story
                + "</link>");
        w.write("<guid isPermaLink=\"false\">" + guid + "</guid>");
        w.write("<pubDate>" + RFC.format(it.published) + "</pubDate>");
        w.write("<dc:creator>By " + byline(desk) + "</dc:creator>");
        int tagCount = 1 + random.nextInt(4);
        for (int i = 0; i < tagCount; i++) {
          w.write("<category>" + tags[draw(tagCdf, r.nextDouble())] + "</category>");
        }
        String summary = sentence(r, topic, 25, false);
        w.write("<description>" + summary + "</description><content:encoded><![CDATA[");
        int paragraphs = 4 + r.nextInt(6);
        for (int p = 0; p < paragraphs; p++) {
          String text =
              sentence(r, topic, 25 + r.nextInt(30), true)
                  + " "
                  + sentence(r, topic, 8 + r.nextInt(15), false);
          if (it.variant == 1 && p == 0) {
            text =
                desk.name.toUpperCase(Locale.ROOT)
                    + " — "
                    + text; // a dateline: the rest is the same
          }
          w.write("<p>" + text + "</p>");
        }
        w.write("]]></content:encoded></item>\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String byline(Desk d) {
      double x = random.nextDouble();
      double c = 0;
      String first = null;
      for (int i = 0; i < d.staff.length; i++) {
        c += d.staffShare[i];
        if (x < c) {
          first = d.staff[i];
          break;
        }
      }
      if (first == null) {
        first = tail[draw(tailCdf, random.nextDouble())];
      }
      if (random.nextInt(7) == 0) {
        String second = tail[draw(tailCdf, random.nextDouble())];
        return second.equals(first) ? first : first + " and " + second;
      }
      return first;
    }

    void close() throws IOException {
      if (w != null) {
        w.write("</channel></rss>\n");
        w.close();
        w = null;
      }
    }
  }

  /** A desk's later feed: ninjs kill notices (pubstatus canceled) for some of its stories. */
  static final class Kills {
    final Path dir;
    Writer w;
    long count;

    Kills(Path dir) throws IOException {
      this.dir = Files.createDirectories(dir);
    }

    void kill(Desk desk, long story, Instant at) throws IOException {
      if (count % ITEMS_PER_FILE == 0) {
        close();
        w =
            Files.newBufferedWriter(
                dir.resolve(String.format("kills-%05d.json", count / ITEMS_PER_FILE)),
                StandardCharsets.UTF_8);
        w.write("[\n");
      } else {
        w.write(",\n");
      }
      count++;
      w.write(
          "{\"uri\":\""
              + desk.key
              + "-"
              + story
              + "\",\"type\":\"text\",\"pubstatus\":\"canceled\",\"versioncreated\":\""
              + at
              + "\",\"headline\":\"Kill notice: story "
              + story
              + " withdrawn\",\"body_text\":\"This story has been withdrawn by "
              + desk.name
              + ". Please remove it from your site.\"}");
    }

    void close() throws IOException {
      if (w != null) {
        w.write("\n]\n");
        w.close();
        w = null;
      }
    }
  }

  String sentence(SplittableRandom r, String[] topic, int words, boolean filler) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word =
          filler && r.nextInt(4) == 0
              ? FILLER[r.nextInt(FILLER.length)]
              : r.nextInt(5) == 0
                  ? vocabulary[r.nextInt(vocabulary.length)]
                  : topic[r.nextInt(topic.length)];
      sb.append(i == 0 ? "" : " ").append(word);
    }
    return cap(sb.toString()) + ".";
  }

  static String pseudoWord(SplittableRandom r, int syllables) {
    String[] on = {
      "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "kl"
    };
    String[] nu = {"a", "e", "i", "o", "u", "ai", "ou", "ei"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      sb.append(on[r.nextInt(on.length)]).append(nu[r.nextInt(nu.length)]);
    }
    if (r.nextBoolean()) {
      sb.append("n");
    }
    return sb.toString();
  }

  /** Cumulative Zipf weights over n ranks. */
  static double[] zipf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, s);
      cdf[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= sum;
    }
    return cdf;
  }

  static int draw(double[] cdf, double x) {
    int i = java.util.Arrays.binarySearch(cdf, x);
    return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
  }

  static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
