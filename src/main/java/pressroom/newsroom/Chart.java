package pressroom.newsroom;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A count per hour drawn as an SVG bar chart on the server (a path, so a week is one element, not
 * 168), with its totals per day for the table behind it. No script, no library: the shape is a few
 * lines of arithmetic, and the colour comes from the page's CSS, dark mode included.
 */
public record Chart(long[] hours, long max, long total, String path, List<Day> days) {
  static final int BAR = 3;
  static final int HEIGHT = 40;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM HH:00", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** One day's total, for the table. */
  public record Day(String label, long count) {}

  static Chart of(long[] hours, Instant since) {
    long max = 0;
    long total = 0;
    for (long h : hours) {
      max = Math.max(max, h);
      total += h;
    }
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < hours.length; i++) {
      if (hours[i] > 0) {
        long height = Math.max(1, Math.round((double) hours[i] / max * HEIGHT));
        d.append('M')
            .append(i * BAR)
            .append(',')
            .append(HEIGHT)
            .append('v')
            .append(-height)
            .append('h')
            .append(BAR - 1)
            .append('v')
            .append(height)
            .append('z');
      }
    }
    List<Day> days = new ArrayList<>();
    for (int from = 0; from < hours.length; from += 24) {
      long sum = 0;
      for (int i = from; i < Math.min(hours.length, from + 24); i++) {
        sum += hours[i];
      }
      days.add(new Day(DAY.format(since.plusSeconds(from * 3600L)), sum));
    }
    return new Chart(hours, max, total, d.toString(), days);
  }

  public int width() {
    return hours.length * BAR;
  }

  public int height() {
    return HEIGHT;
  }
}
