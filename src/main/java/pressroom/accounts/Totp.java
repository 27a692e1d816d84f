package pressroom.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, six
 * digits, what every authenticator app reads from an otpauth URI. Pure: the time is an argument.
 * Written here (the HMAC is the JDK's) because the libraries on offer bring NTP clients, image
 * writers or coroutines, and none takes our InstantSource; the RFC's test vectors check it.
 */
public final class Totp {
  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new 160-bit secret, the HMAC-SHA1 key length RFC 4226 recommends. */
  static byte[] newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return key;
  }

  /** The time step an instant falls in (RFC 6238's T, with T0 = 0). */
  static long step(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of one step, {@code digits} long, zero-padded (RFC 4226 section 5.3). */
  static String code(byte[] key, long step, int digits) {
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA1", e);
    }
    int offset = hash[hash.length - 1] & 0x0F;
    int binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7FFF_FFFF;
    long modulus = (long) Math.pow(10, digits);
    return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
  }

  /**
   * The step whose code {@code typed} is, among the step of {@code now} and one either side (a
   * phone's clock a little off, a code typed as it turned), or empty.
   */
  static OptionalLong matchingStep(byte[] key, String typed, Instant now) {
    if (typed == null || !typed.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    for (long s = current - 1; s <= current + 1; s++) {
      // Every step is compared, in constant time, so the time taken tells nothing.
      if (MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII), given)
          && found.isEmpty()) {
        found = OptionalLong.of(s);
      }
    }
    return found;
  }

  /** RFC 4648 base32 without padding, as otpauth URIs and authenticator apps write keys. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** Reads base32 (any case; spaces, hyphens and padding ignored). */
  static byte[] fromBase32(String text) {
    String clean = text.toUpperCase(Locale.ROOT).replaceAll("[\\s=-]", "");
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("not base32: " + c);
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return out.array();
  }
}
