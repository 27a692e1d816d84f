package pressroom.net;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who a request comes from, for rate limits: the connection's address, unless that is one of the
 * operator's trusted proxies ({@code PRESSROOM_TRUSTED_PROXIES}); then X-Forwarded-For is read from
 * the right, past every trusted hop, to the first address a proxy of ours did not add. A client can
 * write anything into the header, so only what trusted proxies appended counts.
 */
public final class ClientAddress {
  private final InetAddressSet trusted = new InetAddressSet();
  private final boolean any;

  /**
   * @param patterns addresses and CIDR ranges (192.0.2.7, 10.0.0.0/8, 2001:db8::/32)
   * @throws IllegalArgumentException naming the first pattern that is not one
   */
  public ClientAddress(List<String> patterns) {
    for (String p : patterns) {
      String pattern = p.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      if (!pattern.matches(
          "(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(/\\d{1,3})?")) {
        throw new IllegalArgumentException(
            "'" + pattern + "' is not an IP address or CIDR range such as 10.0.0.0/8");
      }
      try {
        trusted.add(pattern);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "'" + pattern + "' is not an IP address or CIDR range such as 10.0.0.0/8");
      }
    }
    any = !trusted.isEmpty();
  }

  /** Splits the setting's value: addresses and ranges separated by commas or spaces. */
  public static List<String> parse(String setting) {
    List<String> out = new ArrayList<>();
    for (String s : setting.split("[,\\s]+")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * The client's address, given the connection's peer and the X-Forwarded-For header (may be null).
   */
  public String of(String peer, String forwardedFor) {
    if (!any || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = bare(hops[i].strip());
      if (!hop.matches("\\d{1,3}(\\.\\d{1,3}){3}")
          && !hop.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
        return client; // garbage: stop at the last hop we could trust
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    String a = bare(address);
    // Only literals: getByName would ask DNS about anything else, and the header is the client's.
    if (!a.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !a.contains(":")) {
      return false;
    }
    try {
      return trusted.test(java.net.InetAddress.getByName(a));
    } catch (java.net.UnknownHostException | IllegalArgumentException e) {
      return false;
    }
  }

  /** "[2001:db8::1]" and "192.0.2.1:1234" as written by some proxies, without brackets and port. */
  private static String bare(String address) {
    String a = address;
    if (a.startsWith("[") && a.contains("]")) {
      return a.substring(1, a.indexOf(']'));
    }
    if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':') && a.contains(".")) {
      return a.substring(0, a.indexOf(':'));
    }
    return a;
  }
}
