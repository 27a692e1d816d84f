package pressroom.search;

import java.time.Duration;
import java.util.Locale;

/** The time spans offered as date filters, newest first: key, label, length. */
public enum DateSpan {
  DAY("Past 24 hours", Duration.ofDays(1)),
  WEEK("Past week", Duration.ofDays(7)),
  MONTH("Past month", Duration.ofDays(30)),
  YEAR("Past year", Duration.ofDays(365));

  public final String label;
  public final Duration length;

  DateSpan(String label, Duration length) {
    this.label = label;
    this.length = length;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
