package pressroom.ingest.formats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day as written, not yet checked against the calendar (that is {@link FeedDates}' job).
 */
record TimeOfDay(int hour, int minute, int second, int nano) {
  static final TimeOfDay MIDNIGHT = new TimeOfDay(0, 0, 0, 0);

  private static final Pattern CLOCK =
      Pattern.compile(
          "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?(am|pm|a\\.m\\.|p\\.m\\.)?");

  /** "9:15", "09:15:00", "09:15:00.250", "9:15pm"; null for anything else. */
  static TimeOfDay parse(String w) {
    Matcher m = CLOCK.matcher(w);
    if (!m.matches()) {
      return null;
    }
    String fraction = m.group(4);
    int nano = fraction == null ? 0 : FeedDates.number((fraction + "00000000").substring(0, 9));
    TimeOfDay time =
        new TimeOfDay(
            FeedDates.number(m.group(1)),
            FeedDates.number(m.group(2)),
            FeedDates.number(m.group(3)),
            nano);
    return m.group(5) == null ? time : time.meridiem(m.group(5));
  }

  static boolean isMeridiem(String w) {
    return w.equals("am") || w.equals("pm") || w.equals("a.m.") || w.equals("p.m.");
  }

  /** This 12-hour time on the 24-hour clock; null when the hour is not 1 to 12. */
  TimeOfDay meridiem(String amPm) {
    if (hour < 1 || hour > 12) {
      return null;
    }
    boolean pm = amPm.startsWith("p");
    int h = hour == 12 ? (pm ? 12 : 0) : (pm ? hour + 12 : hour);
    return new TimeOfDay(h, minute, second, nano);
  }
}
