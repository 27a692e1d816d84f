package pressroom.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import pressroom.text.UntrustedText;
import pressroom.web.Access.Role;

/**
 * The name shown beside a reader's comments. Stored in one form (NFC, no control or direction
 * characters, single spaces), and, for readers, never one that passes for the site or its staff:
 * "Editor", "The Moderators", "Admin team" or the site's own name would lend a reader's words an
 * authority they do not have. Staff accounts may use such names.
 */
public final class DisplayNames {
  public static final int MAX_LENGTH = 60;
  private static final Set<String> STAFF_WORDS =
      Set.of(
          "editor",
          "editors",
          "editorial",
          "moderator",
          "moderators",
          "moderation",
          "mod",
          "mods",
          "admin",
          "admins",
          "administrator",
          "administrators",
          "staff",
          "official",
          "newsroom");

  private DisplayNames() {}

  /** A name to store (null: none, the user ID shows) or the problem with it. */
  public sealed interface Outcome {
    record Ok(String name) implements Outcome {}

    record Refused(String problem) implements Outcome {}
  }

  public static Outcome check(String raw, Role role, String siteName) {
    String name = normalise(raw);
    if (name.isEmpty()) {
      return new Outcome.Ok(null);
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      return new Outcome.Refused("Use at most " + MAX_LENGTH + " characters.");
    }
    Optional<String> staffLike =
        role == Role.READER ? imitatesStaff(name, siteName) : Optional.empty();
    if (staffLike.isPresent()) {
      return new Outcome.Refused(
          "Choose a name that does not look like the site’s or its staff’s (“"
              + staffLike.get()
              + "”).");
    }
    return new Outcome.Ok(name);
  }

  /**
   * NFC, without what {@link UntrustedText} removes or any other control or format character,
   * spaces collapsed.
   */
  static String normalise(String raw) {
    if (raw == null) {
      return "";
    }
    String s = Normalizer.normalize(UntrustedText.clean(raw), Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      int type = Character.getType(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = !out.isEmpty();
      } else if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE
          || type == Character.SURROGATE) {
        // zero-width joiners and marks, invisible separators: nothing a name needs
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /** The word that makes a name read as the site's or its staff's, if any. */
  static Optional<String> imitatesStaff(String name, String siteName) {
    String folded = fold(name);
    for (String word : folded.split(" ")) {
      if (STAFF_WORDS.contains(word)) {
        return Optional.of(word);
      }
    }
    String site = fold(siteName == null ? "" : siteName);
    if (!site.isBlank() && (" " + folded + " ").contains(" " + site + " ")) {
      return Optional.of(siteName.strip());
    }
    String joinedSite = site.replace(" ", "");
    if (joinedSite.length() >= 8 && folded.replace(" ", "").contains(joinedSite)) {
      return Optional.of(siteName.strip()); // "Press Room" for Pressroom; short names only as words
    }
    return Optional.empty();
  }

  /**
   * Lower case, compatibility forms folded (fullwidth and styled letters), accents and punctuation
   * gone.
   */
  private static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); ) {
      int c = n.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(c);
      } else if (Character.getType(c) != Character.NON_SPACING_MARK
          && !out.isEmpty()
          && out.charAt(out.length() - 1) != ' ') {
        out.append(' ');
      }
    }
    return out.toString().strip();
  }
}
