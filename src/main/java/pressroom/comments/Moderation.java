package pressroom.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides what happens to a new comment. Pure: every fact it needs is handed in. */
public final class Moderation {
  /** Words that reject a comment at once. */
  static final Set<String> BANNED =
      Set.of("viagra", "cialis", "casino bonus", "payday loan", "crypto giveaway");

  /** Words that send a comment to a moderator first. */
  static final Set<String> SUSPECT =
      Set.of("idiot", "stupid", "moron", "scam", "liar", "click here", "buy now");

  static final int NEW_ACCOUNT_COMMENTS = 3;
  static final int MAX_LINKS = 2;

  private Moderation() {}

  public sealed interface Decision {
    record Publish() implements Decision {}

    record Hold(List<String> reasons) implements Decision {}

    record Reject(String message) implements Decision {}
  }

  /**
   * What is known when a comment arrives.
   *
   * @param approvedBefore how many of the author's comments were published before
   * @param duplicate the author posted the same text recently
   * @param staff the author moderates (or edits, or runs) the site: never waits as a newcomer nor
   *     for pre-moderation, the moderators' own queue
   */
  public record Facts(
      boolean preModerated,
      int approvedBefore,
      boolean duplicate,
      SpamFilter.Score spam,
      boolean staff) {
    public Facts(boolean preModerated, int approvedBefore, boolean duplicate) {
      this(preModerated, approvedBefore, duplicate, new SpamFilter.Score(0, List.of()), false);
    }
  }

  public static Decision decide(String text, Facts facts) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String banned : BANNED) {
      if (lower.contains(banned)) {
        return new Decision.Reject(
            "Your comment contains words that are not allowed here (“" + banned + "”).");
      }
    }
    List<String> reasons = new ArrayList<>();
    if (facts.preModerated() && !facts.staff()) {
      reasons.add("this section is pre-moderated");
    }
    if (facts.approvedBefore() < NEW_ACCOUNT_COMMENTS && !facts.staff()) {
      reasons.add("one of the first " + NEW_ACCOUNT_COMMENTS + " comments of a new account");
    }
    if (CommentText.links(text) > MAX_LINKS) {
      reasons.add("more than " + MAX_LINKS + " links");
    }
    if (facts.duplicate()) {
      reasons.add("the same text as a recent comment");
    }
    if (facts.spam().probability() >= SpamFilter.HOLD_AT) {
      reasons.add(
          String.format(
              Locale.ROOT,
              "likely spam or abuse (score %.2f: %s)",
              facts.spam().probability(),
              String.join(", ", facts.spam().reasons())));
    }
    for (String word : SUSPECT) {
      if (lower.contains(word)) {
        reasons.add("suspect words (“" + word + "”)");
      }
    }
    return reasons.isEmpty() ? new Decision.Publish() : new Decision.Hold(List.copyOf(reasons));
  }
}
