package pressroom.ingest.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates the way real feeds write them, for the items Rome gives no date. Rome's DateParser
 * tries a fixed list of SimpleDateFormat masks, so "Tue,07 May 2024", "Sept", a missing time, a
 * zone such as ET or MEST, an asctime or Twitter date, ISO 8601 with a space or without a zone, or
 * a Korean, Greek or Hungarian date gave nothing, and the item was dated when it was fetched. No
 * mask list or DateTimeFormatter fits these shapes (optional and reordered parts, names in three
 * languages, zone names java.time does not know), so each family is read by hand here, one small
 * method each, the way Python's feedparser (the parser most feed readers follow) reads it.
 *
 * <p>What is assumed: a date without a time is midnight UTC; a time without a zone is UTC; a
 * two-digit year is 19xx from 90 on, else 20xx. Where this differs from feedparser, on purpose:
 *
 * <ul>
 *   <li>ET, CT, MT, PT and AT are read with their region's daylight saving rules (feedparser always
 *       takes standard time, an hour out all summer);
 *   <li>a zone name not in {@link DateNames#ZONES} is not taken as UTC: the date is unreadable, so
 *       the item is reported instead of silently shifted (ambiguous names such as IST or BST are
 *       left out for the same reason, and of the military letters only Z is read);
 *   <li>a day that does not exist (31 February), month 13 and a year outside 1000 to 9999 (year 0,
 *       or .NET's 0001-01-01 that means "no date") are refused, never rolled over;
 *   <li>12 오후 (pm) in a Korean date is noon.
 * </ul>
 *
 * The grammar is here, one method a family; the words it knows (zone, month and weekday names) are
 * {@link DateNames}, and {@link DateCursor} and {@link TimeOfDay} read the parts. Pure and
 * thread-safe.
 */
final class FeedDates {
  /** Longer than any date; JavaScript's Date.toString() with a long zone comment is about 75. */
  private static final int MAX_LENGTH = 120;

  private static final int MIN_YEAR = 1000;
  private static final int MAX_YEAR = 9999;

  /** OnBlog, Korean: "2024년 05월 07일 18:15:00", Korean time. */
  private static final Pattern KOREAN_ONBLOG =
      Pattern.compile(
          "(\\d{4})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

  /** Nate, Korean: "2024-05-07 오후 6:15:00" with 오전 (am) or 오후 (pm), Korean time. */
  private static final Pattern KOREAN_NATE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})\\s+(오전|오후)\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

  private static final ZoneOffset KOREA = ZoneOffset.ofHours(9);

  /** Hungarian: ISO 8601 with the month's name, "2024-május-07T11:15+02:00". */
  private static final Pattern HUNGARIAN =
      Pattern.compile("(\\d{4})-(\\p{L}+)-(\\d{1,2})t(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(.*)");

  private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

  private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s,]+");

  /**
   * Every family, most common first; each refuses what is not its own, so order only saves time.
   */
  private static final List<Function<String, Instant>> FAMILIES =
      List.of(
          FeedDates::iso8601,
          FeedDates::rfc822,
          FeedDates::asctime,
          FeedDates::slashed,
          FeedDates::koreanOnblog,
          FeedDates::koreanNate,
          FeedDates::hungarian);

  private FeedDates() {}

  /** The instant a feed's date text means, or empty when it cannot be read. */
  static Optional<Instant> read(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (Function<String, Instant> family : FAMILIES) {
      Instant instant = family.apply(t);
      if (instant != null) {
        return Optional.of(instant);
      }
    }
    return Optional.empty();
  }

  /** The first of these texts that reads as a date, or null; null texts are passed over. */
  static Instant first(List<String> texts) {
    for (String text : texts) {
      Optional<Instant> read = read(text);
      if (read.isPresent()) {
        return read.get();
      }
    }
    return null;
  }

  // --- families: each takes the stripped, lower-case text and gives an instant or null ---------

  /**
   * ISO 8601 and W3C-DTF: "2024-05-07T09:15:00.250+02:00", with a space for the T, without a zone
   * (UTC), without seconds, with a zone name or a compact offset; the basic form
   * "20240507T091500Z"; a date alone (midnight UTC), and as W3C-DTF allows, a year and month, or a
   * year, alone.
   */
  private static Instant iso8601(String t) {
    DateCursor c = new DateCursor(t);
    int year = c.number(4, 4);
    if (year < 0) {
      return null;
    }
    int month = 1;
    int day = 1;
    boolean basic = false;
    boolean fullDate = false;
    if (c.take('-')) {
      month = c.number(1, 2);
      if (month < 0) {
        return null;
      }
      if (c.take('-')) {
        day = c.number(1, 2);
        if (day < 0) {
          return null;
        }
        fullDate = true;
      } else if (!c.atEnd()) {
        return null;
      }
    } else if (c.digitsAhead() == 4) {
      basic = true;
      fullDate = true;
      month = c.number(2, 2);
      day = c.number(2, 2);
    }
    if (c.atEnd()) {
      return at(year, month, day, TimeOfDay.MIDNIGHT, ZoneOffset.UTC);
    }
    if (!fullDate || (!c.take('t') && !c.spaces())) {
      return null;
    }
    int hour = c.number(1, 2);
    int minute;
    int second = 0;
    int nano = 0;
    if (hour < 0) {
      return null;
    }
    if (c.take(':')) {
      minute = c.number(2, 2);
      if (c.take(':')) {
        second = c.number(2, 2);
      }
    } else if (basic && c.digitsAhead() >= 2) {
      minute = c.number(2, 2);
      if (c.digitsAhead() >= 2) {
        second = c.number(2, 2);
      }
    } else {
      return null;
    }
    if (minute < 0 || second < 0) {
      return null;
    }
    if (c.take('.') || c.take(',')) {
      nano = c.fraction();
      if (nano < 0) {
        return null;
      }
    }
    c.spaces();
    ZoneId zone = c.atEnd() ? ZoneOffset.UTC : DateNames.zone(c.rest());
    return zone == null
        ? null
        : at(year, month, day, new TimeOfDay(hour, minute, second, nano), zone);
  }

  /**
   * RFC 822 as feeds write it: "Tue, 07 May 2024 09:15:00 GMT" with or without the weekday (never
   * checked: feeds get it wrong, and feedparser does not check it either), the space after its
   * comma, a comma after the day or month, the time (then midnight), the seconds, or the zone (then
   * UTC); the month's name in full, abbreviated ("Sept.") or in Greek, before or after the day
   * ("May 7th, 2024"); a two-digit year; a 12-hour time with am or pm; and a trailing comment such
   * as "(CEST)" or JavaScript's "(Central European Summer Time)".
   */
  private static Instant rfc822(String t) {
    String[] w = words(t);
    int i = DateNames.isWeekday(w[0]) ? 1 : 0;
    if (w.length - i < 3) {
      return null;
    }
    int day = day(w[i]);
    int month = DateNames.month(w[i + 1]);
    if (day == 0) {
      month = DateNames.month(w[i]);
      day = day(w[i + 1]);
    }
    int year = year(w[i + 2]);
    if (day == 0 || month == 0 || year < 0) {
      return null;
    }
    i += 3;
    TimeOfDay time = TimeOfDay.MIDNIGHT;
    if (i < w.length && w[i].indexOf(':') > 0) {
      time = TimeOfDay.parse(w[i++]);
      if (time != null && i < w.length && TimeOfDay.isMeridiem(w[i])) {
        time = time.meridiem(w[i++]);
      }
      if (time == null) {
        return null;
      }
    }
    ZoneId zone = ZoneOffset.UTC;
    if (i < w.length && !w[i].startsWith("(")) {
      zone = DateNames.zone(w[i++]);
      if (zone == null) {
        return null;
      }
    }
    return i == w.length || isComment(w, i) ? at(year, month, day, time, zone) : null;
  }

  /**
   * C's asctime and the dates Twitter and Unix date(1) write: "Tue May 7 09:15:00 2024", "Tue May
   * 07 09:15:00 +0000 2024", "Tue May 07 09:15:00 UTC 2024".
   */
  private static Instant asctime(String t) {
    String[] w = words(t);
    int i = DateNames.isWeekday(w[0]) ? 1 : 0;
    int left = w.length - i;
    if (left != 4 && left != 5) {
      return null;
    }
    int month = DateNames.month(w[i]);
    int day = day(w[i + 1]);
    TimeOfDay time = TimeOfDay.parse(w[i + 2]);
    ZoneId zone = left == 5 ? DateNames.zone(w[i + 3]) : ZoneOffset.UTC;
    String year = w[w.length - 1];
    if (month == 0 || day == 0 || time == null || zone == null || year.length() != 4) {
      return null;
    }
    return at(year(year), month, day, time, zone);
  }

  /** Year first with slashes, as Perforce and others write it: "Fri, 2024/05/07 09:15:00 EDT". */
  private static Instant slashed(String t) {
    String[] w = words(t);
    int i = DateNames.isWeekday(w[0]) ? 1 : 0;
    Matcher date = i < w.length ? SLASHED_DATE.matcher(w[i++]) : null;
    if (date == null || !date.matches()) {
      return null;
    }
    TimeOfDay time = TimeOfDay.MIDNIGHT;
    if (i < w.length && w[i].indexOf(':') > 0) {
      time = TimeOfDay.parse(w[i++]);
    }
    ZoneId zone = i < w.length ? DateNames.zone(w[i++]) : ZoneOffset.UTC;
    if (time == null || zone == null || i != w.length) {
      return null;
    }
    return at(number(date.group(1)), number(date.group(2)), number(date.group(3)), time, zone);
  }

  /** The Korean blog host OnBlog's dates: "2024년 05월 07일 18:15:00", Korean time. */
  private static Instant koreanOnblog(String t) {
    Matcher m = KOREAN_ONBLOG.matcher(t);
    if (!m.matches()) {
      return null;
    }
    TimeOfDay time = new TimeOfDay(number(m.group(4)), number(m.group(5)), number(m.group(6)), 0);
    return at(number(m.group(1)), number(m.group(2)), number(m.group(3)), time, KOREA);
  }

  /** The Korean portal Nate's dates: "2024-05-07 오후 6:15:00" (오전 am, 오후 pm), Korean time. */
  private static Instant koreanNate(String t) {
    Matcher m = KOREAN_NATE.matcher(t);
    if (!m.matches()) {
      return null;
    }
    TimeOfDay time =
        new TimeOfDay(number(m.group(5)), number(m.group(6)), number(m.group(7)), 0)
            .meridiem(m.group(4).equals("오전") ? "am" : "pm");
    return time == null
        ? null
        : at(number(m.group(1)), number(m.group(2)), number(m.group(3)), time, KOREA);
  }

  /** Hungarian dates as ISO 8601 with the month's name: "2024-május-07T11:15+02:00". */
  private static Instant hungarian(String t) {
    Matcher m = HUNGARIAN.matcher(t);
    if (!m.matches()) {
      return null;
    }
    Integer month = DateNames.hungarianMonth(m.group(2));
    String rest = m.group(7).strip();
    ZoneId zone = rest.isEmpty() ? ZoneOffset.UTC : DateNames.zone(rest);
    if (month == null || zone == null) {
      return null;
    }
    TimeOfDay time = new TimeOfDay(number(m.group(4)), number(m.group(5)), number(m.group(6)), 0);
    return at(number(m.group(1)), month, number(m.group(3)), time, zone);
  }

  // --- parts -----------------------------------------------------------------------------------

  /** The instant, or null when the fields name no real time (31 February, hour 25, year 0). */
  private static Instant at(int year, int month, int day, TimeOfDay time, ZoneId zone) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      return null;
    }
    try {
      return LocalDateTime.of(
              year, month, day, time.hour(), time.minute(), time.second(), time.nano())
          .atZone(zone)
          .toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The text's words, split at spaces and commas; never empty. */
  private static String[] words(String t) {
    String[] w = WORD_SEPARATORS.split(t);
    if (w.length == 0) {
      return new String[] {""}; // nothing but commas
    }
    if (w.length > 1 && w[0].isEmpty()) {
      return java.util.Arrays.copyOfRange(w, 1, w.length); // the text began with a comma
    }
    return w;
  }

  /** A day of the month written as 7, 07, 7th or 7.; 0 when the word is not one. */
  private static int day(String w) {
    String digits = w;
    if (w.length() > 2 && w.matches("\\d{1,2}(st|nd|rd|th)")) {
      digits = w.substring(0, w.length() - 2);
    } else if (w.endsWith(".")) {
      digits = w.substring(0, w.length() - 1);
    }
    if (digits.isEmpty() || digits.length() > 2 || !isDigits(digits)) {
      return 0;
    }
    int day = number(digits);
    return day >= 1 && day <= 31 ? day : 0;
  }

  /** A four-digit year, or a two-digit one (90 to 99 are 19xx, the rest 20xx); else -1. */
  private static int year(String w) {
    if ((w.length() != 4 && w.length() != 2) || !isDigits(w)) {
      return -1;
    }
    int year = number(w);
    return w.length() == 4 ? year : year + (year < 90 ? 2000 : 1900);
  }

  private static boolean isComment(String[] w, int from) {
    return w[from].startsWith("(") && w[w.length - 1].endsWith(")");
  }

  private static boolean isDigits(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A run of at most nine ASCII digits as a number; 0 for null (a missing optional part). */
  static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }
}
