package pressroom.ingest.fetch;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether the feed fetcher may contact an address. Pure: looks at the address bytes only.
 *
 * <p>By default only public unicast addresses pass: a feed URL must not become a way to reach the
 * machine itself, the office network or the cloud provider's metadata service. Allowing private
 * addresses (for partners on an intranet, or a fake publisher in tests) opens everything except the
 * metadata services, which hold the server's cloud credentials and never serve feeds.
 */
public final class AddressPolicy {
  private final boolean allowPrivate;
  private final InetAddress treatedAsPublic;

  public AddressPolicy(boolean allowPrivateAddresses) {
    this(allowPrivateAddresses, null);
  }

  private AddressPolicy(boolean allowPrivate, InetAddress treatedAsPublic) {
    this.allowPrivate = allowPrivate;
    this.treatedAsPublic = treatedAsPublic;
  }

  /**
   * The same policy, except that {@code address} counts as a public one. Lets a test play an
   * allowed partner on loopback while every other address meets the real rules.
   */
  AddressPolicy treating(InetAddress address) {
    return new AddressPolicy(allowPrivate, Objects.requireNonNull(address, "address"));
  }

  /** True when private addresses are allowed, so a refusal can say how to allow one. */
  public boolean allowsPrivate() {
    return allowPrivate;
  }

  public boolean allows(InetAddress address) {
    return refusal(address).isEmpty();
  }

  /**
   * Why {@code address} may not be contacted, as the words after "is" in a sentence ("a loopback
   * address"), or empty when it may.
   */
  public Optional<String> refusal(InetAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.equals(treatedAsPublic)) {
      return Optional.empty();
    }
    Optional<String> kind = kind(address);
    if (kind.isEmpty() || (allowPrivate && !kind.get().equals(METADATA))) {
      return Optional.empty();
    }
    return kind;
  }

  static final String METADATA = "a cloud metadata address";

  /** What kind of non-public address this is ("a private address"), or empty for a public one. */
  public static Optional<String> kind(InetAddress address) {
    byte[] b = address.getAddress();
    return Optional.ofNullable(b.length == 4 ? kindV4(b, 0) : kindV6(b));
  }

  private static String kindV4(byte[] bytes, int at) {
    int a = bytes[at] & 0xff;
    int b = bytes[at + 1] & 0xff;
    int c = bytes[at + 2] & 0xff;
    int d = bytes[at + 3] & 0xff;
    if (isMetadataV4(a, b, c, d)) {
      return METADATA;
    }
    if (a == 0) {
      return a + b + c + d == 0 ? "an unspecified address" : "a reserved address";
    }
    if (a == 127) {
      return "a loopback address";
    }
    if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
      return "a private address";
    }
    if (a == 100 && (b & 0xc0) == 64) {
      return "a carrier-grade NAT address";
    }
    if (a == 169 && b == 254) {
      return "a link-local address";
    }
    if (a >= 224 && a <= 239) {
      return "a multicast address";
    }
    if (a == 255 && b == 255 && c == 255 && d == 255) {
      return "a broadcast address";
    }
    if (a >= 240
        || (a == 192 && b == 0 && (c == 0 || c == 2)) // protocol assignments, documentation
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 198 && (b & 0xfe) == 18) // benchmarking
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)) {
      return "a reserved address";
    }
    return null;
  }

  private static boolean isMetadataV4(int a, int b, int c, int d) {
    return (a == 169 && b == 254 && c == 169 && d == 254) // AWS, GCP, Azure, OpenStack, ...
        || (a == 169 && b == 254 && c == 170 && d == 2) // AWS ECS task credentials
        || (a == 100 && b == 100 && c == 100 && d == 200) // Alibaba Cloud
        || (a == 192 && b == 0 && c == 0 && d == 192); // Oracle Cloud
  }

  private static String kindV6(byte[] b) {
    if (allZero(b, 0, 16)) {
      return "an unspecified address";
    }
    if (allZero(b, 0, 15) && b[15] == 1) {
      return "a loopback address";
    }
    // Addresses that carry an IPv4 address inside are judged by that address.
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return kindV4(b, 12); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (allZero(b, 0, 12)) {
      return kindV4(b, 12); // IPv4-compatible ::a.b.c.d (deprecated)
    }
    int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    if (first == 0x64 && second == 0xff9b && allZero(b, 4, 12)) {
      return kindV4(b, 12); // NAT64 64:ff9b::a.b.c.d
    }
    if (first == 0x2002) {
      return kindV4(b, 2); // 6to4 2002:aabb:ccdd::
    }
    if (first == 0xfd00 && second == 0x0ec2 && allZero(b, 4, 14) && b[14] == 2 && b[15] == 0x54) {
      return METADATA; // AWS fd00:ec2::254
    }
    if ((first & 0xfe00) == 0xfc00) {
      return "a private address";
    }
    if ((first & 0xffc0) == 0xfe80) {
      return "a link-local address";
    }
    if ((first & 0xffc0) == 0xfec0) {
      return "a private address"; // site-local (deprecated)
    }
    if ((first & 0xff00) == 0xff00) {
      return "a multicast address";
    }
    // Teredo tunnels hide an IPv4 address; documentation addresses route nowhere.
    if (first == 0x2001 && (second == 0 || second == 0x0db8)) {
      return "a reserved address";
    }
    if ((first & 0xe000) != 0x2000) {
      return "a reserved address"; // outside 2000::/3, the only global unicast block
    }
    return null;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "AddressPolicy[" + (allowPrivate ? "private allowed" : "public only") + "]";
  }
}
