package pressroom.accounts;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes and checks passwords with Argon2id, stored as PHC strings ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). Never logs, and never puts a password in an exception
 * message.
 *
 * <p>password4j does the Argon2 work; the PHC string is written and read here because the library
 * lower- and upper-cases the variant name in the default locale, which breaks under a Turkish
 * locale ("ID" → "ıd").
 */
public final class Passwords {
  /** OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane. */
  static final int MEMORY_KIB = 19_456;

  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int HASH_BYTES = 32;
  static final int SALT_BYTES = 16;

  // Bounds on a stored hash's parameters, so a damaged row cannot ask for absurd memory or time.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 100;
  private static final int MAX_PARALLELISM = 16;

  // PHC strings use standard Base64 without padding.
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=(16|19)\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})"
              + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");

  /**
   * The outcome of checking a password. {@code rehashed} is a fresh hash of the same password with
   * the current parameters when it matched a hash made with other ones; store it in place of the
   * old one. Otherwise it is null.
   */
  public record Verification(boolean matches, String rehashed) {
    public Verification {
      if (rehashed != null && !matches) {
        throw new IllegalArgumentException("only a matching password can be rehashed");
      }
    }

    static final Verification NO_MATCH = new Verification(false, null);
    static final Verification MATCH = new Verification(true, null);
  }

  private final Settings settings;
  private final Argon2Function function;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;

  /** Argon2id with OWASP's recommended parameters. */
  public Passwords() {
    this(MEMORY_KIB, ITERATIONS, PARALLELISM);
  }

  /** Other parameters: tests use cheap ones, and older ones to exercise rehashing. */
  Passwords(int memoryKib, int iterations, int parallelism) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM);
    }
    if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException(
          "memory must be 8 × parallelism to " + MAX_MEMORY_KIB + " KiB");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations must be 1 to " + MAX_ITERATIONS);
    }
    this.settings =
        new Settings(
            Argon2Function.ARGON2_VERSION_13,
            memoryKib,
            iterations,
            parallelism,
            SALT_BYTES,
            HASH_BYTES);
    this.function = settings.function();
    // A stored value no password matches, with today's parameters: verifyDummy checks against
    // it, so a missing account costs the same Argon2 work as a real one. A check's cost depends
    // on the parameters only, so random salt and hash bytes do; hashing a secret would spend a
    // fifth of a second of every start for the same effect.
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    this.dummyHash =
        settings.phcPrefix() + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** A new PHC string for {@code password}, with a fresh random salt. */
  public String hash(String password) {
    byte[] bytes = bytesOf(password);
    try {
      return hashBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Whether {@code password} matches {@code storedHash}, plus a replacement hash when the stored
   * one used other parameters. A stored value that is not an Argon2id PHC string (for example a "!"
   * that disables password sign-in) matches nothing, after the same work as a real check.
   */
  public Verification verify(String password, String storedHash) {
    Objects.requireNonNull(storedHash, "storedHash");
    byte[] bytes = bytesOf(password);
    try {
      Stored stored = Stored.parse(storedHash);
      if (stored == null) {
        verifyBytes(bytes, Stored.parse(dummyHash));
        return Verification.NO_MATCH;
      }
      if (!verifyBytes(bytes, stored)) {
        return Verification.NO_MATCH;
      }
      return stored.settings().equals(settings)
          ? Verification.MATCH
          : new Verification(true, hashBytes(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * Spends the time of a real {@link #verify} and answers nothing. Call it when no account has the
   * user ID or e-mail given, so that an unknown one takes as long to refuse as a known one.
   */
  public void verifyDummy(String password) {
    verify(password, dummyHash);
  }

  private String hashBytes(byte[] password) {
    byte[] salt = new byte[settings.saltBytes()];
    random.nextBytes(salt);
    byte[] hash = function.hash(password, salt).getBytes();
    return settings.phcPrefix() + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  private static boolean verifyBytes(byte[] password, Stored stored) {
    byte[] computed = stored.settings().function().hash(password, stored.salt()).getBytes();
    return MessageDigest.isEqual(computed, stored.hash());
  }

  /** NFC first, so the same password typed on different keyboards gives the same bytes. */
  private static byte[] bytesOf(String password) {
    Objects.requireNonNull(password, "password");
    return Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
  }

  /** Everything that, when it differs from the current settings, calls for a rehash. */
  private record Settings(
      int version, int memoryKib, int iterations, int parallelism, int saltBytes, int hashBytes) {
    Argon2Function function() {
      return Argon2Function.getInstance(
          memoryKib, iterations, parallelism, hashBytes, Argon2.ID, version);
    }

    String phcPrefix() {
      return "$argon2id$v="
          + version
          + "$m="
          + memoryKib
          + ",t="
          + iterations
          + ",p="
          + parallelism
          + "$";
    }
  }

  /** A parsed PHC string, or null from {@link #parse} when it is not one we can check. */
  private record Stored(Settings settings, byte[] salt, byte[] hash) {
    static Stored parse(String phc) {
      Matcher m = PHC.matcher(phc);
      if (!m.matches()) {
        return null;
      }
      try {
        int version = Integer.parseInt(m.group(1));
        int memory = Integer.parseInt(m.group(2));
        int iterations = Integer.parseInt(m.group(3));
        int parallelism = Integer.parseInt(m.group(4));
        byte[] salt = Base64.getDecoder().decode(m.group(5));
        byte[] hash = Base64.getDecoder().decode(m.group(6));
        boolean sane =
            parallelism >= 1
                && parallelism <= MAX_PARALLELISM
                && memory >= 8 * parallelism
                && memory <= MAX_MEMORY_KIB
                && iterations >= 1
                && iterations <= MAX_ITERATIONS
                && salt.length >= 8
                && hash.length >= 16;
        if (!sane) {
          return null;
        }
        return new Stored(
            new Settings(version, memory, iterations, parallelism, salt.length, hash.length),
            salt,
            hash);
      } catch (IllegalArgumentException e) { // bad Base64
        return null;
      }
    }
  }
}
