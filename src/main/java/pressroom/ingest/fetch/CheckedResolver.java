package pressroom.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a host name for Jetty's connector, then refuses it if any of its addresses fails the
 * {@link AddressPolicy}.
 *
 * <p>The connector connects to exactly the addresses this hands over and never looks the name up
 * again, so the check holds for the connection actually made: a name that resolves to a public
 * address when checked and to an internal one a moment later (DNS rebinding) gets nowhere. One bad
 * address refuses the whole name rather than being filtered out: a partner's name that points
 * inside is a misconfiguration or an attack, and either way the editor should hear about it.
 */
final class CheckedResolver implements SocketAddressResolver {
  private final SocketAddressResolver dns;
  private final AddressPolicy policy;

  CheckedResolver(SocketAddressResolver dns, AddressPolicy policy) {
    this.dns = dns;
    this.policy = policy;
  }

  @Override
  public void resolve(
      String host,
      int port,
      Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    dns.resolve(
        host,
        port,
        context,
        new Promise<>() {
          @Override
          public void succeeded(List<InetSocketAddress> addresses) {
            if (addresses.isEmpty()) {
              promise.failed(new UnknownHostException(host));
              return;
            }
            for (InetSocketAddress socketAddress : addresses) {
              InetAddress address = socketAddress.getAddress();
              if (address == null) {
                promise.failed(new UnknownHostException(host));
                return;
              }
              Optional<String> refusal = policy.refusal(address);
              if (refusal.isPresent()) {
                promise.failed(new FetchFailure(refusalReason(host, address, refusal.get())));
                return;
              }
            }
            promise.succeeded(addresses);
          }

          @Override
          public void failed(Throwable failure) {
            promise.failed(failure);
          }
        });
  }

  private String refusalReason(String host, InetAddress address, String kind) {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    String ip = address.getHostAddress();
    boolean literal = name.contains(":") || name.matches("[0-9.]+");
    // Name the address when the literal hides it (2130706433 is 127.0.0.1), not to respell IPv6.
    boolean disguised = !name.equalsIgnoreCase(ip) && !(address instanceof Inet6Address);
    String what =
        literal
            ? name + " is " + kind + (disguised ? " (" + ip + ")" : "")
            : name + " resolves to " + kind + " (" + ip + ")";
    String remedy =
        kind.equals(AddressPolicy.METADATA)
            ? "; feeds are never fetched from it"
            : "; set PRESSROOM_INGEST_ALLOW_PRIVATE=true to allow it";
    return "refused: " + what + remedy;
  }
}
