package pressroom.reader;

/** What the comment area under an article offers the visitor reading it. */
public enum CommentArea {
  /** A signed-in, verified reader in good standing: the comment form. */
  OPEN,
  /** Nobody signed in: how to sign in or register. */
  ANONYMOUS,
  /** Signed in, e-mail not yet confirmed: how to confirm it. */
  UNVERIFIED,
  /** Suspended: until when. */
  SUSPENDED,
  /** The article takes no comments (closed by staff, or by age). */
  CLOSED
}
