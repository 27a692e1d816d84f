package pressroom.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A moment as a {@code <time>} element shows it: machine-readable and in the site's zone. */
public record Stamp(String iso, String label) {

  /** Formats instants in one time zone; immutable, shared. */
  public record Clock(ZoneId zone) {
    private static final DateTimeFormatter LABEL =
        DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private static final DateTimeFormatter DAY =
        DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The day of {@code t} in this zone, as a reader reads it: "1 November 2026". */
    public String day(Instant t) {
      return t.atZone(zone).format(DAY);
    }

    public Stamp stamp(Instant t) {
      var local = t.atZone(zone);
      return new Stamp(
          local.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          local.format(LABEL));
    }
  }
}
