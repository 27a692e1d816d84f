package pressroom.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a fetch may go: http(s) addresses with a host only, redirects resolved against the address
 * that sent them and checked the same way, and a partner's secret headers for its own origin only.
 * (Which hosts may be connected to at all is the {@link AddressPolicy}'s, at connect time.)
 */
final class Redirects {
  private Redirects() {}

  static void checkUrl(URI url) throws FetchFailure {
    String scheme = url.getScheme();
    if (scheme == null) {
      throw new FetchFailure("the feed address must start with http:// or https://");
    }
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      throw new FetchFailure(
          "only http:// and https:// feed addresses can be fetched, not " + scheme + ":");
    }
    if (url.getHost() == null) {
      throw new FetchFailure("the feed address has no valid host name");
    }
  }

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** The checked address a redirect from {@code from} with this Location header leads to. */
  static URI target(URI from, String location) throws FetchFailure {
    if (location == null || location.isBlank()) {
      throw new FetchFailure("the server redirected without saying where (no Location header)");
    }
    URI target;
    try {
      URI base =
          from.getRawPath() == null || from.getRawPath().isEmpty() ? from.resolve("/") : from;
      target = base.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new FetchFailure("the server redirected to an address that is not valid");
    }
    checkUrl(target);
    return target;
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  static int port(URI url) {
    return url.getPort() != -1
        ? url.getPort()
        : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
