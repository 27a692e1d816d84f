package pressroom.mail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how to reach the SMTP server, read from {@code PRESSROOM_SMTP_URL}.
 *
 * <p>Parsed by hand rather than with {@link java.net.URI} so that a password with unencoded
 * {@code @ / ? #} still works and no error message can repeat it.
 *
 * @param tls true for {@code smtps://}: TLS from the first byte
 * @param host host name or IP address (IPv6 without brackets)
 * @param port 25 for smtp and 465 for smtps unless given
 * @param user user name, or null to send without logging in
 * @param password password (never null when {@code user} is set); redacted in {@link #toString()}
 * @param startTls {@code ?starttls=true}: upgrade the plain connection, and refuse to go on without
 *     it
 */
record SmtpUrl(boolean tls, String host, int port, String user, String password, boolean startTls) {

  static final String KEY = "PRESSROOM_SMTP_URL";

  private static final Pattern SCHEME = Pattern.compile("(?i)(smtps?)://(.*)", Pattern.DOTALL);
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  static SmtpUrl parse(String raw) {
    String url = raw.strip();
    String shown = redact(url);
    Matcher m = SCHEME.matcher(url);
    if (!m.matches()) {
      throw bad(shown, "does not start with smtp:// or smtps://");
    }
    boolean tls = m.group(1).equalsIgnoreCase("smtps");
    String rest = m.group(2);

    // The password may hold '@', so the host starts after the last one.
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? null : rest.substring(0, at);
    String tail = rest.substring(at + 1);
    int end = firstOf(tail, '/', '?');
    String hostPort = tail.substring(0, end);
    String path = tail.substring(end);
    String query = "";
    int q = path.indexOf('?');
    if (q >= 0) {
      query = path.substring(q + 1);
      path = path.substring(0, q);
    }

    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0 || !IPV6.matcher(hostPort.substring(1, close)).matches()) {
        throw bad(shown, "has a bad IPv6 address '" + hostPort + "'");
      }
      host = hostPort.substring(1, close);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw bad(shown, "has a bad IPv6 address '" + hostPort + "'");
        }
        portText = after.substring(1);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      portText = colon < 0 ? null : hostPort.substring(colon + 1);
      if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
        throw bad(shown, "has a bad host name '" + host + "'");
      }
    }
    if (host.isEmpty()) {
      throw bad(shown, "has no host (e.g. smtp://mail.example.org:587)");
    }

    int port = tls ? 465 : 25;
    if (portText != null) {
      port = PORT.matcher(portText).matches() ? Integer.parseInt(portText) : -1;
      if (port < 1 || port > 65535) {
        throw bad(shown, "has a bad port '" + portText + "' (1-65535)");
      }
    }

    if (!path.isEmpty() && !path.equals("/")) {
      throw bad(shown, "has a path '" + path + "'; only host, port and ?starttls=true are read");
    }

    boolean startTls = false;
    for (String option : query.split("&")) {
      if (option.isEmpty()) {
        continue;
      }
      int eq = option.indexOf('=');
      String name = eq < 0 ? option : option.substring(0, eq);
      String value = eq < 0 ? "" : option.substring(eq + 1).toLowerCase(Locale.ROOT);
      if (!name.equalsIgnoreCase("starttls")) {
        throw bad(shown, "has an unknown option '" + name + "'; only starttls=true is understood");
      }
      startTls =
          switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(shown, "has starttls='" + value + "'; use true or false");
          };
    }
    if (tls && startTls) {
      throw bad(
          shown, "asks for starttls, but smtps:// is encrypted already; use one or the other");
    }

    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        throw bad(shown, "has a user name but no password (smtp://user:password@host)");
      }
      user = decode(userInfo.substring(0, colon), shown, "user name");
      password = decode(userInfo.substring(colon + 1), shown, "password");
      if (user.isEmpty()) {
        throw bad(shown, "has a password but no user name");
      }
    }
    return new SmtpUrl(tls, host, port, user, password, startTls);
  }

  /** The URL as given with the password replaced by {@code ***}, for messages and logs. */
  static String redact(String url) {
    int schemeEnd = url.indexOf("://");
    int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int at = url.lastIndexOf('@');
    int colon = url.indexOf(':', start);
    if (at < start || colon < 0 || colon > at) {
      return url;
    }
    return url.substring(0, colon + 1) + "***" + url.substring(at);
  }

  /** host:port, with brackets around an IPv6 address. */
  String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return (tls ? "smtps://" : "smtp://")
        + (user == null ? "" : user + ":***@")
        + address()
        + (startTls ? "?starttls=true" : "");
  }

  private static int firstOf(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == a || s.charAt(i) == b) {
        return i;
      }
    }
    return s.length();
  }

  private static String decode(String part, String shown, String what) {
    try {
      // In a URL's user info '+' is a plus sign, not a space as in a form.
      return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw bad(shown, "has a broken %-escape in the " + what + " (write % itself as %25)");
    }
  }

  private static IllegalArgumentException bad(String shown, String problem) {
    return new IllegalArgumentException(KEY + ": '" + shown + "' " + problem);
  }
}
