package pressroom.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What is wrong with a new user ID. IDs are plain ASCII (letters, digits, {@code . _ -}) so they
 * read the same everywhere, cannot imitate each other with look-alike letters, and never contain an
 * {@code @}, which lets the sign-in box tell a user ID from an e-mail address. Pure.
 */
public final class UserIdPolicy {
  static final int MIN_LENGTH = 3;
  static final int MAX_LENGTH = 30;

  static final String LENGTH = "Use 3 to 30 characters.";
  static final String CHARACTERS =
      "Use only the letters a-z and A-Z, the digits 0-9, and . _ - (no spaces or accents).";
  static final String ENDS = "Start and end with a letter or a digit.";
  static final String RESERVED = "This user ID is reserved.";

  /**
   * Names that look official or would confuse mail and web addresses. Compared ignoring case and
   * the separators {@code . _ -}, so "No_Reply" and "ad.min" are refused too.
   */
  private static final Set<String> RESERVED_NAMES =
      Set.of(
          "abuse",
          "account",
          "accounts",
          "admin",
          "administrator",
          "admins",
          "anon",
          "anonymous",
          "api",
          "billing",
          "contact",
          "deleted",
          "editor",
          "editors",
          "email",
          "guest",
          "help",
          "helpdesk",
          "hostmaster",
          "info",
          "legal",
          "login",
          "logout",
          "mail",
          "mailerdaemon",
          "mod",
          "moderator",
          "moderators",
          "mods",
          "newsroom",
          "nil",
          "nobody",
          "none",
          "noreply",
          "null",
          "official",
          "owner",
          "postmaster",
          "pressroom",
          "privacy",
          "register",
          "removed",
          "root",
          "security",
          "signin",
          "signout",
          "signup",
          "staff",
          "superuser",
          "support",
          "sysadmin",
          "system",
          "undefined",
          "unknown",
          "webmaster",
          "www");

  private UserIdPolicy() {}

  /** The problems with {@code userId} as a new user ID; empty when it can be used. */
  public static List<String> problems(String userId) {
    Objects.requireNonNull(userId, "userId");
    List<String> problems = new ArrayList<>();
    int length = userId.codePointCount(0, userId.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      problems.add(LENGTH);
    }
    if (!userId.chars().allMatch(UserIdPolicy::allowed)) {
      problems.add(CHARACTERS);
    }
    if (!userId.isEmpty()
        && !(letterOrDigit(userId.charAt(0))
            && letterOrDigit(userId.charAt(userId.length() - 1)))) {
      problems.add(ENDS);
    }
    if (RESERVED_NAMES.contains(key(userId).replaceAll("[._-]", ""))) {
      problems.add(RESERVED);
    }
    return List.copyOf(problems);
  }

  /** The form user IDs are unique in, ignoring case ({@code accounts.user_id_key}). */
  public static String key(String userId) {
    return Objects.requireNonNull(userId, "userId").toLowerCase(Locale.ROOT);
  }

  private static boolean allowed(int c) {
    return letterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }

  private static boolean letterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
