package pressroom.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plain check that a string looks like a deliverable e-mail address, and the form addresses are
 * unique in. Whether the address really reaches the reader is settled by the verification mail, so
 * this only catches typing mistakes. Pure.
 */
public final class EmailAddresses {
  static final int MAX_LENGTH = 254;
  static final int MAX_LOCAL_LENGTH = 64;

  static final String EMPTY = "Enter your e-mail address.";
  static final String TOO_LONG = "Use an e-mail address of at most 254 characters.";
  static final String SPACES = "An e-mail address cannot contain spaces.";
  static final String ONE_AT = "An e-mail address has one @, as in name@example.org.";
  static final String LOCAL = "Put 1 to 64 characters before the @, as in name@example.org.";
  static final String LOCAL_CHARACTERS =
      "Check the part before the @: it cannot hold , ; : < > ( ) [ ] \\ \" or stray dots.";
  static final String DOMAIN = "Put a domain after the @, as in name@example.org.";

  // Unquoted local parts only: quoted ones ("a b"@example.org) are legal but not worth the risk.
  private static final String ATOM = "[^.,;:<>()\\[\\]\\\\\"]+";
  private static final Pattern LOCAL_PART = Pattern.compile(ATOM + "(?:\\." + ATOM + ")*");
  private static final Pattern LABEL =
      Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?");

  private EmailAddresses() {}

  /** The problems with {@code email} (surrounding spaces ignored); empty when it looks right. */
  public static List<String> problems(String email) {
    String address = Objects.requireNonNull(email, "email").strip();
    if (address.isEmpty()) {
      return List.of(EMPTY);
    }
    List<String> problems = new ArrayList<>();
    if (address.codePointCount(0, address.length()) > MAX_LENGTH) {
      problems.add(TOO_LONG);
    }
    if (address.codePoints().anyMatch(EmailAddresses::isSpaceOrControl)) {
      problems.add(SPACES);
    }
    int at = address.indexOf('@');
    if (at < 0 || at != address.lastIndexOf('@')) {
      problems.add(ONE_AT);
      return List.copyOf(problems);
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.isEmpty() || local.codePointCount(0, local.length()) > MAX_LOCAL_LENGTH) {
      problems.add(LOCAL);
    } else if (!LOCAL_PART.matcher(local).matches()) {
      problems.add(LOCAL_CHARACTERS);
    }
    if (!isDomain(domain)) {
      problems.add(DOMAIN);
    }
    return List.copyOf(problems);
  }

  /** The form e-mail addresses are unique in ({@code accounts.email_key}). */
  public static String key(String email) {
    return Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
  }

  private static boolean isSpaceOrControl(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }

  /** Two or more dot-separated labels of letters, digits and inner hyphens (Unicode allowed). */
  private static boolean isDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
