package pressroom.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * An expected failure of a fetch, already in plain words for the editor, and the words for the
 * failures that libraries report. An IOException so it can leave a stream or a resolver.
 */
final class FetchFailure extends IOException {
  FetchFailure(String reason) {
    super(reason);
  }

  static FetchFailure timedOut(Duration totalTimeout) {
    return new FetchFailure("timed out after " + seconds(totalTimeout));
  }

  /** Plain words for a failed exchange with {@code url}. */
  static String describe(
      Throwable failure, URI url, Duration connectTimeout, Duration totalTimeout) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FetchFailure known) {
        return known.getMessage();
      }
    }
    String where = url.getHost() + ":" + Redirects.port(url);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException) {
        return timedOut(totalTimeout).getMessage();
      }
      if (t instanceof SocketTimeoutException) {
        return "could not connect to " + where + " within " + seconds(connectTimeout);
      }
      if (t instanceof UnknownHostException) {
        return "could not find the server " + url.getHost() + " (no such name in DNS)";
      }
      if (t instanceof NoRouteToHostException) {
        return "no network route to " + where;
      }
      if (t instanceof ConnectException) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("refused")
            ? "connection refused by " + where
            : "could not connect to " + where;
      }
      if (t instanceof SSLException) {
        return "could not make a secure (TLS) connection to " + where + ": " + tlsProblem(t);
      }
      if (t instanceof EOFException
          || t instanceof ClosedChannelException
          || t.getClass().getSimpleName().equals("EofException")) {
        return "the server at " + where + " closed the connection before the feed was complete";
      }
    }
    return "fetching from " + where + " failed: " + failure;
  }

  /** What an HTTP error status usually means, for the end of the reason. */
  static String hint(int status) {
    return switch (status) {
      case 401 -> " (it did not accept our credentials)";
      case 403 -> " (access denied)";
      case 404 -> " (nothing at this address)";
      default -> "";
    };
  }

  private static String tlsProblem(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    if (message.contains("PKIX") || message.contains("certification path")) {
      return "its certificate is not signed by an authority we trust";
    }
    if (message.contains("subject alternative") || message.contains("No name matching")) {
      return "its certificate is for a different name";
    }
    if (message.contains("NotAfter") || message.contains("expired")) {
      return "its certificate has expired";
    }
    return message;
  }

  /** Never lets a secret header value through, whatever a library put in its message. */
  static String redact(String reason, FetchRequest request) {
    String safe = reason;
    for (String value : request.headers().values()) {
      if (value != null && value.length() >= 4) {
        safe = safe.replace(value, "[redacted]");
      }
    }
    return safe;
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
