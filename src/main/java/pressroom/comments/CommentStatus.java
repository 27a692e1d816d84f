package pressroom.comments;

import java.util.Locale;

/** Where a comment stands; stored (and shown in the API) as the lower-case name. */
public enum CommentStatus {
  /** Shown in its thread. */
  PUBLISHED,
  /** Held or hidden until a moderator decides. */
  PENDING,
  REJECTED,
  /** Deleted by its author: a tombstone keeps its place so replies keep their context. */
  DELETED;

  /** The value in the comments.status column. */
  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CommentStatus of(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
