import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a corpus of RSS 2.0 feeds for bench/import.sh: FILES files of ITEMS items each, with
 * generated (meaningless but realistic-shaped) text, bylines, categories and content:encoded.
 *
 * <p>java bench/GenerateFeeds.java OUT_DIR FILES ITEMS [SEED]
 */
public class GenerateFeeds {
  static final String[] WORDS =
      ("harbour council river valley water grid solar rail strike election count museum archive "
              + "festival drought farmers cooperative minister residents officials survey report season "
              + "winter summer market prices wheat cotton textile workers union agreement talks regional "
              + "province district village mountain road bridge repairs flood barrier storm warning fleet "
              + "port cranes shipping budget school hospital clinic library manuscripts film directors "
              + "team final penalty cup league coach volunteers scientists seagrass estuary fishing boats")
          .split(" ");
  static final String[] NAMES = {
    "Jane Roe",
    "Ali Hassan",
    "Mary O. Doe",
    "Rêbaz Şêxanî",
    "Ayşe Çağlar Öztürk",
    "Þórdís Jónsdóttir",
    "Nguyễn Thị Hằng",
    "Łukasz Wróbel",
    "Maria van der Berg",
    "Jean-Luc de la Fontaine",
    "Dāriūsh Rahīmzādeh",
    "Saoirse Ní Bhriain"
  };
  static final String[] TAGS = {
    "Water", "Energy", "Ports", "Rail", "Elections", "Heritage", "Weather", "Football"
  };

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int files = Integer.parseInt(args[1]);
    int items = Integer.parseInt(args[2]);
    Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42);
    Files.createDirectories(out);
    DateTimeFormatter rfc = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    Instant base = Instant.parse("2026-11-01T00:00:00Z");
    long n = 0;
    for (int f = 0; f < files; f++) {
      try (Writer w =
          Files.newBufferedWriter(
              out.resolve(String.format("feed-%05d.xml", f)), StandardCharsets.UTF_8)) {
        w.write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel><title>Bench Wire</title><link>https://bench.example/</link><description>Generated</description><language>en</language>\n");
        for (int i = 0; i < items; i++, n++) {
          String title = cap(sentence(random, 6 + random.nextInt(6), false));
          w.write("<item><title>" + title + " " + n + "</title>");
          w.write(
              "<link>https://bench.example/2026/11/story-"
                  + n
                  + "</link><guid isPermaLink=\"false\">bench-"
                  + n
                  + "</guid>");
          w.write("<pubDate>" + rfc.format(base.plusSeconds(n * 37)) + "</pubDate>");
          int authors = 1 + random.nextInt(3);
          StringBuilder by = new StringBuilder("By ");
          for (int a = 0; a < authors; a++) {
            by.append(NAMES[random.nextInt(NAMES.length)])
                .append(a == authors - 2 ? " and " : a < authors - 1 ? ", " : "");
          }
          w.write("<dc:creator>" + by + "</dc:creator>");
          w.write("<category>" + TAGS[random.nextInt(TAGS.length)] + "</category>");
          w.write(
              "<description>"
                  + sentence(random, 25, true)
                  + "</description><content:encoded><![CDATA[");
          int paragraphs = 6 + random.nextInt(10);
          for (int p = 0; p < paragraphs; p++) {
            w.write("<p>" + sentence(random, 30 + random.nextInt(30), true) + "</p>");
          }
          w.write("]]></content:encoded></item>\n");
        }
        w.write("</channel></rss>\n");
      }
    }
    System.out.println("wrote " + files + " files, " + n + " items to " + out);
  }

  static String sentence(Random r, int words, boolean quote) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
    String s = cap(sb.toString()) + ".";
    return quote && r.nextInt(3) == 0 ? "“" + s + "” said a resident — again." : s;
  }

  static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
