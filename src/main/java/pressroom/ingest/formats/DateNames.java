package pressroom.ingest.formats;

import java.text.Normalizer;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of {@link FeedDates}' grammar: the zone names and offsets, month and weekday names
 * (English, Greek, Hungarian) that feeds write in dates, lower-case. Pure and thread-safe.
 */
final class DateNames {
  /**
   * Zone names feeds write, lower-case. Fixed offsets for the standard and daylight names; regions
   * for the generic names, which mean whichever of the two is in force.
   */
  static final Map<String, ZoneId> ZONES =
      Map.ofEntries(
          Map.entry("z", ZoneOffset.UTC),
          Map.entry("ut", ZoneOffset.UTC),
          Map.entry("utc", ZoneOffset.UTC),
          Map.entry("gmt", ZoneOffset.UTC),
          Map.entry("wet", ZoneOffset.UTC),
          Map.entry("west", ZoneOffset.ofHours(1)),
          Map.entry("cet", ZoneOffset.ofHours(1)),
          Map.entry("met", ZoneOffset.ofHours(1)),
          Map.entry("mez", ZoneOffset.ofHours(1)),
          Map.entry("cest", ZoneOffset.ofHours(2)),
          Map.entry("mest", ZoneOffset.ofHours(2)),
          Map.entry("mesz", ZoneOffset.ofHours(2)),
          Map.entry("eet", ZoneOffset.ofHours(2)),
          Map.entry("eest", ZoneOffset.ofHours(3)),
          Map.entry("msk", ZoneOffset.ofHours(3)),
          Map.entry("ast", ZoneOffset.ofHours(-4)),
          Map.entry("adt", ZoneOffset.ofHours(-3)),
          Map.entry("at", ZoneId.of("America/Halifax")),
          Map.entry("est", ZoneOffset.ofHours(-5)),
          Map.entry("edt", ZoneOffset.ofHours(-4)),
          Map.entry("et", ZoneId.of("America/New_York")),
          Map.entry("cst", ZoneOffset.ofHours(-6)),
          Map.entry("cdt", ZoneOffset.ofHours(-5)),
          Map.entry("ct", ZoneId.of("America/Chicago")),
          Map.entry("mst", ZoneOffset.ofHours(-7)),
          Map.entry("mdt", ZoneOffset.ofHours(-6)),
          Map.entry("mt", ZoneId.of("America/Denver")),
          Map.entry("pst", ZoneOffset.ofHours(-8)),
          Map.entry("pdt", ZoneOffset.ofHours(-7)),
          Map.entry("pt", ZoneId.of("America/Los_Angeles")),
          Map.entry("akst", ZoneOffset.ofHours(-9)),
          Map.entry("akdt", ZoneOffset.ofHours(-8)),
          Map.entry("hst", ZoneOffset.ofHours(-10)),
          Map.entry("jst", ZoneOffset.ofHours(9)),
          Map.entry("kst", ZoneOffset.ofHours(9)),
          Map.entry("hkt", ZoneOffset.ofHours(8)),
          Map.entry("sgt", ZoneOffset.ofHours(8)),
          Map.entry("awst", ZoneOffset.ofHours(8)),
          Map.entry("acst", ZoneOffset.ofHoursMinutes(9, 30)),
          Map.entry("acdt", ZoneOffset.ofHoursMinutes(10, 30)),
          Map.entry("aest", ZoneOffset.ofHours(10)),
          Map.entry("aedt", ZoneOffset.ofHours(11)),
          Map.entry("nzst", ZoneOffset.ofHours(12)),
          Map.entry("nzdt", ZoneOffset.ofHours(13)));

  /**
   * Month names in full, English and Greek (the nominative and the genitive dates use), in the form
   * {@link #word} gives. A word names a month when it begins one of them with at least three
   * letters and no other month; the Greek short forms Ιον and Ιολ are listed as they are written.
   */
  private static final List<List<String>> MONTHS =
      asWords(
          List.of(
              List.of("january", "ιανουαριος", "ιανουαριου"),
              List.of("february", "φεβρουαριος", "φεβρουαριου"),
              List.of("march", "μαρτιος", "μαρτιου"),
              List.of("april", "απριλιος", "απριλιου"),
              List.of("may", "μαιος", "μαιου"),
              List.of("june", "ιουνιος", "ιουνιου", "ιον"),
              List.of("july", "ιουλιος", "ιουλιου", "ιολ"),
              List.of("august", "αυγουστος", "αυγουστου"),
              List.of("september", "σεπτεμβριος", "σεπτεμβριου"),
              List.of("october", "οκτωβριος", "οκτωβριου"),
              List.of("november", "νοεμβριος", "νοεμβριου"),
              List.of("december", "δεκεμβριος", "δεκεμβριου")));

  /** Weekday names in full, English and Greek; a word of three letters or more that begins one. */
  private static final List<String> WEEKDAYS =
      asWords(
              List.of(
                  List.of(
                      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
                  List.of(
                      "δευτερα", "τριτη", "τεταρτη", "πεμπτη", "παρασκευη", "σαββατο", "κυριακη")))
          .stream()
          .flatMap(List::stream)
          .toList();

  /** Hungarian month names as written in full (the only form feedparser's handler knows). */
  private static final Map<String, Integer> HUNGARIAN_MONTHS = hungarianMonths();

  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");

  private DateNames() {}

  /**
   * A zone: a name from {@link #ZONES}; an offset as +0100, +01:00, +01 or +1; or either after GMT
   * or UTC ("GMT+01:00"). Null for anything else.
   */
  static ZoneId zone(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    ZoneId named = ZONES.get(t);
    if (named != null) {
      return named;
    }
    if (t.startsWith("gmt") || t.startsWith("utc")) {
      t = t.substring(3);
    }
    Matcher m = OFFSET.matcher(t);
    if (!m.matches()) {
      return null;
    }
    int hours = FeedDates.number(m.group(2));
    int minutes = m.group(3) == null ? 0 : FeedDates.number(m.group(3));
    if (hours > 14 || minutes > 59) {
      return null;
    }
    int sign = m.group(1).equals("-") ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  /** A word as the name tables hold it: without a final dot, accents or final sigma. */
  private static String word(String raw) {
    String w = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
    for (int k = 0; k < w.length(); k++) {
      if (w.charAt(k) > 0x7F) {
        return Normalizer.normalize(w, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replace('ς', 'σ');
      }
    }
    return w;
  }

  /** Name tables in the form {@link #word} gives, so that words and names compare as they are. */
  private static List<List<String>> asWords(List<List<String>> tables) {
    return tables.stream().map(names -> names.stream().map(DateNames::word).toList()).toList();
  }

  static boolean isWeekday(String raw) {
    String w = word(raw);
    if (w.length() < 3) {
      return false;
    }
    for (String name : WEEKDAYS) {
      if (name.startsWith(w)) {
        return true;
      }
    }
    return false;
  }

  /** The month (1 to 12) a word names, or 0 when it names none or could be two. */
  static int month(String raw) {
    String w = word(raw);
    if (w.length() < 3) {
      return 0;
    }
    int found = 0;
    for (int m = 0; m < MONTHS.size(); m++) {
      for (String name : MONTHS.get(m)) {
        if (name.startsWith(w)) {
          if (found != 0 && found != m + 1) {
            return 0; // "Ιου" begins both June and July
          }
          found = m + 1;
        }
      }
    }
    return found;
  }

  /** The month (1 to 12) a Hungarian month name in full names, or null. */
  static Integer hungarianMonth(String name) {
    return HUNGARIAN_MONTHS.get(name);
  }

  private static Map<String, Integer> hungarianMonths() {
    String[] names = {
      "január", "február", "március", "április", "május", "június",
      "július", "augusztus", "szeptember", "október", "november", "december"
    };
    Map<String, Integer> months = new HashMap<>();
    for (int m = 0; m < names.length; m++) {
      months.put(names[m], m + 1);
    }
    return Map.copyOf(months);
  }
}
