import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import pressroom.articles.Article;
import pressroom.articles.ArticleStatus;
import pressroom.articles.Author;
import pressroom.articles.Section;
import pressroom.articles.SeoPolicy;
import pressroom.articles.Source;
import pressroom.articles.Tag;
import pressroom.search.ArticleIndex;

/**
 * Search benchmark: indexes N generated articles with Pressroom's own ArticleIndex (the code the
 * site runs), then times typical reader queries one at a time and prints p50/p99.
 *
 * <p>java -cp target/pressroom.jar bench/SearchBench.java [articles] [queries]
 */
public class SearchBench {
  static final String[] WORDS =
      ("harbour council river valley water grid solar rail strike election count museum archive festival drought "
              + "farmers cooperative minister residents officials survey report season winter summer market prices wheat "
              + "cotton textile workers union agreement talks regional province district village mountain road bridge repairs "
              + "flood barrier storm warning fleet port cranes shipping budget school hospital clinic library manuscripts film "
              + "directors team final penalty cup league coach volunteers scientists seagrass estuary fishing boats ferry "
              + "timetable exports orders container night shifts lighthouse keepers reservoir irrigation canal compensation "
              + "harvest turbine battery panels engineers students teachers nurses doctors parliament senate vote ballot")
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
    "Saoirse Ní Bhriain"
  };
  static final String[] SECTIONS = {
    "syndicated-news", "world", "business", "science", "culture", "sport"
  };
  static final String[] SOURCES = {
    "Harbour Wire Service",
    "Meridian Press Agency",
    "The Northfield Gazette",
    "Commons Newsroom Cooperative"
  };

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    // A third argument keeps the index in that folder and reuses it on the next run.
    Path dir =
        args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("pressroom-search-bench");
    Random r = new Random(7);
    long t0 = System.nanoTime();
    try (ArticleIndex index = new ArticleIndex(dir, InstantSource.system())) {
      boolean reuse = index.size() == n;
      if (reuse) {
        System.out.printf("reusing the index of %,d articles in %s%n", n, dir);
      }
      Instant base = Instant.parse("2020-01-01T00:00:00Z");
      for (int i = 0; i < (reuse ? 0 : n); i++) {
        String headline = cap(words(r, 6 + r.nextInt(6))) + " " + i;
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8 + r.nextInt(12); p++) {
          body.append("<p>").append(cap(words(r, 30 + r.nextInt(30)))).append(".</p>");
        }
        List<Author> authors = new ArrayList<>();
        for (int a = 0; a < 1 + r.nextInt(3); a++) {
          String name = NAMES[r.nextInt(NAMES.length)];
          authors.add(new Author("a", pressroom.articles.Slugs.of(name, "x"), name));
        }
        String section = SECTIONS[r.nextInt(SECTIONS.length)];
        String source = SOURCES[r.nextInt(SOURCES.length)];
        index.put(
            new Article(
                "id-" + i,
                "slug-" + i,
                new Section("s", section, section, ""),
                new Source("src", source, null, "", SeoPolicy.CANONICAL),
                headline,
                cap(words(r, 25)),
                authors,
                body.toString(),
                "en",
                "ltr",
                null,
                base.plusSeconds(i * 150L),
                base.plusSeconds(i * 150L),
                List.of(new Tag("t", "t", WORDS[r.nextInt(WORDS.length)])),
                ArticleStatus.PUBLISHED,
                null,
                null,
                null));
        if ((i + 1) % 100_000 == 0) {
          index.refresh();
          System.out.printf(
              "indexed %,d articles (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
        }
      }
      index.refresh();
      if (!reuse)
        System.out.printf(
            "index of %,d articles built in %.0f s%n", n, (System.nanoTime() - t0) / 1e9);

      // Typical reader queries: one or two words, a phrase, an exclusion, a filter.
      r = new Random(11); // the same queries whether the index was built now or reused
      List<String> typical = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String a = word(r);
        String b = word(r);
        typical.add(
            switch (i % 5) {
              case 0 -> a;
              case 1 -> a + " " + b;
              case 2 -> "\"" + a + " " + b + "\"";
              case 3 -> a + " -" + b;
              default -> a + " section:" + SECTIONS[r.nextInt(SECTIONS.length)];
            });
      }
      for (int i = 0; i < 500; i++) {
        index.search(typical.get(i % typical.size()), false, 1, 10); // warm-up
      }
      long[] ns = new long[queries];
      String[] kinds = {"one word", "two words", "phrase", "exclusion", "filter"};
      List<List<Long>> byKind = new ArrayList<>();
      for (String k : kinds) {
        byKind.add(new ArrayList<>());
      }
      long totalHits = 0;
      String[] asked = new String[queries];
      // The query thread's CPU time too: on a shared machine the wall time includes waiting for a
      // core, the CPU time does not.
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      List<List<Long>> cpuByKind = new ArrayList<>();
      for (String k : kinds) {
        cpuByKind.add(new ArrayList<>());
      }
      for (int i = 0; i < queries; i++) {
        int pick = r.nextInt(typical.size());
        long c = threads.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        totalHits += index.search(typical.get(pick), i % 4 == 0, 1, 10).total();
        ns[i] = System.nanoTime() - s;
        cpuByKind.get(pick % 5).add(threads.getCurrentThreadCpuTime() - c);
        byKind.get(pick % 5).add(ns[i]);
        asked[i] = (i % 4 == 0 ? "[newest] " : "") + typical.get(pick);
      }
      // The slowest queries, to see what a high percentile is made of.
      Integer[] order = new Integer[queries];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (x, y) -> Long.compare(ns[y], ns[x]));
      System.out.println("slowest:");
      for (int i = 0; i < Math.min(8, queries); i++) {
        System.out.printf("  %7.2f ms  #%d %s%n", ns[order[i]] / 1e6, order[i], asked[order[i]]);
      }
      Arrays.sort(ns);
      System.out.printf(
          "%d queries over %,d articles (a quarter sorted by newest; filter counts included; %,d results on average):%n",
          queries, n, totalHits / queries);
      System.out.printf(
          "all: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          ns[queries / 2] / 1e6,
          ns[queries * 9 / 10] / 1e6,
          ns[queries * 99 / 100] / 1e6,
          ns[queries - 1] / 1e6);
      for (int k = 0; k < kinds.length; k++) {
        long[] t = byKind.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
        if (t.length > 0) {
          System.out.printf(
              "  %-10s p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries)%n",
              kinds[k],
              t[t.length / 2] / 1e6,
              t[t.length * 99 / 100] / 1e6,
              t[t.length - 1] / 1e6,
              t.length);
        }
      }
      System.out.println("CPU time of the query thread:");
      for (int k = 0; k < kinds.length; k++) {
        long[] t = cpuByKind.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
        if (t.length > 0) {
          System.out.printf(
              "  %-10s p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
              kinds[k], t[t.length / 2] / 1e6, t[t.length * 99 / 100] / 1e6, t[t.length - 1] / 1e6);
        }
      }
    }
  }

  /** News text follows Zipf's law: a few common words and a long tail (50,000 made-up words). */
  static final int TAIL = 50_000;

  static final double[] CDF = new double[WORDS.length + TAIL];

  static {
    double sum = 0;
    for (int i = 0; i < CDF.length; i++) {
      sum += 1.0 / (i + 1);
      CDF[i] = sum;
    }
    for (int i = 0; i < CDF.length; i++) {
      CDF[i] /= sum;
    }
  }

  static String word(Random r) {
    int i = Arrays.binarySearch(CDF, r.nextDouble());
    int rank = i >= 0 ? i : -i - 1;
    return rank < WORDS.length ? WORDS[rank] : "w" + Integer.toString(rank * 7919 % 1_000_003, 36);
  }

  static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : " ").append(word(r));
    }
    return sb.toString();
  }

  static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
