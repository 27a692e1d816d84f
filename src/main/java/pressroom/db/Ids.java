package pressroom.db;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered ids (UUID version 7, RFC 9562), so any node can create rows without asking the
 * database and ids sort by creation time. Written by hand because the JDK has no v7 generator
 * before Java 26 and it is a dozen lines.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return newUuid(System.currentTimeMillis()).toString();
  }

  static UUID newUuid(long epochMillis) {
    long rand = RANDOM.nextLong();
    long msb = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (rand & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
