package pressroom.articles;

/**
 * How a section takes comments, as the staff choose it: the two stored settings (open or closed,
 * pre- or post-moderated) read as one of three policies.
 */
public enum CommentPolicy {
  /** Comments appear at once; moderators look afterwards. */
  OPEN("open", "Open"),
  /** Every comment waits for a moderator before readers see it. */
  PRE_MODERATED("pre-moderated", "Pre-moderated"),
  /** No new comments. */
  CLOSED("closed", "Closed");

  private final String formValue;
  private final String label;

  CommentPolicy(String formValue, String label) {
    this.formValue = formValue;
    this.label = label;
  }

  /** What a form sends for this policy. */
  public String formValue() {
    return formValue;
  }

  public String label() {
    return label;
  }

  /** The policy a form sent, or null when it names none. */
  public static CommentPolicy fromForm(String value) {
    for (CommentPolicy p : values()) {
      if (p.formValue.equals(value)) {
        return p;
      }
    }
    return null;
  }

  /** The policy the stored settings amount to. */
  static CommentPolicy of(boolean open, String moderation) {
    return !open ? CLOSED : "pre".equals(moderation) ? PRE_MODERATED : OPEN;
  }
}
