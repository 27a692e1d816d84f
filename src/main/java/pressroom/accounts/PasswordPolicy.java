package pressroom.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is wrong with a new password, in words a reader can act on. Pure: no I/O after the bundled
 * list of common passwords is read once. Any character is allowed, spaces and emoji included;
 * length is counted in characters as a reader sees them (code points after NFC).
 */
public final class PasswordPolicy {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 256;

  static final String TOO_SHORT = "Use at least 10 characters.";
  static final String TOO_LONG = "Use at most 256 characters.";
  static final String TOO_COMMON = "This password is too common; choose another.";
  static final String TOO_SIMPLE =
      "Avoid repeats and simple sequences like aaaaaaaaaa, 1234567890 or qwertyuiop.";
  static final String PERSONAL = "Do not use your user ID or e-mail address in your password.";

  private static final String COMMON_LIST = "/accounts/common-passwords.txt";
  private static final Set<String> COMMON = readCommon();

  /** Orders people type without thinking: alphabet, digits, keyboard rows and columns. */
  private static final List<String> SEQUENCES =
      List.of(
          "abcdefghijklmnopqrstuvwxyz",
          "0123456789",
          "!@#$%^&*()",
          "qwertyuiop",
          "asdfghjkl",
          "zxcvbnm",
          "qwertyuiopasdfghjklzxcvbnm",
          "qwertzuiop",
          "azertyuiop",
          "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
          "qazwsxedcrfvtgbyhnujmikolp");

  /** A group this short, said over and over, is as weak as one character repeated. */
  private static final int MAX_REPEATED_GROUP = 4;

  private PasswordPolicy() {}

  /**
   * The problems with {@code password} for the account {@code userId} / {@code email}; empty when
   * it is acceptable. {@code userId} and {@code email} may be null when not known yet.
   */
  public static List<String> problems(String password, String userId, String email) {
    Objects.requireNonNull(password, "password");
    String normal = Normalizer.normalize(password, Normalizer.Form.NFC);
    int length = normal.codePointCount(0, normal.length());
    if (length > MAX_LENGTH) {
      return List.of(TOO_LONG); // the other checks would only add noise
    }
    List<String> problems = new ArrayList<>();
    if (length < MIN_LENGTH) {
      problems.add(TOO_SHORT);
    }
    String lower = normal.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      problems.add(TOO_COMMON);
    } else if (length > 1 && isSimple(lower)) {
      problems.add(TOO_SIMPLE);
    }
    if (containsPart(lower, userId) || containsPart(lower, localPart(email))) {
      problems.add(PERSONAL);
    }
    return List.copyOf(problems);
  }

  /** A short group said over and over ("aaaaaaaaaa", "abcabcabca") or a run along a sequence. */
  static boolean isSimple(String lower) {
    int[] cps = lower.codePoints().toArray();
    for (int group = 1; group <= MAX_REPEATED_GROUP && 2 * group <= cps.length; group++) {
      if (repeatsEvery(cps, group)) {
        return true;
      }
    }
    for (String sequence : SEQUENCES) {
      if (runsAlong(lower, sequence)
          || runsAlong(lower, new StringBuilder(sequence).reverse().toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean repeatsEvery(int[] cps, int group) {
    for (int i = group; i < cps.length; i++) {
      if (cps[i] != cps[i - group]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} follows {@code sequence}, wrapping round (…7890123…). */
  private static boolean runsAlong(String text, String sequence) {
    return sequence.repeat(text.length() / sequence.length() + 2).contains(text);
  }

  private static boolean containsPart(String lowerPassword, String part) {
    if (part == null) {
      return false;
    }
    String p = Normalizer.normalize(part.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return p.codePointCount(0, p.length()) >= 3 && lowerPassword.contains(p);
  }

  private static String localPart(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    return at < 0 ? email : email.substring(0, at);
  }

  private static Set<String> readCommon() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_LIST)) {
      if (in == null) {
        throw new IllegalStateException(COMMON_LIST + " is missing from the jar");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + COMMON_LIST, e);
    }
  }
}
