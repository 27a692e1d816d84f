import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times every kind of page of a running site for bench/size.sh, one request at a time over
 * loopback, and prints p50/p99/max per kind.
 *
 * <p>Uncached: as a signed-in reader, spread over distinct URLs of the kind where there are many.
 * The site renders a signed-in reader's pages for every request, except article pages, which after
 * the first request for a URL come from the readers' stencil (so the three big threads are rendered
 * once each, then filled in). Cached: anonymous, the same URL again and again after a first
 * request; for the kinds the site does not keep in its page cache (feeds, sitemaps, API, search)
 * that is a repeat, not a hit.
 *
 * <p>Every loop is bounded: SAMPLES requests or SECONDS_PER_KIND per kind and mode (at least one),
 * REQUEST_SECONDS (env, default 60) per request. Before the uncached samples of a kind, WARMUP
 * (env, default 10) requests of that kind are sent and not counted: the JVM compiles a page kind's
 * code on its first requests, which a site that has been serving for minutes has long done;
 * WARMUP=0 times the very first ones too. The deepest pages come from TARGETS: positions of the
 * oldest listed articles, as the site's "Older" links carry them.
 *
 * <p>java bench/SizeProbe.java BASE_URL TARGETS LOGIN PASSWORD SAMPLES SECONDS_PER_KIND OUT_TSV
 */
public class SizeProbe {
  /** One request's limit: a slower one counts as a sample of this many ms, marked as a timeout. */
  static final Duration TIMEOUT =
      Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("REQUEST_SECONDS", "60")));

  static final int WARMUP = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "10"));
  static final String[] QUERIES = {
    "harbour",
    "election council",
    "\"port cranes\"",
    "rail -strike",
    "budget minister",
    "flood warning",
    "museum",
    "section:world vote",
    "glacier research",
    "tariff exports"
  };

  final String base;
  final HttpClient anonymous;
  final HttpClient signedIn;

  /** An editor's session, for the newsroom's pages (signed in when the bench names an editor). */
  final HttpClient staff;

  final int samples;
  final long budgetNanos;

  SizeProbe(String base, int samples, int seconds) {
    this.base = base;
    this.samples = samples;
    this.budgetNanos = seconds * 1_000_000_000L;
    anonymous = client();
    signedIn = client();
    staff = client();
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A page kind: the URLs it is timed on and whether the site caches it for anonymous readers. */
  record Kind(
      String name,
      List<String> urls,
      boolean cachedByApp,
      boolean personalOnly,
      String note,
      boolean byStaff) {
    Kind(String name, List<String> urls, boolean cachedByApp, boolean personalOnly, String note) {
      this(name, urls, cachedByApp, personalOnly, note, false);
    }
  }

  record Stats(int n, int errors, int timeouts, double p50, double p99, double max) {
    String show() {
      return (n == 0 ? "-" : String.format("%8.1f %8.1f %8.1f %4d", p50, p99, max, n))
          + (timeouts > 0 ? " (" + timeouts + " timed out)" : "")
          + (errors > 0 ? " (" + errors + " errors)" : "");
    }
  }

  static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0);

  public static void main(String[] args) throws Exception {
    Map<String, String> t = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        t.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    SizeProbe p = new SizeProbe(args[0], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    p.signIn(p.signedIn, args[2], args[3]);
    List<Kind> kinds = p.kinds(t);
    if (args.length > 7) {
      p.signIn(p.staff, args[7], args[3]);
      kinds.addAll(p.staffKinds(t));
    }
    List<String> rows = new ArrayList<>();
    String header =
        String.format(
            "%-34s %-32s %-32s %s",
            "page kind", "uncached p50/p99/max ms, n", "cached p50/p99/max ms, n", "note");
    System.out.println(header);
    for (Kind k : kinds) {
      if (k.urls.isEmpty()) {
        String row = String.format("%-34s %-32s %-32s %s", k.name, "-", "-", k.note);
        System.out.println(row);
        rows.add(row);
        continue;
      }
      Stats u = p.time(k.urls, k.byStaff ? p.staff : p.signedIn);
      Stats c = k.personalOnly ? NONE : p.time(List.of(k.urls.get(0)), p.anonymous);
      String note = (k.cachedByApp || k.personalOnly ? "" : "not page-cached; ") + k.note;
      String row = String.format("%-34s %-32s %-32s %s", k.name, u.show(), c.show(), note);
      System.out.println(row);
      rows.add(row);
    }
    Files.write(Path.of(args[6]), rows);
  }

  void signIn(HttpClient client, String login, String password)
      throws IOException, InterruptedException {
    String token = token(client);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
    }
  }

  String token(HttpClient client) throws IOException, InterruptedException {
    String body =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf-token"))
                    .timeout(TIMEOUT)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in " + body);
    }
    return m.group(1);
  }

  List<Kind> kinds(Map<String, String> t) throws InterruptedException {
    List<String> sections = words(t.get("sections"));
    List<String> authors = words(t.get("prolific_authors"));
    List<String> counts = words(t.get("author_counts"));
    List<String> articles = words(t.get("articles"));
    List<String> threads = words(t.get("thread_articles"));
    List<Kind> k = new ArrayList<>();
    k.add(new Kind("home", List.of("/"), true, false, ""));
    k.add(
        new Kind(
            "section, page 1",
            prefix("/sections/", sections, ""),
            true,
            false,
            sections.size() + " sections"));
    k.add(
        new Kind(
            "section, deepest page",
            words(t.get("deep_section")),
            true,
            false,
            "the last pages, by the Older links' positions"));
    k.add(
        new Kind(
            "author (prolific), page 1",
            prefix("/authors/", authors, ""),
            true,
            false,
            "top authors, "
                + (counts.isEmpty() ? "?" : counts.get(0))
                + " articles for the first"));
    k.add(
        new Kind(
            "author (prolific), deepest page",
            words(t.get("deep_author")),
            true,
            false,
            "the last pages, by position"));
    k.add(
        new Kind(
            "tag, page 1",
            prefix("/tags/", words(t.get("tags")), ""),
            true,
            false,
            "first URL is the most common of " + t.get("tags_total") + " tags"));
    k.add(
        new Kind(
            "article (with related)",
            prefix("/articles/", articles, ""),
            true,
            false,
            "random published articles"));
    k.add(
        new Kind(
            "article, big comment thread",
            prefix("/articles/", threads, ""),
            true,
            false,
            threads.size() + " threads"));
    k.add(new Kind("/rss.xml", List.of("/rss.xml"), false, false, ""));
    k.add(new Kind("section feed", prefix("/sections/", sections, "/rss.xml"), false, false, ""));
    k.add(new Kind("/sitemap.xml", List.of("/sitemap.xml"), false, false, ""));
    List<String> sitemapPages = new ArrayList<>();
    String index;
    try {
      index = get(anonymous, "/sitemap.xml").body();
    } catch (IOException e) {
      index = "";
    }
    Matcher sm = Pattern.compile("/sitemaps/articles-[0-9-]+\\.xml").matcher(index);
    while (sm.find()) {
      sitemapPages.add(sm.group());
    }
    if (!sitemapPages.isEmpty()) {
      k.add(
          new Kind("sitemap of a day", sitemapPages, false, false, sitemapPages.size() + " pages"));
    }
    k.add(new Kind("/sitemaps/news.xml", List.of("/sitemaps/news.xml"), false, false, ""));
    List<String> apiFirst = new ArrayList<>(List.of("/api/v1/articles"));
    apiFirst.addAll(prefix("/api/v1/articles?section=", sections, ""));
    k.add(new Kind("/api/v1/articles, first page", apiFirst, false, false, ""));
    k.add(
        new Kind(
            "/api/v1/articles, deepest page",
            words(t.get("deep_api")),
            false,
            false,
            "the last pages, by cursor"));
    List<String> api = new ArrayList<>();
    List<String> html = new ArrayList<>();
    for (String q : QUERIES) {
      api.add("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
      html.add("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    k.add(new Kind("/api/v1/search?q=", api, false, false, QUERIES.length + " queries"));
    k.add(new Kind("/search?q=", html, false, false, QUERIES.length + " queries"));
    k.add(
        new Kind(
            "/reading-list (signed in)",
            List.of("/reading-list"),
            false,
            true,
            "300 bookmarks, some gone"));
    k.add(
        new Kind(
            "comments.rss, big thread",
            prefix("/articles/", threads, "/comments.rss"),
            false,
            false,
            ""));
    return k;
  }

  /**
   * The newsroom's pages as an editor opens them: none is page-cached, so only the first column has
   * figures. The editor's article pages are the first ones the desk lists.
   */
  List<Kind> staffKinds(Map<String, String> t) throws IOException, InterruptedException {
    List<String> sections = words(t.get("sections"));
    List<String> ids = new ArrayList<>();
    Matcher m =
        Pattern.compile("href=\"/staff/articles/([0-9a-f-]{36})\"")
            .matcher(get(staff, "/staff/articles").body());
    while (m.find() && ids.size() < 20) {
      ids.add(m.group(1));
    }
    List<Kind> k = new ArrayList<>();
    k.add(new Kind("/staff (dashboard)", List.of("/staff"), false, true, "editor", true));
    k.add(new Kind("/staff/articles", List.of("/staff/articles"), false, true, "newest 50", true));
    k.add(
        new Kind(
            "/staff/articles?section=",
            prefix("/staff/articles?section=", sections, ""),
            false,
            true,
            "",
            true));
    List<String> words = new ArrayList<>();
    for (String q : new String[] {"harbour", "council", "storm", "budget", "rail"}) {
      words.add("/staff/articles?q=" + q);
    }
    k.add(new Kind("/staff/articles?q= (headline)", words, false, true, "5 words", true));
    k.add(
        new Kind(
            "/staff/articles/{id} (editor)",
            prefix("/staff/articles/", ids, ""),
            false,
            true,
            "",
            true));
    k.add(
        new Kind(
            "/staff/articles/{id}/revisions",
            prefix("/staff/articles/", ids, "/revisions"),
            false,
            true,
            "",
            true));
    k.add(new Kind("/staff/sources", List.of("/staff/sources"), false, true, "", true));
    k.add(new Kind("/staff/moderation", List.of("/staff/moderation"), false, true, "", true));
    return k;
  }

  HttpResponse<String> get(HttpClient client, String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Up to SAMPLES requests, one at a time, cycling through the URLs, within the time budget. */
  Stats time(List<String> urls, HttpClient client) throws InterruptedException {
    double[] ms = new double[samples];
    int n = 0;
    int errors = 0;
    int timeouts = 0;
    long started = System.nanoTime();
    if (client == anonymous) {
      try {
        get(client, urls.get(0)); // the first request fills the cache; then the cookie is known
      } catch (IOException e) {
        errors++;
      }
    } else {
      for (int i = 0; i < WARMUP; i++) { // uncounted, from the other end of the URL list
        try {
          get(client, urls.get(urls.size() - 1 - i % urls.size()));
        } catch (IOException e) {
          // counted below if it happens again
        }
      }
    }
    for (int i = 0; i < samples && (i == 0 || System.nanoTime() - started < budgetNanos); i++) {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(base + urls.get(i % urls.size())))
              .timeout(TIMEOUT)
              .header("Accept-Encoding", "gzip")
              .build();
      long t0 = System.nanoTime();
      try {
        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        double took = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200) {
          errors++;
          if (errors <= 2) {
            System.err.println("  " + r.statusCode() + " for " + urls.get(i % urls.size()));
          }
          continue;
        }
        ms[n++] = took;
      } catch (java.net.http.HttpTimeoutException e) {
        timeouts++;
        ms[n++] = TIMEOUT.toMillis();
      } catch (IOException e) {
        errors++;
        System.err.println("  " + e + " for " + urls.get(i % urls.size()));
      }
    }
    if (n == 0) {
      return new Stats(0, errors, timeouts, 0, 0, 0);
    }
    double[] s = Arrays.copyOf(ms, n);
    Arrays.sort(s);
    return new Stats(
        n,
        errors,
        timeouts,
        s[(int) Math.ceil(0.50 * n) - 1],
        s[(int) Math.ceil(0.99 * n) - 1],
        s[n - 1]);
  }

  static List<String> words(String s) {
    return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
  }

  static List<String> prefix(String before, List<String> items, String after) {
    return items.stream().map(x -> before + x + after).toList();
  }

  static String seconds(long started) {
    return String.format("%.1f", (System.nanoTime() - started) / 1e9);
  }
}
