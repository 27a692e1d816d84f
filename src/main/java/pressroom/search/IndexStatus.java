package pressroom.search;

import java.util.Locale;

/**
 * The index's state, with {@code indexed} articles so far of about {@code expected} (0: unknown)
 * while building.
 */
public record IndexStatus(IndexStatus.State state, long indexed, long expected) {
  /** What the index is doing. */
  public enum State {
    /** Complete and following the change log. */
    READY,
    /** Being built from empty: searches find only what is indexed so far. */
    BUILDING,
    /** Being read again from the database: searches use the previous documents meanwhile. */
    REBUILDING,
    /** Applying the changes made while this node was down (a restart): seconds. */
    CATCHING_UP;

    /** As the API spells it. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Searches may miss articles or show old text: readers are told so. */
  public boolean incomplete() {
    return state == State.BUILDING || state == State.REBUILDING;
  }
}
