package pressroom.ingest.sources;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pressroom.articles.SeoPolicy;
import pressroom.ingest.formats.FeedFormat;

/**
 * A partner feed's settings as someone typed them — the options of {@code pressroom sources add} or
 * the fields of the staff form — and the one set of rules that makes them a {@link NewSource}. The
 * command line asks for the first problem ({@link #toNewSource}), a form for all of them ({@link
 * #problems}); both run the same checks, and {@link NewSource} runs its own part of them whoever
 * builds one.
 *
 * @param headers extra request headers, each "NAME:VALUE"
 * @param priority and {@code expireAfterDays} whole numbers as text (the command line has parsed
 *     them already; a form has not)
 */
public record SourceSettings(
    String name,
    String url,
    String section,
    String format,
    String interval,
    String expireAfterDays,
    String attribution,
    String homeUrl,
    String priority,
    String policy,
    boolean summaryOnly,
    List<String> headers) {

  public SourceSettings {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** The settings, in the order a form shows them, each with its command-line option. */
  public enum Field {
    NAME("name", "--name"),
    URL("url", "--url"),
    SECTION("section", "--section"),
    FORMAT("format", "--format"),
    INTERVAL("interval", "--interval"),
    ATTRIBUTION("attribution", "--attribution"),
    HOME_URL("homeUrl", "--home-url"),
    PRIORITY("priority", "--priority"),
    POLICY("policy", "--policy"),
    SUMMARY_ONLY("summaryOnly", "--summary-only"),
    EXPIRE_AFTER_DAYS("expireAfterDays", "--expire-after-days"),
    HEADERS("headers", "--header");

    private final String formName;
    private final String option;

    Field(String formName, String option) {
      this.formName = formName;
      this.option = option;
    }

    /** The field's name in a form (and the id of its input). */
    public String formName() {
      return formName;
    }

    public String option() {
      return option;
    }
  }

  /**
   * A setting that breaks a rule: {@link #getMessage()} as the command line prints it (some name
   * their option), {@link #problem()} as a form shows it next to the field.
   */
  public static final class Invalid extends IllegalArgumentException {
    private final Field field;
    private final String problem;

    Invalid(Field field, String problem) {
      this(field, problem, false);
    }

    private Invalid(Field field, String problem, boolean namesOption) {
      super(namesOption ? field.option() + " " + problem : problem);
      this.field = field;
      this.problem = problem;
    }

    static Invalid naming(Field field, String problem) {
      return new Invalid(field, problem, true);
    }

    public Field field() {
      return field;
    }

    public String problem() {
      return problem;
    }
  }

  /**
   * The source these settings describe.
   *
   * @param localPathsAllowed whether the feed may be a local file or folder (the command line, run
   *     on the server; never a form, whose user is not)
   * @throws Invalid naming the first problem, in the order the command line has always checked
   */
  public NewSource toNewSource(boolean localPathsAllowed) {
    Map<String, String> extra = requestHeaders(headers);
    FeedFormat feedFormat = format(format);
    Duration every = interval(interval);
    SeoPolicy seo = policy(policy);
    int rank = whole(Field.PRIORITY, priority);
    int days = whole(Field.EXPIRE_AFTER_DAYS, expireAfterDays);
    if (!localPathsAllowed) {
      checkRemote(url);
    }
    return new NewSource(
        name,
        url,
        feedFormat,
        section,
        blankToNull(attribution),
        blankToNull(homeUrl),
        rank,
        every,
        extra,
        seo,
        !summaryOnly,
        days);
  }

  /**
   * Every problem of these settings, by field in form order (empty when {@link #toNewSource} would
   * work); each in the words a form shows next to the field.
   */
  public Map<Field, String> problems(boolean localPathsAllowed) {
    Map<Field, String> found = new LinkedHashMap<>();
    check(found, () -> checkName(name));
    check(
        found,
        () -> {
          checkFeedUrl(url);
          if (!localPathsAllowed) {
            checkRemote(url);
          }
        });
    check(found, () -> checkSection(section));
    check(found, () -> format(format));
    check(found, () -> checkInterval(interval(interval)));
    check(found, () -> checkHomeUrl(blankToNull(homeUrl)));
    check(found, () -> whole(Field.PRIORITY, priority));
    check(found, () -> policy(policy));
    check(found, () -> checkExpiry(whole(Field.EXPIRE_AFTER_DAYS, expireAfterDays)));
    check(found, () -> requestHeaders(headers));
    Map<Field, String> ordered = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      if (found.containsKey(f)) {
        ordered.put(f, found.get(f));
      }
    }
    return ordered;
  }

  private static void check(Map<Field, String> found, Runnable rule) {
    try {
      rule.run();
    } catch (Invalid e) {
      found.putIfAbsent(e.field(), e.problem());
    }
  }

  // The rules, one per setting. NewSource calls the ones about its own values.

  static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new Invalid(Field.NAME, "the name is empty");
    }
  }

  static void checkFeedUrl(String feedUrl) {
    if (feedUrl == null || feedUrl.isBlank()) {
      throw new Invalid(Field.URL, "the feed URL or path is empty");
    }
    String lower = feedUrl.toLowerCase(Locale.ROOT);
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")
        && !lower.startsWith("http://")
        && !lower.startsWith("https://")) {
      throw new Invalid(
          Field.URL, "'" + feedUrl + "' is neither an http(s) URL nor a local file or folder");
    }
  }

  private static void checkRemote(String feedUrl) {
    String lower = feedUrl == null ? "" : feedUrl.strip().toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new Invalid(
          Field.URL,
          "'"
              + feedUrl
              + "' is not an http(s) URL (a local file or folder can be added on the command"
              + " line only)");
    }
  }

  static void checkSection(String section) {
    if (section == null || section.isBlank()) {
      throw new Invalid(Field.SECTION, "the section is empty");
    }
  }

  static void checkInterval(Duration interval) {
    if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new Invalid(Field.INTERVAL, "the polling interval must be at least 1 minute");
    }
  }

  static void checkExpiry(int expireAfterDays) {
    if (expireAfterDays < 0) {
      throw new Invalid(Field.EXPIRE_AFTER_DAYS, "days until removal cannot be negative");
    }
  }

  /** Readers follow the partner's name to this address, so it is a web address or nothing. */
  static void checkHomeUrl(String homeUrl) {
    if (homeUrl == null) {
      return;
    }
    String lower = homeUrl.strip().toLowerCase(Locale.ROOT);
    if (!lower.matches("^https?://[^\\s/?#]+.*")) {
      throw Invalid.naming(Field.HOME_URL, "'" + homeUrl + "' is not an http(s) URL");
    }
  }

  /** "NAME:VALUE" lines as headers. */
  static Map<String, String> requestHeaders(List<String> lines) {
    Map<String, String> extra = new LinkedHashMap<>();
    for (String h : lines) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw Invalid.naming(Field.HEADERS, "'" + h.split(":")[0] + "…' is not NAME:VALUE");
      }
      extra.put(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
    }
    return extra;
  }

  static FeedFormat format(String name) {
    if (name == null) {
      return FeedFormat.AUTO;
    }
    try {
      return FeedFormat.fromName(name);
    } catch (IllegalArgumentException e) {
      throw new Invalid(Field.FORMAT, e.getMessage());
    }
  }

  static SeoPolicy policy(String p) {
    if (p == null) {
      return SeoPolicy.CANONICAL;
    }
    if (!List.of("canonical", "noindex", "own").contains(p.toLowerCase(Locale.ROOT))) {
      throw Invalid.naming(Field.POLICY, "'" + p + "' is not canonical, noindex or own");
    }
    return SeoPolicy.fromDb(p);
  }

  private static int whole(Field field, String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new Invalid(field, "'" + raw + "' is not a whole number");
    }
  }

  private static final Pattern INTERVAL_PART = Pattern.compile("(\\d+)([dhms])");

  /** "15m", "1h30m", "90s", "2h" → a duration. */
  public static Duration interval(String raw) {
    String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (!s.matches("(\\d+[dhms])+")) {
      throw Invalid.naming(
          Field.INTERVAL, "'" + raw + "' is not a duration such as 15m, 1h or 1h30m");
    }
    Duration d = Duration.ZERO;
    Matcher m = INTERVAL_PART.matcher(s);
    while (m.find()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
        d =
            d.plus(
                switch (m.group(2)) {
                  case "d" -> Duration.ofDays(n);
                  case "h" -> Duration.ofHours(n);
                  case "m" -> Duration.ofMinutes(n);
                  default -> Duration.ofSeconds(n);
                });
      } catch (ArithmeticException | NumberFormatException e) {
        throw Invalid.naming(Field.INTERVAL, "'" + raw + "' is longer than any sensible interval");
      }
    }
    return d;
  }

  /** A duration as {@link #interval} reads it back: "15m", "1h30m", "1d". */
  public static String intervalText(Duration d) {
    long s = d.toSeconds();
    StringBuilder out = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s >= sizes[i]) {
        out.append(s / sizes[i]).append(units[i]);
        s %= sizes[i];
      }
    }
    return out.isEmpty() ? "0s" : out.toString();
  }

  /** A stored source's settings as a form shows them; request headers are secret, so left out. */
  public static SourceSettings of(FeedSource s) {
    return new SourceSettings(
        s.name(),
        s.feedUrl() == null ? "" : s.feedUrl(),
        s.sectionSlug() == null ? "" : s.sectionSlug(),
        s.format().cliName(),
        intervalText(s.interval()),
        Integer.toString(s.expireAfterDays()),
        s.attribution(),
        s.homeUrl() == null ? "" : s.homeUrl(),
        Integer.toString(s.priority()),
        s.seoPolicy().dbValue(),
        !s.fullText(),
        List.of());
  }

  /**
   * The settings of a source in words, one entry per setting, for the audit log: request headers by
   * name only, since their values are secret.
   */
  public static Map<String, String> describe(FeedSource s) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("name", s.name());
    out.put("feed URL", String.valueOf(s.feedUrl()));
    out.put("format", s.format().cliName());
    out.put("section", String.valueOf(s.sectionSlug()));
    out.put("attribution", s.attribution());
    out.put("home URL", String.valueOf(s.homeUrl()));
    out.put("priority", Integer.toString(s.priority()));
    out.put("interval", intervalText(s.interval()));
    out.put("search engines", s.seoPolicy().dbValue());
    out.put("content", s.fullText() ? "full text" : "summary only");
    out.put("removed after", s.expireAfterDays() == 0 ? "never" : s.expireAfterDays() + " days");
    out.put(
        "request headers",
        s.requestHeaders().isEmpty()
            ? "none"
            : String.join(", ", new java.util.TreeSet<>(s.requestHeaders().keySet())));
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
