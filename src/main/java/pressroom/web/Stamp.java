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

    public Stamp stamp(Instant t) {
      var local = t.atZone(zone);
      return new Stamp(
          local.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
          local.format(LABEL));
    }
  }
}
